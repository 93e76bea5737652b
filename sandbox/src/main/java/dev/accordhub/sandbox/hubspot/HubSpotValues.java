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
        Instant stored = storedForm(text);
        if (stored != null) {
            return stored;
        }
        String trimmed = text.trim();
        if (trimmed.chars().allMatch(Character::isDigit) && !trimmed.isEmpty()) {
            return Instant.ofEpochMilli(Long.parseLong(trimmed));
        }
        if (trimmed.length() == 10) {
            return LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return OffsetDateTime.parse(trimmed, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    /**
     * The form {@link #formatInstant} writes ({@code 2026-11-25T10:00:00.000Z}), read by hand: every search compares
     * each object's datetimes this way, and the formatter's general parse made the polls of an idle hub most of the
     * sandbox's CPU. Null when the text has another form, or is no valid datetime, for the general parse to decide.
     */
    private static Instant storedForm(String text) {
        if (text.length() != 24 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.'
                || text.charAt(23) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int millis = digits(text, 20, 23);
        if ((year | month | day | hour | minute | second | millis) < 0 || month < 1 || month > 12 || day < 1
                || day > java.time.Month.of(month).length(java.time.Year.isLeap(year)) || hour > 23 || minute > 59
                || second > 59) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, millis * 1_000_000L);
    }

    /** The decimal number in {@code text[from, to)}, or -1 when a character there is no ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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
