package dev.accordhub.connectors.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds {@link ScimResponse}s: resources with their ETag and Location, and SCIM Error bodies. */
public final class ScimResponses {

    private ScimResponses() {
    }

    static ScimResponse ok(JsonNode body) {
        return json(200, body, Map.of());
    }

    /** {@code rendered} gives ETag and Location; {@code body}, its projection, is what is sent. */
    static ScimResponse resource(int status, JsonNode rendered, JsonNode body, boolean withLocation) {
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode meta = rendered.path("meta");
        if (meta.path("version").isTextual()) {
            headers.put("ETag", meta.get("version").textValue());
        }
        if (withLocation && meta.path("location").isTextual()) {
            headers.put("Location", meta.get("location").textValue());
        }
        return json(status, body, headers);
    }

    static ScimResponse noContent() {
        return new ScimResponse(204, Map.of(), null);
    }

    static ScimResponse notModified(String etag) {
        return new ScimResponse(304, Map.of("ETag", etag), null);
    }

    /** The SCIM Error response of RFC 7644 §3.12; public so the HTTP layer answers its own failures alike. */
    public static ScimResponse error(ScimException error) {
        ObjectNode body = ScimJson.object();
        body.putArray("schemas").add(ScimCoreSchemas.ERROR);
        body.put("status", Integer.toString(error.status()));
        if (error.scimType() != null) {
            body.put("scimType", error.scimType());
        }
        if (error.detail() != null) {
            body.put("detail", error.detail());
        }
        return json(error.status(), body, Map.of());
    }

    static ScimResponse methodNotAllowed(String method, String allowed) {
        ScimResponse error = error(new ScimException(405, null, method + " is not supported here; use " + allowed));
        Map<String, String> headers = new LinkedHashMap<>(error.headers());
        headers.put("Allow", allowed.replace(" ", ", "));
        return new ScimResponse(405, headers, error.body());
    }

    private static ScimResponse json(int status, JsonNode body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", ScimResponse.CONTENT_TYPE);
        headers.putAll(extraHeaders);
        return new ScimResponse(status, headers, ScimJson.write(body));
    }
}
