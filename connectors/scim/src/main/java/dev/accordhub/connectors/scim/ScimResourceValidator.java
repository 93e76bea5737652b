package dev.accordhub.connectors.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.accordhub.connectors.scim.ScimAttribute.Mutability;

import java.util.Iterator;
import java.util.Map;

import static dev.accordhub.connectors.scim.ScimException.INVALID_SYNTAX;
import static dev.accordhub.connectors.scim.ScimException.INVALID_VALUE;

/**
 * Checks a client's resource against the schema and rewrites it to the stored form: attribute names in their
 * schema spelling, nulls and empty values dropped (RFC 7643 §2.5 "unassigned"), readOnly attributes ignored
 * (§2.2), passwords discarded. Unknown attributes are 400 invalidSyntax, wrong types 400 invalidValue.
 */
final class ScimResourceValidator {

    private final ScimResourceType type;

    ScimResourceValidator(ScimResourceType type) {
        this.type = type;
    }

    /** A whole resource of a POST or PUT: attributes as for a partial one, and the required ones present. */
    ObjectNode resource(JsonNode body) {
        if (!body.isObject()) {
            throw ScimException.badRequest(INVALID_SYNTAX, "The resource must be a JSON object");
        }
        requireCoreSchema(ScimJson.field(body, "schemas"));
        ObjectNode resource = attributes(body);
        checkRequired(resource);
        return resource;
    }

    /** The attributes of a resource or of a PATCH value without path; {@code schemas} is left to the caller. */
    ObjectNode attributes(JsonNode body) {
        if (!body.isObject()) {
            throw ScimException.badRequest(INVALID_VALUE, "Expected a JSON object of attributes");
        }
        ObjectNode out = ScimJson.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            if (name.equalsIgnoreCase("schemas") || field.getValue().isNull()) {
                continue;
            }
            if (type.extension(name).isPresent()) {
                ScimSchema extension = type.extension(name).get();
                putOnce(out, extension.id(), extensionAttributes(extension, field.getValue()));
                continue;
            }
            ScimAttribute attribute = type.attribute(null, name).orElseThrow(() -> ScimException.badRequest(
                    INVALID_SYNTAX, "Unknown attribute '" + name + "' for resource type " + type.name()));
            if (isIgnoredOnInput(attribute)) {
                continue;
            }
            putOnce(out, attribute.name(), value(attribute, field.getValue(), attribute.name()));
        }
        return out;
    }

    private JsonNode extensionAttributes(ScimSchema extension, JsonNode body) {
        if (!body.isObject()) {
            throw ScimException.badRequest(INVALID_VALUE, "'" + extension.id() + "' must be a JSON object");
        }
        ObjectNode out = ScimJson.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            ScimAttribute attribute = extension.attribute(field.getKey()).orElseThrow(() ->
                    ScimException.badRequest(INVALID_SYNTAX,
                            "Unknown attribute '" + field.getKey() + "' in " + extension.id()));
            if (!isIgnoredOnInput(attribute)) {
                putOnce(out, attribute.name(), value(attribute, field.getValue(), attribute.name()));
            }
        }
        return out.isEmpty() ? null : out;
    }

    /** A value of {@code attribute}: an array for a multi-valued one. Null when it is empty (unassigned). */
    JsonNode value(ScimAttribute attribute, JsonNode value, String where) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!attribute.multiValued()) {
            return element(attribute, value, where);
        }
        if (!value.isArray()) {
            throw ScimException.badRequest(INVALID_VALUE, "'" + where + "' is multi-valued: expected an array");
        }
        ArrayNode out = ScimJson.MAPPER.createArrayNode();
        int primaries = 0;
        for (JsonNode element : value) {
            JsonNode checked = element(attribute, element, where);
            if (checked == null || ScimMultiValues.contains(attribute, out, checked)) {
                continue;
            }
            out.add(checked);
            primaries += ScimMultiValues.isPrimary(checked) ? 1 : 0;
        }
        if (primaries > 1) {
            throw ScimException.badRequest(INVALID_VALUE, "'" + where + "' has more than one primary value");
        }
        return out.isEmpty() ? null : out;
    }

    /** One value of {@code attribute} (one element when multi-valued), or null when empty. */
    JsonNode element(ScimAttribute attribute, JsonNode value, String where) {
        if (value == null || value.isNull()) {
            return null;
        }
        return switch (attribute.type()) {
            case STRING, REFERENCE, BINARY -> require(value, value.isTextual(), where, "a string");
            case DATE_TIME -> require(value, value.isTextual() && ScimJson.instant(value.textValue()).isPresent(),
                    where, "a dateTime such as 2024-05-01T12:00:00Z");
            case BOOLEAN -> bool(value, where);
            case INTEGER -> require(value, value.isIntegralNumber(), where, "an integer");
            case DECIMAL -> require(value, value.isNumber(), where, "a number");
            case COMPLEX -> complex(attribute, value, where);
        };
    }

    /** Entra ID sends booleans as the strings "True" and "False" in PATCH; nothing else is taken for one. */
    private static JsonNode bool(JsonNode value, String where) {
        if (value.isTextual() && (value.textValue().equalsIgnoreCase("true")
                || value.textValue().equalsIgnoreCase("false"))) {
            return BooleanNode.valueOf(value.textValue().equalsIgnoreCase("true"));
        }
        return require(value, value.isBoolean(), where, "true or false");
    }

    private JsonNode complex(ScimAttribute attribute, JsonNode value, String where) {
        if (value.isTextual() && attribute.subAttribute("value").isPresent()) {
            // a bare id for a reference such as the enterprise manager, as Entra ID sends it
            return complex(attribute, ScimJson.object().set("value", TextNode.valueOf(value.textValue())), where);
        }
        if (!value.isObject()) {
            throw ScimException.badRequest(INVALID_VALUE, "'" + where + "' is complex: expected a JSON object");
        }
        ObjectNode out = ScimJson.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String path = where + "." + field.getKey();
            ScimAttribute sub = attribute.subAttribute(field.getKey()).orElseThrow(() ->
                    ScimException.badRequest(INVALID_SYNTAX, "Unknown attribute '" + path + "'"));
            if (!isIgnoredOnInput(sub)) {
                putOnce(out, sub.name(), element(sub, field.getValue(), path));
            }
        }
        return out.isEmpty() ? null : out;
    }

    /** Throws 400 invalidValue when a required attribute, or a required sub-attribute of a value, is missing. */
    void checkRequired(ObjectNode resource) {
        for (ScimAttribute attribute : type.schema().attributes()) {
            checkRequired(attribute, resource.get(attribute.name()), attribute.name());
        }
        for (ScimSchema extension : type.extensions()) {
            JsonNode values = resource.get(extension.id());
            for (ScimAttribute attribute : extension.attributes()) {
                checkRequired(attribute, values == null ? null : values.get(attribute.name()), attribute.name());
            }
        }
    }

    private static void checkRequired(ScimAttribute attribute, JsonNode value, String where) {
        if (attribute.required() && (value == null || value.isNull())) {
            throw ScimException.badRequest(INVALID_VALUE, "'" + where + "' is required");
        }
        if (attribute.isComplex()) {
            for (JsonNode element : ScimJson.values(value)) {
                for (ScimAttribute sub : attribute.subAttributes()) {
                    checkRequired(sub, element.get(sub.name()), where + "." + sub.name());
                }
            }
        }
    }

    private void requireCoreSchema(JsonNode schemas) {
        boolean listed = schemas != null && schemas.isArray() && ScimJson.values(schemas).stream()
                .anyMatch(s -> s.isTextual() && s.textValue().equalsIgnoreCase(type.schema().id()));
        if (!listed) {
            throw ScimException.badRequest(INVALID_SYNTAX, "'schemas' must list " + type.schema().id());
        }
    }

    private static boolean isIgnoredOnInput(ScimAttribute attribute) {
        // readOnly: RFC 7643 §2.2 says ignore; writeOnly is only the password, which the hub has no use for
        return attribute.isReadOnly() || attribute.mutability() == Mutability.WRITE_ONLY;
    }

    private static void putOnce(ObjectNode out, String name, JsonNode value) {
        if (out.has(name)) {
            throw ScimException.badRequest(INVALID_SYNTAX, "Attribute '" + name + "' is given more than once");
        }
        if (value != null) {
            out.set(name, value);
        }
    }

    private static JsonNode require(JsonNode value, boolean ok, String where, String expected) {
        if (!ok) {
            throw ScimException.badRequest(INVALID_VALUE, "'" + where + "' must be " + expected + ", got " + value);
        }
        return value;
    }
}
