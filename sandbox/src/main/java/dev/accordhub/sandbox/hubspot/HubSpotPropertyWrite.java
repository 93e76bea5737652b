package dev.accordhub.sandbox.hubspot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.accordhub.sandbox.JsonHttp;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks and normalises the properties of a create or update the way HubSpot does: every problem is collected and
 * reported at once in a {@code VALIDATION_ERROR} whose message lists them as JSON.
 */
final class HubSpotPropertyWrite {

    private HubSpotPropertyWrite() {
    }

    /** @return the values to store; an empty string clears a property */
    static Map<String, String> normalise(HubSpotObjectType type, Map<String, String> given, boolean create) {
        Map<String, String> values = new LinkedHashMap<>();
        ArrayNode problems = JsonHttp.array();
        given.forEach((name, raw) -> {
            String value = raw == null ? "" : raw;
            HubSpotProperty property = type.property(name).orElse(null);
            if (property == null) {
                problem(problems, name, "PROPERTY_DOESNT_EXIST", "Property \"" + name + "\" does not exist");
            } else if (property.readOnly()) {
                problem(problems, name, "READ_ONLY_VALUE", name + " is a read only property; its value cannot be set.");
            } else if (value.isEmpty()) {
                values.put(property.name(), "");
            } else {
                String checked = checked(property, value, problems);
                if (checked != null) {
                    values.put(property.name(), checked);
                }
            }
        });
        if (create) {
            for (String required : type.requiredOnCreate()) {
                if (values.getOrDefault(required, "").isEmpty()) {
                    problem(problems, required, "REQUIRED_PROPERTY", required + " is required");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw HubSpotApiException.validation("Property values were not valid: " + problems);
        }
        return values;
    }

    private static String checked(HubSpotProperty property, String value, ArrayNode problems) {
        String name = property.name();
        switch (property.type()) {
            case NUMBER -> {
                if (!HubSpotValues.isNumber(value)) {
                    problem(problems, name, "INVALID_DECIMAL", value + " was not a valid number.");
                    return null;
                }
                return value.trim();
            }
            case DATETIME -> {
                java.time.Instant instant = HubSpotValues.instantOrNull(value);
                if (instant == null) {
                    problem(problems, name, "INVALID_DATE", value + " was not a valid datetime.");
                    return null;
                }
                return HubSpotValues.formatInstant(instant);
            }
            case ENUMERATION -> {
                if (!property.options().contains(value)) {
                    problem(problems, name, "INVALID_OPTION",
                            value + " was not one of the allowed options: " + String.join(", ", property.options()));
                    return null;
                }
                return value;
            }
            default -> {
                return value;
            }
        }
    }

    private static void problem(ArrayNode problems, String name, String error, String message) {
        problems.addObject().put("isValid", false).put("message", message).put("error", error).put("name", name);
    }
}
