package dev.accordhub.connectors.scim;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of a list or search (RFC 7644 §3.4.2 and §3.4.3), from the query string or a SearchRequest body.
 * {@code count} is null when the client gave none.
 */
record ScimQuery(String filter, int startIndex, Integer count, String sortBy, boolean descending,
                 String attributes, String excludedAttributes) {

    static ScimQuery fromParameters(ScimRequest request) {
        return new ScimQuery(request.param("filter"), startIndex(integer(request.param("startIndex"), "startIndex")),
                integer(request.param("count"), "count"), request.param("sortBy"),
                descending(request.param("sortOrder")), request.param("attributes"),
                request.param("excludedAttributes"));
    }

    static ScimQuery fromSearchRequest(JsonNode body) {
        JsonNode schemas = ScimJson.field(body, "schemas");
        boolean searchRequest = schemas != null && ScimJson.values(schemas).stream()
                .anyMatch(s -> s.asText().equalsIgnoreCase(ScimCoreSchemas.SEARCH_REQUEST));
        if (!searchRequest) {
            throw ScimException.badRequest(ScimException.INVALID_SYNTAX,
                    "'schemas' must list " + ScimCoreSchemas.SEARCH_REQUEST);
        }
        return new ScimQuery(text(body, "filter"), startIndex(integer(text(body, "startIndex"), "startIndex")),
                integer(text(body, "count"), "count"), text(body, "sortBy"), descending(text(body, "sortOrder")),
                list(body, "attributes"), list(body, "excludedAttributes"));
    }

    private static String text(JsonNode body, String name) {
        JsonNode value = ScimJson.field(body, name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isContainerNode()) {
            throw ScimException.badRequest(ScimException.INVALID_VALUE, "'" + name + "' must be a single value");
        }
        return value.asText();
    }

    private static String list(JsonNode body, String name) {
        JsonNode value = ScimJson.field(body, name);
        if (value == null || !value.isArray()) {
            return text(body, name);
        }
        List<String> names = new ArrayList<>();
        value.forEach(v -> names.add(v.asText()));
        return String.join(",", names);
    }

    private static Integer integer(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            // RFC 7644 §3.4.2.4: below 1 is 1 for startIndex, negative is 0 for count
            return Math.max(0, Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            throw ScimException.badRequest(ScimException.INVALID_VALUE, "'" + name + "' must be an integer");
        }
    }

    private static int startIndex(Integer value) {
        return value == null ? 1 : Math.max(1, value);
    }

    private static boolean descending(String sortOrder) {
        if (sortOrder == null || sortOrder.equalsIgnoreCase("ascending")) {
            return false;
        }
        if (sortOrder.equalsIgnoreCase("descending")) {
            return true;
        }
        throw ScimException.badRequest(ScimException.INVALID_VALUE, "'sortOrder' must be ascending or descending");
    }
}
