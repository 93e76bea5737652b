package dev.accordhub.sandbox.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Salesforce's JSON forms of field values, both ways. Stored values are String, Boolean, BigDecimal, Instant, LocalDate. */
final class SalesforceValues {

    /** Salesforce writes {@code 2026-11-25T10:00:00.000+0000}: millis always, offset without a colon. */
    private static final DateTimeFormatter DATETIME_OUT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx").withZone(ZoneOffset.UTC);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SalesforceValues() {
    }

    static String formatDateTime(Instant instant) {
        return DATETIME_OUT.format(instant);
    }

    /** Accepts {@code Z}, {@code +0000} and {@code +00:00}, with or without fractions of a second. */
    static Instant parseDateTime(String text) {
        String isoOffset = text.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2");
        return OffsetDateTime.parse(isoOffset, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    static JsonNode toJson(Object value) {
        if (value == null) {
            return NODES.nullNode();
        } else if (value instanceof Instant instant) {
            return NODES.textNode(formatDateTime(instant));
        } else if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        } else if (value instanceof BigDecimal number) {
            return NODES.numberNode(number);
        } else if (value instanceof Number number) {
            return NODES.numberNode(new BigDecimal(number.toString()));
        }
        return NODES.textNode(value.toString());
    }

    /** A JSON body value as a plain Java value, before it is coerced to the field's type. */
    static Object fromJson(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        } else if (node.isBoolean()) {
            return node.booleanValue();
        } else if (node.isNumber()) {
            return node.decimalValue();
        } else if (node.isTextual()) {
            return node.textValue();
        }
        throw SalesforceApiException.jsonParse("Cannot deserialize instance of a field value from " + node.getNodeType());
    }

    /** Converts what a client sent to the field's stored type, or refuses it as Salesforce's JSON parser would. */
    static Object coerce(SalesforceField field, Object raw) {
        if (raw == null) {
            return null;
        }
        try {
            return switch (field.type()) {
                case ID, STRING, REFERENCE -> raw.toString();
                case BOOLEAN -> raw instanceof Boolean b ? b : parseBoolean(raw.toString());
                case NUMBER -> raw instanceof BigDecimal d ? d : new BigDecimal(raw.toString());
                case DATE -> raw instanceof LocalDate d ? d : LocalDate.parse(datePart(raw.toString()));
                case DATETIME -> raw instanceof Instant i ? i : parseDateTime(raw.toString());
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw SalesforceApiException.jsonParse("Cannot deserialize value of type "
                    + field.type().name().toLowerCase(Locale.ROOT) + " from String \"" + raw
                    + "\": not a valid representation for field " + field.name());
        }
    }

    private static Boolean parseBoolean(String text) {
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.valueOf(text);
        }
        throw new NumberFormatException(text);
    }

    private static String datePart(String text) {
        return text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text;
    }
}
