package dev.accordhub.routes.consolidate.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns a {@link MatchResult} into what happens to golden records. A record does not merge with another record
 * but with the golden record (cluster) that one belongs to, so the cluster as a whole must accept it:
 * <ul>
 *   <li>no member's tax id or DUNS contradicts the record's;</li>
 *   <li>no member comes from the record's own program, unless an exact key links the two (the policy's
 *       {@code fuzzyMergeWithinProgram} applied to the whole golden record, not only to the best candidate).</li>
 * </ul>
 * Without these, one wrong merge pulls every later record of either company into one golden record. When the
 * record reaches MERGE with records of several clusters that accept it and each other, it joins them all: it is
 * the missing link between two records of one company that did not match each other directly ("Blue Fin" and
 * "BLUEFIN SYS" both match "Bluefin Systems"). When no cluster accepts it, the pair goes to a steward.
 *
 * <p>When the golden store can split a golden record ({@link Clusters#splittable()}), a golden record that refuses
 * the record only because of one member (of the same program, or with a contradicting tax id or DUNS) may instead
 * give that member up, if the record fits the rest of it better ({@link WeakestMemberRule}): the plan then names
 * the member to move out first.
 */
public final class MergePlanner {

    /** The golden records merges produced so far; a record that merged with nothing is a cluster of its own. */
    public interface Clusters {

        String clusterOf(String sourceKey);

        List<CompanyCandidate> members(String clusterId);

        /**
         * Whether the store can move a member out of a golden record into one of its own, as a plan's
         * {@link Plan#evicted()} asks. False by default: the planner then never asks for it.
         */
        default boolean splittable() {
            return false;
        }
    }

    /**
     * @param decision MERGE: join {@code clusters} (and merge them with each other when more than one); REVIEW:
     *                 a steward decides between the record and {@code clusters.get(0)}; SEPARATE: a golden record
     *                 of its own
     * @param clusters the clusters concerned, best first
     * @param reasons  the match's reasons and the clusters' objections
     * @param evicted  source keys to move out of their golden record (among {@code clusters}) into one of their
     *                 own before the record joins: the members it displaces. Empty unless the clusters are
     *                 {@link Clusters#splittable()}
     */
    public record Plan(MatchDecision decision, List<String> clusters, List<String> reasons, List<String> evicted) {

        public Plan {
            clusters = List.copyOf(clusters);
            reasons = List.copyOf(reasons);
            evicted = List.copyOf(evicted);
        }

        public Plan(MatchDecision decision, List<String> clusters, List<String> reasons) {
            this(decision, clusters, reasons, List.of());
        }
    }

    private final MatchPolicy policy;
    private final CompanyPairScorer scorer;
    private final WeakestMemberRule weakestMember;

    public MergePlanner(MatchPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.scorer = new CompanyPairScorer(policy);
        this.weakestMember = new WeakestMemberRule(scorer);
    }

    public Plan plan(MatchResult result, Clusters clusters) {
        if (result.decision() != MatchDecision.MERGE) {
            List<String> concerned = result.best() == null ? List.of()
                    : List.of(clusters.clusterOf(result.best().sourceKey()));
            return new Plan(result.decision(), concerned, result.reasons());
        }
        List<String> reasons = new ArrayList<>(result.reasons());
        List<String> joined = new ArrayList<>(2);
        List<String> refused = new ArrayList<>(2);
        List<String> evicted = new ArrayList<>(1);
        List<CompanyCandidate> joinedMembers = new ArrayList<>();
        for (ScoredCandidate merge : result.merges()) {
            String cluster = clusters.clusterOf(merge.candidate().sourceKey());
            if (joined.contains(cluster) || refused.contains(cluster)) {
                continue;
            }
            List<CompanyCandidate> members = clusters.members(cluster);
            String objection = objection(List.of(result.probe()), members);
            CompanyCandidate displaced = objection != null && clusters.splittable()
                    ? displaced(result.probe(), members) : null;
            if (displaced != null) {
                members = new ArrayList<>(members);
                members.remove(displaced);
                objection = objection(List.of(result.probe()), members);
            }
            if (objection == null) {
                objection = objection(joinedMembers, members);
            }
            if (objection == null) {
                joined.add(cluster);
                joinedMembers.addAll(members);
                if (displaced != null) {
                    evicted.add(displaced.sourceKey());
                    reasons.add("golden record " + cluster + " gives up " + displaced.sourceKey()
                            + " of program " + displaced.program() + ": the record fits the rest of it better");
                }
            } else {
                refused.add(cluster);
                reasons.add("golden record " + cluster + " refuses: " + objection);
            }
        }
        if (joined.isEmpty()) {
            return new Plan(MatchDecision.REVIEW, List.of(clusters.clusterOf(result.best().sourceKey())), reasons);
        }
        if (joined.size() > 1) {
            reasons.add("links golden records " + String.join(", ", joined));
        }
        return new Plan(MatchDecision.MERGE, joined, reasons, evicted);
    }

    /** The one member objecting to the probe (same program, or a contradicting tax id or DUNS) it may displace. */
    private CompanyCandidate displaced(CompanyCandidate probe, List<CompanyCandidate> members) {
        List<CompanyCandidate> conflicting = new ArrayList<>(1);
        for (CompanyCandidate member : members) {
            if (objection(List.of(probe), List.of(member)) != null) {
                conflicting.add(member);
            }
        }
        return policy.fuzzyMergeWithinProgram() ? null : weakestMember.displaced(probe, members, conflicting);
    }

    /** Why one of {@code records} may not share a golden record with one of {@code members}; null if none. */
    private String objection(List<CompanyCandidate> records, List<CompanyCandidate> members) {
        for (CompanyCandidate record : records) {
            for (CompanyCandidate member : members) {
                PairScore exact = scorer.exactKeys(record, member, new ArrayList<>(1));
                if (exact != null && exact.decision() == MatchDecision.SEPARATE) {
                    return exact.reasons().get(0) + " (" + member.sourceKey() + ")";
                }
                if (record.program().equals(member.program()) && exact == null
                        && !policy.fuzzyMergeWithinProgram()) {
                    return "it already holds " + member.sourceKey() + " of program " + member.program();
                }
            }
        }
        return null;
    }
}
