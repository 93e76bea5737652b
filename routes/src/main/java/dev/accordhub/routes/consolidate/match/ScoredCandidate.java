package dev.accordhub.routes.consolidate.match;

/** A known record and how it compares with the record being matched. */
public record ScoredCandidate(CompanyCandidate candidate, PairScore score) {
}
