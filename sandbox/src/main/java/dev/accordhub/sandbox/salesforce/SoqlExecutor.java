package dev.accordhub.sandbox.salesforce;

import dev.accordhub.sandbox.salesforce.SoqlToken.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Runs a parsed query against the store: binds names to the schema, filters, sorts, pages, projects. */
final class SoqlExecutor {

    /** The rows of a query, each holding only the selected fields, under their schema spelling. */
    record Result(String type, List<Row> rows) {
    }

    /** The id travels with the row even when not selected: the record's {@code attributes.url} needs it. */
    record Row(String id, Map<String, Object> fields) {
    }

    private final SalesforceStore store;

    SoqlExecutor(SalesforceStore store) {
        this.store = store;
    }

    Result execute(SoqlQuery query, boolean includeDeleted) {
        SObjectType type = store.schema().require(query.object());
        List<SalesforceField> selected = selectedFields(type, query.fields());
        Predicate<Map<String, Object>> filter = query.where() == null ? r -> true : bind(type, query.where());
        Comparator<Map<String, Object>> order = ordering(type, query.orderBy());
        List<Map<String, Object>> matching = new ArrayList<>(store.snapshot(type.name(), includeDeleted, filter));
        if (order != null) {
            matching.sort(order); // stable: ties keep creation order, so pages never overlap
        }
        int from = Math.min(query.offset(), matching.size());
        int to = query.limit() == null ? matching.size() : (int) Math.min(matching.size(), (long) from + query.limit());
        List<Row> rows = matching.subList(from, to).stream()
                .map(r -> new Row(String.valueOf(r.get("Id")), project(r, selected)))
                .toList();
        return new Result(type.name(), rows);
    }

    private static List<SalesforceField> selectedFields(SObjectType type, List<String> names) {
        Set<SalesforceField> fields = new LinkedHashSet<>();
        for (String name : names) {
            SalesforceField field = field(type, name);
            if (!fields.add(field)) {
                throw SalesforceApiException.malformedQuery("duplicate field selected: " + field.name());
            }
        }
        return List.copyOf(fields);
    }

    private static Map<String, Object> project(Map<String, Object> record, List<SalesforceField> fields) {
        Map<String, Object> row = new LinkedHashMap<>();
        fields.forEach(f -> row.put(f.name(), record.get(f.name())));
        return row;
    }

    private static Predicate<Map<String, Object>> bind(SObjectType type, SoqlCondition condition) {
        if (condition instanceof SoqlCondition.And and) {
            return and.terms().stream().map(t -> bind(type, t)).reduce(r -> true, Predicate::and);
        } else if (condition instanceof SoqlCondition.Or or) {
            return or.terms().stream().map(t -> bind(type, t)).reduce(r -> false, Predicate::or);
        } else if (condition instanceof SoqlCondition.Not not) {
            return bind(type, not.term()).negate();
        } else if (condition instanceof SoqlCondition.Comparison c) {
            return comparison(field(type, c.field()), c.operator(), c.literal());
        } else if (condition instanceof SoqlCondition.In in) {
            return in(field(type, in.field()), in);
        }
        SoqlCondition.Like like = (SoqlCondition.Like) condition;
        return like(field(type, like.field()), like.pattern());
    }

    private static Predicate<Map<String, Object>> comparison(SalesforceField field, String operator, SoqlToken literal) {
        Object expected = literalValue(field, literal);
        if (expected == null || field.type() == SalesforceFieldType.BOOLEAN) {
            if (!operator.equals("=") && !operator.equals("!=")) {
                throw SalesforceApiException.malformedQuery("invalid operator " + operator + " for field " + field.name()
                        + (expected == null ? " and null" : ""));
            }
        }
        return record -> {
            Object actual = record.get(field.name());
            if (actual == null || expected == null) {
                boolean same = actual == expected;
                return operator.equals("=") == same;
            }
            int order = SoqlValueComparator.compare(actual, expected);
            return switch (operator) {
                case "=" -> order == 0;
                case "!=" -> order != 0;
                case "<" -> order < 0;
                case "<=" -> order <= 0;
                case ">" -> order > 0;
                default -> order >= 0;
            };
        };
    }

    private static Predicate<Map<String, Object>> in(SalesforceField field, SoqlCondition.In in) {
        List<Object> expected = in.literals().stream().map(l -> literalValue(field, l)).toList();
        Predicate<Map<String, Object>> member = record -> {
            Object actual = record.get(field.name());
            return expected.stream().anyMatch(e -> actual == null ? e == null
                    : e != null && SoqlValueComparator.compare(actual, e) == 0);
        };
        return in.negated() ? member.negate() : member;
    }

    private static Predicate<Map<String, Object>> like(SalesforceField field, String pattern) {
        if (!field.type().isText()) {
            throw SalesforceApiException.malformedQuery("LIKE works on text fields only, not on " + field.name());
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else {
                regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
            }
        }
        Pattern compiled = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
        return record -> record.get(field.name()) != null
                && compiled.matcher(record.get(field.name()).toString()).matches();
    }

    /** The literal as a value of the field's type; Salesforce refuses e.g. a quoted datetime. */
    private static Object literalValue(SalesforceField field, SoqlToken literal) {
        if (literal.isKeyword("null")) {
            return null;
        }
        Kind wanted = switch (field.type()) {
            case ID, STRING, REFERENCE -> Kind.STRING;
            case BOOLEAN -> Kind.IDENTIFIER;
            case NUMBER -> Kind.NUMBER;
            case DATE -> Kind.DATE;
            case DATETIME -> Kind.DATETIME;
        };
        if (literal.kind() != wanted) {
            throw new SalesforceApiException(400, "INVALID_FIELD", "value of filter criterion for field '" + field.name()
                    + "' must be of type " + field.type().name().toLowerCase(Locale.ROOT)
                    + (wanted == Kind.STRING ? " and should be enclosed in quotes" : " and should not be enclosed in quotes"),
                    List.of(field.name()));
        }
        if (field.type() == SalesforceFieldType.BOOLEAN) {
            return Boolean.valueOf(literal.text().toLowerCase(Locale.ROOT));
        }
        String text = literal.value() instanceof String s ? s : null;
        boolean shortId = (field.type() == SalesforceFieldType.ID || field.type() == SalesforceFieldType.REFERENCE)
                && text != null && text.length() == 15;
        return shortId ? SalesforceIds.withSuffix(text) : literal.value();
    }

    private static Comparator<Map<String, Object>> ordering(SObjectType type, List<SoqlQuery.Order> orderBy) {
        Comparator<Map<String, Object>> combined = null;
        for (SoqlQuery.Order order : orderBy) {
            String name = field(type, order.field()).name();
            Comparator<Object> ascending = SoqlValueComparator::compare;
            Comparator<Object> values = order.descending() ? ascending.reversed() : ascending;
            Comparator<Object> withNulls = order.nullsFirst()
                    ? Comparator.nullsFirst(values) : Comparator.nullsLast(values);
            Comparator<Map<String, Object>> byField = Comparator.comparing(r -> r.get(name), withNulls);
            combined = combined == null ? byField : combined.thenComparing(byField);
        }
        return combined;
    }

    private static SalesforceField field(SObjectType type, String name) {
        return type.field(name).orElseThrow(() -> SalesforceApiException.invalidField(type.name(), name));
    }
}
