package dev.accordhub.connectors.scim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the HTTP layer sends back: status, headers (Content-Type, ETag, Location) and a body, null for 204 and 304.
 */
public record ScimResponse(int status, Map<String, String> headers, String body) {

    public static final String CONTENT_TYPE = "application/scim+json";

    public ScimResponse {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public String header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }
}
