package dev.accordhub.connectors.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Rules for the values of a multi-valued attribute: identity, and one primary at most (RFC 7643 §2.4). */
final class ScimMultiValues {

    private ScimMultiValues() {
    }

    /**
     * Two values are the same when equal, or when the attribute's {@code value} is caseExact (an id, as in Group
     * members) and theirs are equal: the same member added twice stays one member.
     */
    static boolean same(ScimAttribute attribute, JsonNode a, JsonNode b) {
        if (a.equals(b)) {
            return true;
        }
        boolean valueIsId = attribute.subAttribute("value").map(ScimAttribute::caseExact).orElse(false);
        return valueIsId && a.hasNonNull("value") && a.get("value").equals(b.get("value"));
    }

    static boolean contains(ScimAttribute attribute, ArrayNode values, JsonNode value) {
        for (JsonNode existing : values) {
            if (same(attribute, existing, value)) {
                return true;
            }
        }
        return false;
    }

    static boolean isPrimary(JsonNode value) {
        return value.path("primary").asBoolean(false);
    }

    /** A value newly set primary takes the flag from the others (RFC 7644 §3.5.2). */
    static void keepOnlyPrimary(ArrayNode values, JsonNode primary) {
        for (JsonNode value : values) {
            if (value != primary && isPrimary(value)) {
                ((ObjectNode) value).remove("primary");
            }
        }
    }
}
