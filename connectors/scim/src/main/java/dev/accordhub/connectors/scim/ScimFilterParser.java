package dev.accordhub.connectors.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recursive-descent parser of the filter grammar of RFC 7644 §3.4.2.2, precedence not &gt; and &gt; or.
 * Errors are 400 invalidFilter with the 1-based character position.
 */
final class ScimFilterParser {

    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private enum Kind { OPEN_PAREN, CLOSE_PAREN, OPEN_BRACKET, CLOSE_BRACKET, STRING, WORD, END }

    private record Token(Kind kind, String text, int position) {
        boolean isKeyword(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }
    }

    private final String input;
    private final int offset;
    private int cursor;
    private Token lookahead;

    ScimFilterParser(String input) {
        this(input, 0);
    }

    /** {@code offset} shifts reported positions, for a filter embedded in a PATCH path. */
    ScimFilterParser(String input, int offset) {
        this.input = input == null ? "" : input;
        this.offset = offset;
        this.lookahead = next();
    }

    ScimFilter parseFilter() {
        return parseWhole(true);
    }

    /** A valFilter: the part between brackets, where a nested value path is not allowed. */
    ScimFilter parseValueFilter() {
        return parseWhole(false);
    }

    private ScimFilter parseWhole(boolean allowValuePath) {
        if (lookahead.kind == Kind.END) {
            throw error("the filter is empty", lookahead);
        }
        ScimFilter filter = parseOr(allowValuePath);
        if (lookahead.kind != Kind.END) {
            throw error("unexpected '" + lookahead.text + "'", lookahead);
        }
        return filter;
    }

    private ScimFilter parseOr(boolean allowValuePath) {
        ScimFilter left = parseAnd(allowValuePath);
        while (lookahead.isKeyword("or")) {
            consume();
            left = new ScimFilter.Or(left, parseAnd(allowValuePath));
        }
        return left;
    }

    private ScimFilter parseAnd(boolean allowValuePath) {
        ScimFilter left = parseUnary(allowValuePath);
        while (lookahead.isKeyword("and")) {
            consume();
            left = new ScimFilter.And(left, parseUnary(allowValuePath));
        }
        return left;
    }

    private ScimFilter parseUnary(boolean allowValuePath) {
        if (lookahead.isKeyword("not")) {
            consume();
            return new ScimFilter.Not(parseGroup(allowValuePath, "'(' after 'not'"));
        }
        if (lookahead.kind == Kind.OPEN_PAREN) {
            return parseGroup(allowValuePath, "'('");
        }
        return parseAttributeExpression(allowValuePath);
    }

    private ScimFilter parseGroup(boolean allowValuePath, String expected) {
        expect(Kind.OPEN_PAREN, expected);
        ScimFilter inner = parseOr(allowValuePath);
        expect(Kind.CLOSE_PAREN, "')'");
        return inner;
    }

    private ScimFilter parseAttributeExpression(boolean allowValuePath) {
        Token pathToken = lookahead;
        if (pathToken.kind != Kind.WORD) {
            throw error("expected an attribute path", pathToken);
        }
        ScimPath path = ScimPath.parse(pathToken.text)
                .orElseThrow(() -> error("'" + pathToken.text + "' is not an attribute path", pathToken));
        consume();
        if (lookahead.kind == Kind.OPEN_BRACKET) {
            if (!allowValuePath || path.subAttribute() != null) {
                throw error("a value filter is not allowed here", lookahead);
            }
            consume();
            ScimFilter inner = parseOr(false);
            expect(Kind.CLOSE_BRACKET, "']'");
            return new ScimFilter.ValuePath(path, inner);
        }
        Token operatorToken = lookahead;
        if (operatorToken.isKeyword("pr")) {
            consume();
            return new ScimFilter.Present(path);
        }
        ScimFilter.Operator operator = operator(operatorToken);
        consume();
        JsonNode value = literal(lookahead);
        consume();
        return new ScimFilter.Compare(path, operator, value);
    }

    private ScimFilter.Operator operator(Token token) {
        if (token.kind == Kind.WORD) {
            try {
                return ScimFilter.Operator.valueOf(token.text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException notAnOperator) {
                // reported below with the position
            }
        }
        throw error("expected an operator (eq ne co sw ew gt ge lt le pr)"
                + (token.kind == Kind.END ? "" : ", got '" + token.text + "'"), token);
    }

    private JsonNode literal(Token token) {
        if (token.kind == Kind.STRING) {
            return TextNode.valueOf(token.text);
        }
        if (token.kind == Kind.WORD) {
            String text = token.text;
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return BooleanNode.valueOf(text.equalsIgnoreCase("true"));
            }
            if (text.equalsIgnoreCase("null")) {
                return NullNode.getInstance();
            }
            if (NUMBER.matcher(text).matches()) {
                BigDecimal number = new BigDecimal(text);
                return number.scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0
                        ? LongNode.valueOf(number.longValueExact())
                        : DecimalNode.valueOf(number);
            }
        }
        throw error("expected a value: a quoted string, a number, true, false or null"
                + (token.kind == Kind.END ? "" : ", got '" + token.text + "'"), token);
    }

    private void expect(Kind kind, String what) {
        if (lookahead.kind != kind) {
            throw error("expected " + what
                    + (lookahead.kind == Kind.END ? " before the end" : ", got '" + lookahead.text + "'"), lookahead);
        }
        consume();
    }

    private void consume() {
        lookahead = next();
    }

    private Token next() {
        while (cursor < input.length() && Character.isWhitespace(input.charAt(cursor))) {
            cursor++;
        }
        int start = cursor;
        if (cursor >= input.length()) {
            return new Token(Kind.END, "", start);
        }
        char c = input.charAt(cursor);
        switch (c) {
            case '(' -> { cursor++; return new Token(Kind.OPEN_PAREN, "(", start); }
            case ')' -> { cursor++; return new Token(Kind.CLOSE_PAREN, ")", start); }
            case '[' -> { cursor++; return new Token(Kind.OPEN_BRACKET, "[", start); }
            case ']' -> { cursor++; return new Token(Kind.CLOSE_BRACKET, "]", start); }
            case '"' -> { return new Token(Kind.STRING, readString(start), start); }
            default -> {
                while (cursor < input.length() && !isDelimiter(input.charAt(cursor))) {
                    cursor++;
                }
                return new Token(Kind.WORD, input.substring(start, cursor), start);
            }
        }
    }

    private static boolean isDelimiter(char c) {
        return Character.isWhitespace(c) || c == '(' || c == ')' || c == '[' || c == ']' || c == '"';
    }

    private String readString(int start) {
        StringBuilder text = new StringBuilder();
        cursor++;
        while (cursor < input.length()) {
            char c = input.charAt(cursor++);
            if (c == '"') {
                return text.toString();
            }
            if (c != '\\') {
                text.append(c);
                continue;
            }
            if (cursor >= input.length()) {
                break;
            }
            char escaped = input.charAt(cursor++);
            switch (escaped) {
                case '"', '\\', '/' -> text.append(escaped);
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> text.append(readUnicodeEscape());
                default -> throw error("invalid escape '\\" + escaped + "' in a string", cursor - 2);
            }
        }
        throw error("unterminated string", start);
    }

    private char readUnicodeEscape() {
        if (cursor + 4 > input.length()) {
            throw error("incomplete \\u escape", cursor - 2);
        }
        String hex = input.substring(cursor, cursor + 4);
        try {
            char c = (char) Integer.parseInt(hex, 16);
            cursor += 4;
            return c;
        } catch (NumberFormatException e) {
            throw error("invalid \\u escape '" + hex + "'", cursor - 2);
        }
    }

    private ScimException error(String message, Token at) {
        return error(message, at.position);
    }

    private ScimException error(String message, int position) {
        return ScimException.badRequest(ScimException.INVALID_FILTER,
                "Invalid filter at character " + (offset + position + 1) + ": " + message);
    }
}
