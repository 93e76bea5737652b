package dev.accordhub.sandbox.hubspot;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** HubSpot's string forms: datetimes as {@code 2026-11-25T10:00:00.000Z}; input may be ISO, a date or epoch millis. */
final class HubSpotValues {

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private HubSpotValues() {
    }

    static String formatInstant(Instant instant) {
        return ISO_MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** @throws DateTimeParseException or NumberFormatException when the text is no datetime */
    static Instant parseInstant(String text) {
        String trimmed = text.trim();
        if (trimmed.chars().allMatch(Character::isDigit) && !trimmed.isEmpty()) {
            return Instant.ofEpochMilli(Long.parseLong(trimmed));
        }
        if (trimmed.length() == 10) {
            return LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return OffsetDateTime.parse(trimmed, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    /** The datetime, or null when the text is none. */
    static Instant instantOrNull(String text) {
        try {
            return parseInstant(text);
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    static boolean isNumber(String text) {
        try {
            new BigDecimal(text.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Compares two values of a property by its type; values that do not parse compare as text. */
    static int compare(HubSpotProperty.Type type, String a, String b) {
        if (type == HubSpotProperty.Type.DATETIME) {
            // Each side parsed once: a search compares every object (and sorts them) this way.
            Instant x = instantOrNull(a);
            Instant y = x == null ? null : instantOrNull(b);
            if (y != null) {
                return x.compareTo(y);
            }
        }
        if (type == HubSpotProperty.Type.NUMBER && isNumber(a) && isNumber(b)) {
            return new BigDecimal(a.trim()).compareTo(new BigDecimal(b.trim()));
        }
        return String.CASE_INSENSITIVE_ORDER.compare(a, b);
    }
}
