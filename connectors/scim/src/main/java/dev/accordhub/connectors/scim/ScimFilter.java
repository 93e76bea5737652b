package dev.accordhub.connectors.scim;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.function.Predicate;

/**
 * A parsed SCIM filter (RFC 7644 §3.4.2.2). {@link #parse} builds it; {@link ScimFilterEvaluator} checks it
 * against a resource type and evaluates it on resources.
 */
public sealed interface ScimFilter {

    enum Operator {
        EQ, NE, CO, SW, EW, GT, GE, LT, LE;

        boolean isOrdering() {
            return this == GT || this == GE || this == LT || this == LE;
        }

        boolean isSubstring() {
            return this == CO || this == SW || this == EW;
        }
    }

    /** Parses filter text; a syntax error is a {@link ScimException} 400 invalidFilter naming the position. */
    static ScimFilter parse(String text) {
        return new ScimFilterParser(text).parseFilter();
    }

    /**
     * A predicate over stored or rendered resources of {@code type}; 400 invalidFilter when the filter names an
     * attribute the type does not have or compares it with a literal of the wrong type.
     */
    default Predicate<JsonNode> matcher(ScimResourceType type) {
        return new ScimFilterEvaluator(type).compile(this);
    }

    record And(ScimFilter left, ScimFilter right) implements ScimFilter {
    }

    record Or(ScimFilter left, ScimFilter right) implements ScimFilter {
    }

    record Not(ScimFilter inner) implements ScimFilter {
    }

    record Present(ScimPath path) implements ScimFilter {
    }

    /** {@code value} is a JSON literal: text, number, boolean or null. */
    record Compare(ScimPath path, Operator operator, JsonNode value) implements ScimFilter {
    }

    /** {@code emails[type eq "work"]}: the inner filter's paths name sub-attributes of {@code path}. */
    record ValuePath(ScimPath path, ScimFilter filter) implements ScimFilter {
    }
}
