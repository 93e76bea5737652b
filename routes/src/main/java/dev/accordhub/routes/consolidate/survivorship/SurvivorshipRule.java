package dev.accordhub.routes.consolidate.survivorship;

/** How the value of one golden field is chosen among the sources that have one. */
public enum SurvivorshipRule {
    /** The first source in {@code accord.consolidation.source-priority}; unlisted programs come last. */
    SOURCE_PRIORITY,
    /** The source whose record changed last. */
    MOST_RECENT,
    /** The fullest value: the longest text (e.g. "Acme Corporation Ltd" over "Acme"); for other types, most recent. */
    MOST_COMPLETE
}
