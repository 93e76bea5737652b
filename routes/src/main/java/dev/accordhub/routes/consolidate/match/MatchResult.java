package dev.accordhub.routes.consolidate.match;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of matching one company record: its best candidate among the records already known, how alike
 * they are, what to do, and why.
 *
 * @param probe      the record that was matched
 * @param best       the most alike known record; null when no record shared a block with the probe
 * @param score      0 to 1
 * @param decision   merge with {@code best}, ask a steward, or keep separate
 * @param reasons    what decided, for the xref history and the stewardship queue
 * @param candidates how many known records were compared
 * @param merges     when the decision is MERGE: every candidate that reached MERGE, best first (the best with its
 *                   reasons). More than one when the probe links records not yet merged with each other; a
 *                   {@link MergePlanner} decides which of their golden records it joins. Empty otherwise.
 */
public record MatchResult(
        CompanyCandidate probe,
        CompanyCandidate best,
        double score,
        MatchDecision decision,
        List<String> reasons,
        int candidates,
        List<ScoredCandidate> merges) {

    public MatchResult {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(decision, "decision");
        reasons = List.copyOf(reasons);
        merges = List.copyOf(merges);
        if (best == null && decision != MatchDecision.SEPARATE) {
            throw new IllegalArgumentException("A " + decision + " needs a candidate");
        }
    }

    static MatchResult noCandidate(CompanyCandidate probe) {
        return new MatchResult(probe, null, 0, MatchDecision.SEPARATE, List.of("no record shares a blocking key"),
                0, List.of());
    }

    public Optional<CompanyCandidate> bestCandidate() {
        return Optional.ofNullable(best);
    }
}
