package dev.accordhub.connectors.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accordhub.connectors.scim.ScimAttribute.Type;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/** Filters, sorts and pages resources into a ListResponse (RFC 7644 §3.4.2). */
final class ScimListQuery {

    /** A resource as rendered for the response, before projection, with its type. */
    record Candidate(ScimResourceType type, ObjectNode resource) {
    }

    private ScimListQuery() {
    }

    static ObjectNode listResponse(List<Candidate> candidates, List<ScimResourceType> types, ScimQuery query,
                                   ScimConfig config) {
        Map<ScimResourceType, Predicate<JsonNode>> filters = filters(types, query.filter());
        List<Candidate> matched = candidates.stream()
                .filter(c -> filters.get(c.type()).test(c.resource()))
                .sorted(order(types, query))
                .toList();
        int count = query.count() == null ? config.defaultCount() : Math.min(query.count(), config.maxResults());
        int from = Math.min(query.startIndex() - 1, matched.size());
        List<Candidate> page = matched.subList(from, Math.min(matched.size(), from + count));

        ObjectNode response = ScimJson.object();
        response.putArray("schemas").add(ScimCoreSchemas.LIST_RESPONSE);
        response.put("totalResults", matched.size());
        response.put("startIndex", query.startIndex());
        response.put("itemsPerPage", page.size());
        if (count > 0) {
            ArrayNode resources = response.putArray("Resources");
            page.forEach(c -> resources.add(ScimProjection.of(c.type(), query.attributes(),
                    query.excludedAttributes()).apply(c.resource())));
        }
        return response;
    }

    /**
     * One predicate per type. A root search spans types, so a filter that does not fit one type matches none of
     * its resources there; only when it fits no type at all is it an error.
     */
    private static Map<ScimResourceType, Predicate<JsonNode>> filters(List<ScimResourceType> types, String text) {
        Map<ScimResourceType, Predicate<JsonNode>> filters = new HashMap<>();
        if (text == null || text.isBlank()) {
            types.forEach(t -> filters.put(t, r -> true));
            return filters;
        }
        ScimFilter filter = ScimFilter.parse(text);
        ScimException firstError = null;
        int misfits = 0;
        for (ScimResourceType type : types) {
            try {
                filters.put(type, new ScimFilterEvaluator(type).compile(filter));
            } catch (ScimException e) {
                firstError = firstError == null ? e : firstError;
                misfits++;
                filters.put(type, r -> false);
            }
        }
        if (misfits == types.size()) {
            throw firstError;
        }
        return filters;
    }

    private static Comparator<Candidate> order(List<ScimResourceType> types, ScimQuery query) {
        Comparator<Candidate> byCreation = Comparator
                .comparing((Candidate c) -> c.resource().path("meta").path("created").asText())
                .thenComparing(c -> c.resource().path("id").asText());
        if (query.sortBy() == null || query.sortBy().isBlank()) {
            return byCreation;
        }
        ScimPath path = ScimPath.parse(query.sortBy()).orElseThrow(() -> ScimException.badRequest(
                ScimException.INVALID_PATH, "'sortBy' is not an attribute path: " + query.sortBy()));
        Map<ScimResourceType, ScimFilterEvaluator.Accessor> accessors = new HashMap<>();
        for (ScimResourceType type : types) {
            try {
                accessors.put(type, new ScimFilterEvaluator(type).accessor(path));
            } catch (ScimException unknownForThisType) {
                if (types.size() == 1) {
                    throw ScimException.badRequest(ScimException.INVALID_PATH,
                            "'sortBy' names an unknown attribute: " + query.sortBy());
                }
            }
        }
        Function<Candidate, Comparable<Object>> key = c -> sortKey(accessors.get(c.type()), c.resource());
        Comparator<Comparable<Object>> values = query.descending()
                ? Comparator.<Comparable<Object>>naturalOrder().reversed() : Comparator.naturalOrder();
        return Comparator.comparing(key, Comparator.nullsLast(values)).thenComparing(byCreation);
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> sortKey(ScimFilterEvaluator.Accessor accessor, JsonNode resource) {
        if (accessor == null) {
            return null;
        }
        List<JsonNode> values = accessor.values().apply(resource);
        if (values.isEmpty()) {
            return null;
        }
        JsonNode value = values.get(0);
        ScimAttribute attribute = accessor.attribute();
        Comparable<?> key;
        if (value.isNumber()) {
            key = value.decimalValue();
        } else if (value.isBoolean()) {
            key = value.booleanValue();
        } else if (attribute.type() == Type.DATE_TIME) {
            key = ScimJson.instant(value.asText()).orElse(Instant.MIN);
        } else if (value.isTextual()) {
            key = attribute.caseExact() ? value.textValue() : value.textValue().toLowerCase(Locale.ROOT);
        } else {
            return null;
        }
        return (Comparable<Object>) key;
    }
}
