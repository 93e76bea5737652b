package dev.accordhub.sandbox.salesforce;

import dev.accordhub.sandbox.salesforce.SoqlToken.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses the SOQL subset the connectors use:
 * {@code SELECT f1, f2 FROM Obj [WHERE cond] [ORDER BY f [ASC|DESC] [NULLS FIRST|LAST], ...] [LIMIT n] [OFFSET n]}
 * where a condition is {@code field op literal}, {@code field [NOT] IN (...)}, {@code field LIKE '...'}, combined
 * with AND, OR, NOT and parentheses.
 */
final class SoqlParser {

    private static final Set<String> RESERVED =
            Set.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "ORDER", "BY", "LIMIT", "OFFSET", "IN", "LIKE");

    private final List<SoqlToken> tokens;
    private int next;

    private SoqlParser(List<SoqlToken> tokens) {
        this.tokens = tokens;
    }

    static SoqlQuery parse(String soql) {
        if (soql == null || soql.isBlank()) {
            throw SalesforceApiException.malformedQuery("A query is required: use the q parameter");
        }
        return new SoqlParser(SoqlLexer.tokenize(soql)).query();
    }

    private SoqlQuery query() {
        expectKeyword("SELECT");
        List<String> fields = new ArrayList<>();
        do {
            fields.add(identifier());
        } while (acceptKind(Kind.COMMA));
        expectKeyword("FROM");
        String object = identifier();
        SoqlCondition where = acceptKeyword("WHERE") ? orExpression() : null;
        List<SoqlQuery.Order> orderBy = new ArrayList<>();
        if (acceptKeyword("ORDER")) {
            expectKeyword("BY");
            do {
                orderBy.add(orderItem());
            } while (acceptKind(Kind.COMMA));
        }
        Integer limit = acceptKeyword("LIMIT") ? nonNegativeInteger() : null;
        int offset = acceptKeyword("OFFSET") ? nonNegativeInteger() : 0;
        if (peek().kind() != Kind.END) {
            throw unexpected();
        }
        return new SoqlQuery(fields, object, where, orderBy, limit, offset);
    }

    private SoqlQuery.Order orderItem() {
        String field = identifier();
        boolean descending = false;
        if (acceptKeyword("DESC")) {
            descending = true;
        } else {
            acceptKeyword("ASC");
        }
        boolean nullsFirst = !descending;
        if (acceptKeyword("NULLS")) {
            if (acceptKeyword("FIRST")) {
                nullsFirst = true;
            } else {
                expectKeyword("LAST");
                nullsFirst = false;
            }
        }
        return new SoqlQuery.Order(field, descending, nullsFirst);
    }

    private SoqlCondition orExpression() {
        List<SoqlCondition> terms = new ArrayList<>(List.of(andExpression()));
        while (acceptKeyword("OR")) {
            terms.add(andExpression());
        }
        return terms.size() == 1 ? terms.get(0) : new SoqlCondition.Or(terms);
    }

    private SoqlCondition andExpression() {
        List<SoqlCondition> terms = new ArrayList<>(List.of(unary()));
        while (acceptKeyword("AND")) {
            terms.add(unary());
        }
        return terms.size() == 1 ? terms.get(0) : new SoqlCondition.And(terms);
    }

    private SoqlCondition unary() {
        if (acceptKeyword("NOT")) {
            return new SoqlCondition.Not(unary());
        }
        if (acceptKind(Kind.OPEN_PAREN)) {
            SoqlCondition inner = orExpression();
            expectKind(Kind.CLOSE_PAREN);
            return inner;
        }
        return simpleCondition();
    }

    private SoqlCondition simpleCondition() {
        String field = identifier();
        if (peek().kind() == Kind.OPERATOR) {
            String operator = advance().text();
            return new SoqlCondition.Comparison(field, operator.equals("<>") ? "!=" : operator, literal());
        }
        if (acceptKeyword("LIKE")) {
            if (peek().kind() != Kind.STRING) {
                throw unexpected();
            }
            return new SoqlCondition.Like(field, (String) advance().value());
        }
        boolean negated = acceptKeyword("NOT");
        expectKeyword("IN");
        expectKind(Kind.OPEN_PAREN);
        List<SoqlToken> literals = new ArrayList<>();
        do {
            literals.add(literal());
        } while (acceptKind(Kind.COMMA));
        expectKind(Kind.CLOSE_PAREN);
        return new SoqlCondition.In(field, negated, literals);
    }

    /** A literal token; the keywords true, false and null come back as tokens of kind IDENTIFIER. */
    private SoqlToken literal() {
        SoqlToken token = peek();
        boolean keyword = token.isKeyword("true") || token.isKeyword("false") || token.isKeyword("null");
        boolean typed = switch (token.kind()) {
            case STRING, NUMBER, DATE, DATETIME -> true;
            default -> false;
        };
        if (!keyword && !typed) {
            throw unexpected();
        }
        return advance();
    }

    private int nonNegativeInteger() {
        SoqlToken token = peek();
        if (token.kind() != Kind.NUMBER || ((BigDecimal) token.value()).signum() < 0
                || ((BigDecimal) token.value()).scale() > 0) {
            throw unexpected();
        }
        advance();
        BigDecimal value = (BigDecimal) token.value();
        return value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0 ? Integer.MAX_VALUE : value.intValue();
    }

    private String identifier() {
        SoqlToken token = peek();
        if (token.kind() != Kind.IDENTIFIER || RESERVED.contains(token.upper())) {
            throw unexpected();
        }
        return advance().text();
    }

    private boolean acceptKeyword(String keyword) {
        if (peek().isKeyword(keyword)) {
            next++;
            return true;
        }
        return false;
    }

    private void expectKeyword(String keyword) {
        if (!acceptKeyword(keyword)) {
            throw unexpected();
        }
    }

    private boolean acceptKind(Kind kind) {
        if (peek().kind() == kind) {
            next++;
            return true;
        }
        return false;
    }

    private void expectKind(Kind kind) {
        if (!acceptKind(kind)) {
            throw unexpected();
        }
    }

    private SoqlToken peek() {
        return tokens.get(next);
    }

    private SoqlToken advance() {
        SoqlToken token = tokens.get(next);
        if (token.kind() != Kind.END) {
            next++;
        }
        return token;
    }

    private SalesforceApiException unexpected() {
        SoqlToken token = peek();
        String shown = token.kind() == Kind.END ? "end of query" : "'" + token.text() + "'";
        return SalesforceApiException.malformedQuery("unexpected token: " + shown + " at position " + token.position());
    }
}
