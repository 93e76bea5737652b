package dev.accordhub.sandbox.salesforce;

import java.util.Locale;

/** One lexical token of a SOQL statement; {@code value} is the parsed literal for literal tokens. */
record SoqlToken(Kind kind, String text, Object value, int position) {

    enum Kind { IDENTIFIER, STRING, NUMBER, DATE, DATETIME, OPERATOR, COMMA, OPEN_PAREN, CLOSE_PAREN, END }

    /** Keywords are identifiers compared case-insensitively, as SOQL does. */
    boolean isKeyword(String keyword) {
        return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }

    String upper() {
        return text.toUpperCase(Locale.ROOT);
    }
}
