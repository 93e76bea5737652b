package dev.accordhub.sandbox.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * One filter of a search request as a predicate. Comparisons follow the property's type: datetimes as instants
 * (the value may be epoch millis or ISO), numbers numerically, text case-insensitively. A missing value matches
 * only the negative operators.
 */
final class HubSpotSearchFilter {

    private HubSpotSearchFilter() {
    }

    static Predicate<HubSpotObject> parse(HubSpotObjectType type, JsonNode filter) {
        String name = filter.path("propertyName").asText("");
        HubSpotProperty property = type.property(name)
                .orElseThrow(() -> HubSpotApiException.validation("There was a problem with the request: property \""
                        + name + "\" does not exist on " + type.path()));
        String operator = filter.path("operator").asText("EQ").toUpperCase(Locale.ROOT);
        return switch (operator) {
            case "HAS_PROPERTY" -> object -> present(object, property);
            case "NOT_HAS_PROPERTY" -> object -> !present(object, property);
            case "IN" -> inValues(property, values(filter));
            case "NOT_IN" -> inValues(property, values(filter)).negate();
            case "NEQ" -> compared(property, value(filter), order -> order == 0).negate();
            case "EQ" -> compared(property, value(filter), order -> order == 0);
            case "LT" -> compared(property, value(filter), order -> order < 0);
            case "LTE" -> compared(property, value(filter), order -> order <= 0);
            case "GT" -> compared(property, value(filter), order -> order > 0);
            case "GTE" -> compared(property, value(filter), order -> order >= 0);
            case "BETWEEN" -> compared(property, value(filter), order -> order >= 0)
                    .and(compared(property, text(filter, "highValue"), order -> order <= 0));
            case "CONTAINS_TOKEN" -> containsToken(property, value(filter));
            case "NOT_CONTAINS_TOKEN" -> containsToken(property, value(filter)).negate();
            default -> throw HubSpotApiException.validation("Unsupported filter operator: " + operator);
        };
    }

    private static Predicate<HubSpotObject> compared(HubSpotProperty property, String expected,
                                                     java.util.function.IntPredicate accepts) {
        return object -> present(object, property)
                && accepts.test(HubSpotValues.compare(property.type(), object.property(property.name()), expected));
    }

    private static Predicate<HubSpotObject> inValues(HubSpotProperty property, List<String> expected) {
        return object -> present(object, property) && expected.stream().anyMatch(e ->
                HubSpotValues.compare(property.type(), object.property(property.name()), e) == 0);
    }

    /** A simplified token match: the value, its '*' wildcards dropped, appears in the property's text. */
    private static Predicate<HubSpotObject> containsToken(HubSpotProperty property, String token) {
        String needle = token.replace("*", "").toLowerCase(Locale.ROOT);
        return object -> present(object, property)
                && object.property(property.name()).toLowerCase(Locale.ROOT).contains(needle);
    }

    private static boolean present(HubSpotObject object, HubSpotProperty property) {
        String value = object.property(property.name());
        return value != null && !value.isEmpty();
    }

    private static String value(JsonNode filter) {
        return text(filter, "value");
    }

    private static String text(JsonNode filter, String field) {
        JsonNode value = filter.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            throw HubSpotApiException.validation("Filter on \"" + filter.path("propertyName").asText()
                    + "\" with operator " + filter.path("operator").asText() + " needs a \"" + field + "\"");
        }
        return value.asText();
    }

    private static List<String> values(JsonNode filter) {
        JsonNode values = filter.get("values");
        if (values == null || !values.isArray() || values.isEmpty()) {
            throw HubSpotApiException.validation("Filter on \"" + filter.path("propertyName").asText()
                    + "\" with operator " + filter.path("operator").asText() + " needs a non-empty \"values\" list");
        }
        List<String> texts = new ArrayList<>();
        values.forEach(v -> texts.add(v.asText()));
        return texts;
    }
}
