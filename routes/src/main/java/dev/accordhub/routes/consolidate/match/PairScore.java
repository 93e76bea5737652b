package dev.accordhub.routes.consolidate.match;

import java.util.List;

/**
 * How alike two company records are, and why.
 *
 * @param score    0 to 1; 1 for an exact key
 * @param decision what the policy makes of the score and the evidence
 * @param exactKey true when a tax id, DUNS or verified domain decided (a merge or a veto), not the names
 * @param rank     the evidence before it is bounded to 0..1: orders candidates that both reach 1 (the same name
 *                 and the same domain beats the same name alone); exact keys rank above any fuzzy score
 * @param reasons  what raised or lowered the score, in words a steward reads
 */
public record PairScore(double score, MatchDecision decision, boolean exactKey, double rank,
        List<String> reasons) {

    public PairScore {
        reasons = List.copyOf(reasons);
    }
}
