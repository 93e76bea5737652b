package dev.accordhub.routes.consolidate.survivorship;

import dev.accordhub.model.SourceRef;

/** Where the value of one golden field came from, and by which rule it won. */
public record FieldLineage(String field, Object value, SourceRef source, SurvivorshipRule rule, int candidates) {
}
