package dev.accordhub.routes.consolidate.match;

/** What to do with a record and its best candidate. */
public enum MatchDecision {
    /** The same company: link the record to the candidate's golden record. */
    MERGE,
    /** Perhaps the same company: keep the record separate and put the pair in the stewardship queue. */
    REVIEW,
    /** Different companies. */
    SEPARATE
}
