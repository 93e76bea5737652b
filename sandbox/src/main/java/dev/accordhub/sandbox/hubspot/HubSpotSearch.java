package dev.accordhub.sandbox.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accordhub.sandbox.JsonHttp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code POST /crm/v3/objects/{type}/search}: filter groups ORed, filters inside a group ANDed, sorts, offset paging
 * by {@code after}. Like HubSpot, each page runs the search again, so writes between pages shift the results, and no
 * page starts past the 10,000th result.
 */
final class HubSpotSearch {

    static final int MAX_RESULTS = 10_000;
    static final int DEFAULT_LIMIT = 10;
    static final int MAX_FILTER_GROUPS = 5;
    static final int MAX_FILTERS_PER_GROUP = 6;
    static final int MAX_FILTERS = 18;

    private final HubSpotStore store;
    private final int pageCap;

    HubSpotSearch(HubSpotStore store, int pageCap) {
        this.store = store;
        this.pageCap = pageCap;
    }

    ObjectNode search(HubSpotObjectType type, JsonNode request) {
        if (request == null || !request.isObject()) {
            throw HubSpotApiException.validation("Invalid input JSON on line 1: the search request must be an object");
        }
        Predicate<HubSpotObject> filter = filterGroups(type, request.path("filterGroups"));
        int limit = request.path("limit").asInt(DEFAULT_LIMIT);
        int after = after(request.get("after"));
        if (limit < 0 || limit > pageCap) {
            throw HubSpotApiException.validation("limit must be between 0 and " + pageCap + ", got " + limit);
        }
        List<HubSpotObject> matches = new ArrayList<>(store.list(type, false).stream().filter(filter).toList());
        matches.sort(ordering(type, request.path("sorts")));
        List<String> properties = new ArrayList<>();
        request.path("properties").forEach(p -> properties.add(p.asText()));

        ObjectNode body = JsonHttp.object().put("total", matches.size());
        ArrayNode results = body.putArray("results");
        int end = Math.min(matches.size(), after + limit);
        for (HubSpotObject object : matches.subList(Math.min(after, matches.size()), end)) {
            results.add(HubSpotJson.object(type, object, properties));
        }
        if (limit > 0 && end < matches.size()) {
            body.putObject("paging").putObject("next").put("after", Integer.toString(end));
        }
        return body;
    }

    private static int after(JsonNode after) {
        if (after == null || after.isNull() || after.asText().isEmpty()) {
            return 0;
        }
        int offset;
        try {
            offset = Integer.parseInt(after.asText());
        } catch (NumberFormatException e) {
            throw HubSpotApiException.validation("after must be the number from paging.next.after, got " + after);
        }
        if (offset < 0 || offset >= MAX_RESULTS) {
            throw HubSpotApiException.validation("Paging past " + MAX_RESULTS + " results is not supported:"
                    + " narrow the search, e.g. by the last-modified date of the last object seen.");
        }
        return offset;
    }

    private static Predicate<HubSpotObject> filterGroups(HubSpotObjectType type, JsonNode groups) {
        if (groups.isMissingNode() || groups.isEmpty()) {
            return object -> true;
        }
        if (!groups.isArray() || groups.size() > MAX_FILTER_GROUPS) {
            throw HubSpotApiException.validation("filterGroups must be a list of at most " + MAX_FILTER_GROUPS);
        }
        Predicate<HubSpotObject> anyGroup = object -> false;
        int filterCount = 0;
        for (JsonNode group : groups) {
            JsonNode filters = group.path("filters");
            if (filters.size() > MAX_FILTERS_PER_GROUP) {
                throw HubSpotApiException.validation("A filter group may hold at most " + MAX_FILTERS_PER_GROUP + " filters");
            }
            filterCount += filters.size();
            Predicate<HubSpotObject> allFilters = object -> true;
            for (JsonNode filter : filters) {
                allFilters = allFilters.and(HubSpotSearchFilter.parse(type, filter));
            }
            anyGroup = anyGroup.or(allFilters);
        }
        if (filterCount > MAX_FILTERS) {
            throw HubSpotApiException.validation("A search may hold at most " + MAX_FILTERS + " filters in all");
        }
        return anyGroup;
    }

    /** Sorts as given ({@code {"propertyName","direction"}} or {@code "prop"}/{@code "-prop"}), then by id. */
    private static Comparator<HubSpotObject> ordering(HubSpotObjectType type, JsonNode sorts) {
        Comparator<HubSpotObject> order = (a, b) -> 0;
        for (JsonNode sort : sorts) {
            String name = sort.isTextual() ? sort.asText().replaceFirst("^-", "") : sort.path("propertyName").asText();
            boolean descending = sort.isTextual()
                    ? sort.asText().startsWith("-")
                    : sort.path("direction").asText("ASCENDING").equalsIgnoreCase("DESCENDING");
            HubSpotProperty property = type.property(name)
                    .orElseThrow(() -> HubSpotApiException.validation("Cannot sort by unknown property \"" + name + "\""));
            Comparator<String> values = (a, b) -> HubSpotValues.compare(property.type(), a, b);
            Comparator<String> directed = descending ? values.reversed() : values;
            order = order.thenComparing(o -> blankToNull(o.property(property.name())),
                    Comparator.nullsLast(directed));
        }
        return order.thenComparing(o -> Long.parseLong(o.id()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
