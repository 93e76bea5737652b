package dev.accordhub.model.program;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Normalisations applied to every program's values, so equal facts compare equal across systems. */
public final class Normalise {

    private Normalise() {
    }

    /** {@code "https://www.Acme.com/partners/"} → {@code "acme.com"}. */
    public static String domain(String website) {
        if (website == null || website.isBlank()) {
            return null;
        }
        String d = website.trim().toLowerCase(Locale.ROOT);
        int scheme = d.indexOf("://");
        if (scheme >= 0) {
            d = d.substring(scheme + 3);
        }
        int end = indexOfAny(d, "/?#");
        if (end >= 0) {
            d = d.substring(0, end);
        }
        int port = d.indexOf(':');
        if (port >= 0) {
            d = d.substring(0, port);
        }
        if (d.startsWith("www.")) {
            d = d.substring(4);
        }
        while (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        return d.isEmpty() ? null : d;
    }

    public static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    /** Tax ids (VAT, EIN) compare without case, spaces, dots or dashes: {@code de 123.456-789} → {@code DE123456789}. */
    public static String taxId(String value) {
        if (value == null) {
            return null;
        }
        String id = value.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        return id.isEmpty() ? null : id;
    }

    /** DUNS numbers are nine digits, often written {@code 15-048-3782}. */
    public static String duns(String value, String program) {
        if (value == null) {
            return null;
        }
        String digits = value.replaceAll("[^0-9]", "");
        if (digits.length() != 9) {
            throw new MappingException("Program '" + program + "': '" + value + "' is not a 9-digit DUNS number");
        }
        return digits;
    }

    /** Accepts {@code 2026-12-31}, an ISO instant, or epoch milliseconds (HubSpot sends all three). */
    public static LocalDate date(String value, String program) {
        return date(value, null, program);
    }

    /** As {@link #date(String, String)}, or in the source's own {@code pattern} (e.g. {@code dd.MM.yyyy}) if given. */
    public static LocalDate date(String value, String pattern, String program) {
        if (value == null) {
            return null;
        }
        try {
            if (pattern != null) {
                return LocalDate.parse(value, java.time.format.DateTimeFormatter.ofPattern(pattern));
            }
            if (value.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochMilli(Long.parseLong(value)).atZone(ZoneOffset.UTC).toLocalDate();
            }
            if (value.length() == 10) {
                return LocalDate.parse(value);
            }
            return Instant.parse(value).atZone(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new MappingException("Program '" + program + "': '" + value + "' is not a date");
        }
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
