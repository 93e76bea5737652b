package dev.accordhub.routes.consolidate.match;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides, when a golden record refuses a record only because of one member (one of the same program, or one whose
 * tax id or DUNS contradicts the record's), which of the two belongs there. Records stream in one at a time, so a
 * golden record takes whichever record came first, even the wrong one; the right one, arriving later, would be
 * refused for good. Here the later record takes the place when it fits the rest of the golden record better than
 * the holder does: the holder's best link to the other members is weaker than the newcomer's. The holder leaves (a
 * golden record of its own, or wherever it is matched again); every other member stays.
 *
 * <p>Both fits are scored the same way, pair by pair without the index's name counts, so neither side has an
 * advantage from when it arrived. An exact key between the holder and another member ranks above any fuzzy fit:
 * such a holder is never displaced.
 */
final class WeakestMemberRule {

    /** How much better the newcomer must fit: a tie keeps the holder (a golden record does not flip on noise). */
    static final double MARGIN = 0.0;

    private final CompanyPairScorer scorer;

    WeakestMemberRule(CompanyPairScorer scorer) {
        this.scorer = scorer;
    }

    /**
     * The member of {@code members} the probe should replace, or null to keep the golden record as it is.
     *
     * @param conflicting the members of the probe's program that no exact key links to it
     */
    CompanyCandidate displaced(CompanyCandidate probe, List<CompanyCandidate> members,
            List<CompanyCandidate> conflicting) {
        if (conflicting.size() != 1 || members.size() < 2) {
            return null;
        }
        CompanyCandidate holder = conflicting.get(0);
        List<CompanyCandidate> others = new ArrayList<>(members);
        others.remove(holder);
        double holderFit = bestFit(holder, others);
        double probeFit = bestFit(probe, others);
        return probeFit > holderFit + MARGIN ? holder : null;
    }

    /** The strongest link of the record to any of the members: the rank, so an exact key outranks any name. */
    private double bestFit(CompanyCandidate record, List<CompanyCandidate> members) {
        double best = Double.NEGATIVE_INFINITY;
        for (CompanyCandidate member : members) {
            PairScore score = scorer.score(record, member, NameContext.UNKNOWN);
            if (score.decision() == MatchDecision.SEPARATE && score.exactKey()) {
                return Double.NEGATIVE_INFINITY;
            }
            best = Math.max(best, score.rank());
        }
        return best;
    }
}
