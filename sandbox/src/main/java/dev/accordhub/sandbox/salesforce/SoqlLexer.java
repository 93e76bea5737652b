package dev.accordhub.sandbox.salesforce;

import dev.accordhub.sandbox.salesforce.SoqlToken.Kind;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits SOQL into tokens. Date and datetime literals are unquoted in SOQL, so they are recognised here. */
final class SoqlLexer {

    /**
     * The offset may arrive as a space: a client that did not encode '+' in the URL has it decoded to a space. After
     * a datetime a space and four digits mean nothing else in SOQL, so reading it as '+' is safe.
     */
    private static final Pattern DATETIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?(Z|[+\\- ]\\d{2}:?\\d{2})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(?![T\\d])");
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
    private static final Pattern OPERATOR = Pattern.compile("!=|<>|<=|>=|=|<|>");

    private final String soql;
    private final List<SoqlToken> tokens = new ArrayList<>();
    private int position;

    private SoqlLexer(String soql) {
        this.soql = soql;
    }

    static List<SoqlToken> tokenize(String soql) {
        SoqlLexer lexer = new SoqlLexer(soql);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (true) {
            while (position < soql.length() && Character.isWhitespace(soql.charAt(position))) {
                position++;
            }
            if (position >= soql.length()) {
                tokens.add(new SoqlToken(Kind.END, "", null, position));
                return;
            }
            char c = soql.charAt(position);
            switch (c) {
                case ',' -> single(Kind.COMMA);
                case '(' -> single(Kind.OPEN_PAREN);
                case ')' -> single(Kind.CLOSE_PAREN);
                case '\'' -> quoted();
                default -> unquoted(c);
            }
        }
    }

    private void unquoted(char c) {
        if (Character.isDigit(c) || c == '-' || c == '+') {
            if (match(DATETIME, Kind.DATETIME) || match(DATE, Kind.DATE) || match(NUMBER, Kind.NUMBER)) {
                return;
            }
        } else if (match(IDENTIFIER, Kind.IDENTIFIER) || match(OPERATOR, Kind.OPERATOR)) {
            return;
        }
        throw SalesforceApiException.malformedQuery("unexpected token: '" + c + "' at position " + position);
    }

    private boolean match(Pattern pattern, Kind kind) {
        Matcher matcher = pattern.matcher(soql).region(position, soql.length());
        if (!matcher.lookingAt()) {
            return false;
        }
        String text = matcher.group();
        Object value;
        try {
            value = switch (kind) {
                case DATETIME -> SalesforceValues.parseDateTime(text.replace(' ', '+'));
                case DATE -> LocalDate.parse(text);
                case NUMBER -> new BigDecimal(text);
                default -> null;
            };
        } catch (DateTimeException e) {
            throw SalesforceApiException.malformedQuery("invalid date or datetime literal: " + text);
        }
        tokens.add(new SoqlToken(kind, text, value, position));
        position = matcher.end();
        return true;
    }

    private void single(Kind kind) {
        tokens.add(new SoqlToken(kind, String.valueOf(soql.charAt(position)), null, position));
        position++;
    }

    private void quoted() {
        int start = position;
        StringBuilder value = new StringBuilder();
        position++;
        while (position < soql.length()) {
            char c = soql.charAt(position++);
            if (c == '\'') {
                tokens.add(new SoqlToken(Kind.STRING, soql.substring(start, position), value.toString(), start));
                return;
            }
            if (c == '\\' && position < soql.length()) {
                value.append(unescape(soql.charAt(position++)));
            } else {
                value.append(c);
            }
        }
        throw SalesforceApiException.malformedQuery("unterminated string literal starting at position " + start);
    }

    private static String unescape(char escaped) {
        return switch (escaped) {
            case 'n' -> "\n";
            case 't' -> "\t";
            case 'r' -> "\r";
            case 'b' -> "\b";
            case 'f' -> "\f";
            // \_ and \% keep their backslash: they only mean something inside a LIKE pattern.
            case '_', '%' -> "\\" + escaped;
            default -> String.valueOf(escaped);
        };
    }
}
