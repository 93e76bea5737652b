package dev.accordhub.portal.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** RFC 9457 problem details with a stable {@code type} per kind of error. */
public final class Problems {

    public static final String TYPE_BASE = "https://accordhub.dev/problems/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    public static ApiResult notFound(String what, String id) {
        return problem(404, "not-found", what + " not found", "No " + what.toLowerCase() + " with id '" + id + "'");
    }

    /**
     * 401 with the RFC 6750 challenge: without an error code when no token came, else {@code invalid_token} and what
     * is wrong with it (never the token itself).
     */
    public static ApiResult unauthorized(String detail, boolean tokenMissing) {
        String challenge = tokenMissing ? "Bearer realm=\"accord\""
                : "Bearer realm=\"accord\", error=\"invalid_token\", error_description=\""
                        + detail.replace("\\", "").replace("\"", "'") + "\"";
        return problem(401, "unauthorized", "Authentication required", detail)
                .withHeader("WWW-Authenticate", challenge);
    }

    /** 400 listing every bad field: {@code errors: [{field, message}]}. */
    public static ApiResult invalidFields(java.util.List<java.util.Map.Entry<String, String>> errors) {
        ObjectNode body = JSON.createObjectNode()
                .put("type", TYPE_BASE + "invalid-request")
                .put("title", "Invalid request")
                .put("status", 400)
                .put("detail", errors.size() + " field(s) need fixing: " + errors.stream()
                        .map(java.util.Map.Entry::getKey).collect(java.util.stream.Collectors.joining(", ")));
        var list = body.putArray("errors");
        errors.forEach(e -> list.addObject().put("field", e.getKey()).put("message", e.getValue()));
        return new ApiResult(400, ApiResult.PROBLEM_JSON, body.toString());
    }

    public static ApiResult forbidden(String detail) {
        return problem(403, "forbidden", "Not allowed", detail);
    }

    public static ApiResult badRequest(String detail) {
        return problem(400, "invalid-request", "Invalid request", detail);
    }

    /**
     * A {@code ?status=} query parameter as one of {@code type}'s constants (case-insensitive, default when absent),
     * or null when it names none: the caller answers {@link #badRequest} then.
     */
    public static <E extends Enum<E>> E status(String value, Class<E> type, E absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static ApiResult problem(int status, String type, String title, String detail) {
        ObjectNode body = JSON.createObjectNode()
                .put("type", TYPE_BASE + type)
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        return new ApiResult(status, ApiResult.PROBLEM_JSON, body.toString());
    }
}
