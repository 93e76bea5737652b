package dev.accordhub.sandbox.salesforce;

import java.util.List;

/** The WHERE clause as a tree; fields are still names, literals already typed by the lexer. */
sealed interface SoqlCondition {

    /** {@code field op literal}; {@code literal} is null for the SOQL literal {@code null}. */
    record Comparison(String field, String operator, SoqlToken literal) implements SoqlCondition {
    }

    record In(String field, boolean negated, List<SoqlToken> literals) implements SoqlCondition {
        public In {
            literals = List.copyOf(literals);
        }
    }

    /** {@code field LIKE 'pattern'} with % and _ wildcards, case-insensitive. */
    record Like(String field, String pattern) implements SoqlCondition {
    }

    record And(List<SoqlCondition> terms) implements SoqlCondition {
        public And {
            terms = List.copyOf(terms);
        }
    }

    record Or(List<SoqlCondition> terms) implements SoqlCondition {
        public Or {
            terms = List.copyOf(terms);
        }
    }

    record Not(SoqlCondition term) implements SoqlCondition {
    }
}
