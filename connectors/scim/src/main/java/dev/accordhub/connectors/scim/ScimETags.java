package dev.accordhub.connectors.scim;

import java.util.Arrays;

/**
 * Weak entity tags from meta.version (RFC 7644 §3.14): {@code W/"<n>"}, n counting the writes. If-Match and
 * If-None-Match compare the opaque part only, so a client that drops the {@code W/} still matches.
 */
final class ScimETags {

    static final String FIRST = "W/\"1\"";

    private ScimETags() {
    }

    static String next(String version) {
        try {
            return "W/\"" + (Long.parseLong(opaque(version)) + 1) + "\"";
        } catch (NumberFormatException | NullPointerException notOurs) {
            return FIRST;
        }
    }

    /** True when the header lists {@code version} or is {@code *}. */
    static boolean matches(String header, String version) {
        return Arrays.stream(header.split(","))
                .map(String::strip)
                .anyMatch(tag -> tag.equals("*") || opaque(tag).equals(opaque(version)));
    }

    private static String opaque(String tag) {
        String value = tag.startsWith("W/") ? tag.substring(2) : tag;
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
