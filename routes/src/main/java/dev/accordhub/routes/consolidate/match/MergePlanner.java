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
 */
public final class MergePlanner {

    /** The golden records merges produced so far; a record that merged with nothing is a cluster of its own. */
    public interface Clusters {

        String clusterOf(String sourceKey);

        List<CompanyCandidate> members(String clusterId);
    }

    /**
     * @param decision MERGE: join {@code clusters} (and merge them with each other when more than one); REVIEW:
     *                 a steward decides between the record and {@code clusters.get(0)}; SEPARATE: a golden record
     *                 of its own
     * @param clusters the clusters concerned, best first
     * @param reasons  the match's reasons and the clusters' objections
     */
    public record Plan(MatchDecision decision, List<String> clusters, List<String> reasons) {

        public Plan {
            clusters = List.copyOf(clusters);
            reasons = List.copyOf(reasons);
        }
    }

    private final MatchPolicy policy;
    private final CompanyPairScorer scorer;

    public MergePlanner(MatchPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.scorer = new CompanyPairScorer(policy);
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
        List<CompanyCandidate> joinedMembers = new ArrayList<>();
        for (ScoredCandidate merge : result.merges()) {
            String cluster = clusters.clusterOf(merge.candidate().sourceKey());
            if (joined.contains(cluster) || refused.contains(cluster)) {
                continue;
            }
            List<CompanyCandidate> members = clusters.members(cluster);
            String objection = objection(List.of(result.probe()), members);
            if (objection == null) {
                objection = objection(joinedMembers, members);
            }
            if (objection == null) {
                joined.add(cluster);
                joinedMembers.addAll(members);
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
        return new Plan(MatchDecision.MERGE, joined, reasons);
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
