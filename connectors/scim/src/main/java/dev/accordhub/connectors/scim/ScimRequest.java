package dev.accordhub.connectors.scim;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One SCIM call as the HTTP layer received it.
 *
 * @param method     HTTP method, any case
 * @param path       path below the SCIM base, e.g. {@code /Users/2819c223}
 * @param query      query parameters (names are matched case-insensitively)
 * @param headers    request headers (names are matched case-insensitively); If-Match, If-None-Match, Content-Type
 * @param body       request body, or null
 * @param baseUrl    absolute URL of the SCIM base, e.g. {@code https://hub.example/scim/v2}, used for
 *                   {@code Location} and {@code meta.location}
 */
public record ScimRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                          String body, String baseUrl) {

    public ScimRequest {
        method = method == null ? "GET" : method.toUpperCase(java.util.Locale.ROOT);
        path = path == null ? "" : path;
        query = caseInsensitiveCopy(query);
        headers = caseInsensitiveCopy(headers);
        baseUrl = baseUrl == null ? "" : stripTrailingSlash(baseUrl);
    }

    public static ScimRequest of(String method, String path, String body) {
        return new ScimRequest(method, path, Map.of(), Map.of(), body, "");
    }

    public String header(String name) {
        return headers.get(name);
    }

    public String param(String name) {
        return query.get(name);
    }

    public ScimRequest withHeader(String name, String value) {
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        copy.put(name, value);
        return new ScimRequest(method, path, query, copy, body, baseUrl);
    }

    public ScimRequest withParam(String name, String value) {
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(query);
        copy.put(name, value);
        return new ScimRequest(method, path, copy, headers, body, baseUrl);
    }

    public ScimRequest withBaseUrl(String url) {
        return new ScimRequest(method, path, query, headers, body, url);
    }

    private static Map<String, String> caseInsensitiveCopy(Map<String, String> source) {
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (source != null) {
            copy.putAll(source);
        }
        return Collections.unmodifiableMap(copy);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
