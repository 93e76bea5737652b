package dev.accordhub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request, read off the wire before any handler sees it, so handlers never touch the JDK's exchange.
 * {@code path} holds the decoded segments of the RAW path: an encoded slash stays inside its segment.
 */
public record SandboxRequest(
        String method,
        String rawPath,
        List<String> path,
        Map<String, List<String>> query,
        Map<String, List<String>> headers,
        byte[] body) {

    public SandboxRequest {
        path = List.copyOf(path);
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    public static SandboxRequest of(String method, String rawPath, String rawQuery,
                                    Map<String, List<String>> headers, byte[] body) {
        List<String> segments = Arrays.stream(rawPath.split("/"))
                .filter(s -> !s.isEmpty())
                .map(JsonHttp::decodePathSegment)
                .toList();
        Map<String, List<String>> lowerCaseHeaders = new LinkedHashMap<>();
        headers.forEach((name, values) -> lowerCaseHeaders.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        return new SandboxRequest(method.toUpperCase(Locale.ROOT), rawPath, segments,
                JsonHttp.parseQuery(rawQuery), lowerCaseHeaders, body);
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public List<String> queryParams(String name) {
        return query.getOrDefault(name, List.of());
    }

    /** Form fields of an {@code application/x-www-form-urlencoded} body, first value wins. */
    public Map<String, String> form() {
        Map<String, String> form = new LinkedHashMap<>();
        JsonHttp.parseQuery(new String(body, StandardCharsets.UTF_8))
                .forEach((name, values) -> form.put(name, values.get(0)));
        return form;
    }

    /** The JSON body, or null when the body is empty or not JSON. */
    public JsonNode json() {
        return JsonHttp.parseOrNull(body);
    }

    /** The token of {@code Authorization: Bearer x}; Salesforce's own clients also send {@code OAuth x}. */
    public Optional<String> bearerToken() {
        return header("Authorization").flatMap(value -> {
            int space = value.indexOf(' ');
            if (space < 0) {
                return Optional.empty();
            }
            String scheme = value.substring(0, space);
            boolean known = scheme.equalsIgnoreCase("Bearer") || scheme.equalsIgnoreCase("OAuth");
            return known ? Optional.of(value.substring(space + 1).trim()) : Optional.empty();
        });
    }

    /** True when the path starts with the given segments, e.g. {@code startsWith("crm", "v3")}. */
    public boolean startsWith(String... prefix) {
        if (path.size() < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (!path.get(i).equals(prefix[i])) {
                return false;
            }
        }
        return true;
    }
}
