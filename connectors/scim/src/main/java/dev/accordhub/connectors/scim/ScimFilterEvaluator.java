package dev.accordhub.connectors.scim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accordhub.connectors.scim.ScimAttribute.Type;
import dev.accordhub.connectors.scim.ScimFilter.Operator;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Turns a {@link ScimFilter} into a predicate over resources of one type. Compiling checks every attribute path
 * and literal against the schema, so an unknown attribute or a type mismatch is a 400 invalidFilter even when no
 * resource would be tested. Strings compare case-insensitively unless the attribute is caseExact; dateTimes compare
 * as instants; a multi-valued attribute matches when any of its values does.
 */
final class ScimFilterEvaluator {

    /** How a path is read in the current scope: its definition and a function from a node to its values. */
    record Accessor(ScimAttribute attribute, Function<JsonNode, List<JsonNode>> values) {
    }

    private final ScimResourceType type;

    ScimFilterEvaluator(ScimResourceType type) {
        this.type = type;
    }

    Predicate<JsonNode> compile(ScimFilter filter) {
        return compile(filter, this::resourceAccessor);
    }

    /** For a filter inside brackets, whose paths name sub-attributes of {@code complex}. */
    Predicate<JsonNode> compileElement(ScimFilter filter, ScimAttribute complex) {
        return compile(filter, path -> elementAccessor(path, complex));
    }

    /** Reads the values at an attribute path of a resource, as sorting needs; unknown paths are invalidFilter. */
    Accessor accessor(ScimPath path) {
        return resourceAccessor(path);
    }

    private Predicate<JsonNode> compile(ScimFilter filter, Function<ScimPath, Accessor> scope) {
        if (filter instanceof ScimFilter.And and) {
            return compile(and.left(), scope).and(compile(and.right(), scope));
        }
        if (filter instanceof ScimFilter.Or or) {
            return compile(or.left(), scope).or(compile(or.right(), scope));
        }
        if (filter instanceof ScimFilter.Not not) {
            return compile(not.inner(), scope).negate();
        }
        if (filter instanceof ScimFilter.Present present) {
            Accessor accessor = scope.apply(present.path());
            return node -> accessor.values().apply(node).stream().anyMatch(ScimFilterEvaluator::isNonEmpty);
        }
        if (filter instanceof ScimFilter.ValuePath valuePath) {
            Accessor accessor = scope.apply(valuePath.path());
            if (!accessor.attribute().isComplex()) {
                throw invalid("'" + valuePath.path() + "' is not a complex attribute and takes no [filter]");
            }
            Predicate<JsonNode> inner = compileElement(valuePath.filter(), accessor.attribute());
            return node -> accessor.values().apply(node).stream().anyMatch(inner);
        }
        return compileComparison((ScimFilter.Compare) filter, scope);
    }

    private Predicate<JsonNode> compileComparison(ScimFilter.Compare compare, Function<ScimPath, Accessor> scope) {
        Accessor accessor = scope.apply(compare.path());
        ScimAttribute attribute = accessor.attribute();
        Function<JsonNode, List<JsonNode>> values = accessor.values();
        if (attribute.isComplex()) {
            // RFC 7644 §3.4.2.2: a complex attribute without sub-attribute compares its "value".
            ScimAttribute value = attribute.subAttribute("value")
                    .orElseThrow(() -> invalid("'" + compare.path() + "' is complex: name a sub-attribute"));
            Function<JsonNode, List<JsonNode>> whole = values;
            values = node -> whole.apply(node).stream()
                    .flatMap(element -> ScimJson.values(ScimJson.field(element, value.name())).stream())
                    .toList();
            attribute = value;
        }
        Operator operator = compare.operator();
        JsonNode literal = compare.value();
        Function<JsonNode, List<JsonNode>> read = values;
        if (literal.isNull()) {
            if (operator != Operator.EQ && operator != Operator.NE) {
                throw invalid("null can only be compared with eq or ne");
            }
            Predicate<JsonNode> absent = node -> read.apply(node).isEmpty();
            return operator == Operator.EQ ? absent : absent.negate();
        }
        Predicate<JsonNode> test = valueTest(attribute, operator, literal, compare.path());
        Predicate<JsonNode> anyMatches = node -> read.apply(node).stream().anyMatch(test);
        return operator == Operator.NE ? anyMatches.negate() : anyMatches;
    }

    /** A test of one value; for ne it tests equality, negated by the caller over all values. */
    private Predicate<JsonNode> valueTest(ScimAttribute attribute, Operator operator, JsonNode literal, ScimPath path) {
        Operator test = operator == Operator.NE ? Operator.EQ : operator;
        Type type = attribute.type();
        if (type == Type.BOOLEAN) {
            requireLiteral(literal.isBoolean(), path, "true or false");
            if (test != Operator.EQ) {
                throw invalid("'" + path + "' is boolean: only eq, ne and pr apply");
            }
            return value -> value.isBoolean() && value.booleanValue() == literal.booleanValue();
        }
        if (type == Type.INTEGER || type == Type.DECIMAL) {
            requireLiteral(literal.isNumber(), path, "a number");
            if (test.isSubstring()) {
                throw invalid("'" + path + "' is a number: co, sw and ew do not apply");
            }
            return value -> value.isNumber() && ordered(test, value.decimalValue().compareTo(literal.decimalValue()));
        }
        requireLiteral(literal.isTextual(), path, "a quoted string");
        if (type == Type.DATE_TIME && !test.isSubstring()) {
            Instant instant = ScimJson.instant(literal.textValue())
                    .orElseThrow(() -> invalid("'" + literal.textValue() + "' is not a dateTime"));
            return value -> value.isTextual() && ScimJson.instant(value.textValue())
                    .map(v -> ordered(test, v.compareTo(instant))).orElse(false);
        }
        if (type == Type.BINARY && test.isOrdering()) {
            throw invalid("'" + path + "' is binary: gt, ge, lt and le do not apply");
        }
        boolean caseExact = attribute.caseExact();
        String expected = fold(literal.textValue(), caseExact);
        return value -> value.isTextual() && textMatches(test, fold(value.textValue(), caseExact), expected);
    }

    private static boolean textMatches(Operator operator, String actual, String expected) {
        return switch (operator) {
            case CO -> actual.contains(expected);
            case SW -> actual.startsWith(expected);
            case EW -> actual.endsWith(expected);
            default -> ordered(operator, actual.compareTo(expected));
        };
    }

    private static boolean ordered(Operator operator, int comparison) {
        return switch (operator) {
            case EQ -> comparison == 0;
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            default -> throw new IllegalStateException("not an ordering: " + operator);
        };
    }

    private Accessor resourceAccessor(ScimPath path) {
        if (path.schemaUrn() != null && !type.isSchemaUrn(path.schemaUrn())) {
            throw invalid("unknown schema '" + path.schemaUrn() + "'");
        }
        ScimAttribute top = type.attribute(path.schemaUrn(), path.attribute())
                .orElseThrow(() -> invalid("unknown attribute '" + path + "'"));
        String container = path.schemaUrn() == null || path.schemaUrn().equalsIgnoreCase(type.schema().id())
                ? null : type.extension(path.schemaUrn()).orElseThrow().id();
        Function<JsonNode, List<JsonNode>> topValues = resource -> ScimJson.values(
                ScimJson.field(container == null ? resource : ScimJson.field(resource, container), top.name()));
        if (path.subAttribute() == null) {
            return new Accessor(top, topValues);
        }
        ScimAttribute sub = subAttribute(top, path.subAttribute(), path);
        return new Accessor(sub, resource -> topValues.apply(resource).stream()
                .flatMap(element -> ScimJson.values(ScimJson.field(element, sub.name())).stream())
                .toList());
    }

    private static Accessor elementAccessor(ScimPath path, ScimAttribute complex) {
        if (path.schemaUrn() != null || path.subAttribute() != null) {
            throw invalid("'" + path + "' inside [] must be a sub-attribute of '" + complex.name() + "'");
        }
        ScimAttribute sub = subAttribute(complex, path.attribute(), path);
        return new Accessor(sub, element -> ScimJson.values(ScimJson.field(element, sub.name())));
    }

    private static ScimAttribute subAttribute(ScimAttribute parent, String name, ScimPath path) {
        return parent.subAttribute(name).orElseThrow(() -> invalid("unknown attribute '" + path + "'"));
    }

    private static boolean isNonEmpty(JsonNode value) {
        return !(value.isTextual() && value.textValue().isEmpty()) && !(value.isContainerNode() && value.isEmpty());
    }

    private static void requireLiteral(boolean ok, ScimPath path, String expected) {
        if (!ok) {
            throw invalid("'" + path + "' compares with " + expected);
        }
    }

    private static String fold(String text, boolean caseExact) {
        return caseExact ? text : text.toLowerCase(Locale.ROOT);
    }

    private static ScimException invalid(String detail) {
        return ScimException.badRequest(ScimException.INVALID_FILTER, "Invalid filter: " + detail);
    }
}
