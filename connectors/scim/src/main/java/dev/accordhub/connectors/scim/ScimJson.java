package dev.accordhub.connectors.scim;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** JSON plumbing shared by the protocol classes: parsing, case-insensitive attribute access, dateTime values. */
final class ScimJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ScimJson() {
    }

    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw ScimException.badRequest(ScimException.INVALID_SYNTAX, "The request body is empty");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ScimException.badRequest(ScimException.INVALID_SYNTAX,
                    "The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static ObjectNode parseObject(String body) {
        JsonNode node = parse(body);
        if (!node.isObject()) {
            throw ScimException.badRequest(ScimException.INVALID_SYNTAX, "The request body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** The field whose name equals {@code name} ignoring case, or null; SCIM attribute names are case-insensitive. */
    static JsonNode field(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            return null;
        }
        JsonNode exact = object.get(name);
        if (exact != null) {
            return exact;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** The values of a node: the elements of an array, or the node itself; nulls and missing nodes dropped. */
    static List<JsonNode> values(JsonNode node) {
        List<JsonNode> values = new ArrayList<>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return values;
        }
        if (node.isArray()) {
            node.forEach(element -> {
                if (!element.isNull()) {
                    values.add(element);
                }
            });
        } else {
            values.add(node);
        }
        return values;
    }

    /** xsd:dateTime as an instant; a value without offset is taken as UTC. */
    static Optional<Instant> instant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException withoutOffset) {
            try {
                return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notADateTime) {
                return Optional.empty();
            }
        }
    }
}
