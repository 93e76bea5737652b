package dev.accordhub.routes.consolidate.identity;

import dev.accordhub.model.EntityType;
import dev.accordhub.model.PartnerOrg;
import dev.accordhub.model.SourceRef;
import dev.accordhub.routes.consolidate.GoldenStore;
import dev.accordhub.routes.consolidate.match.CandidateIndex;
import dev.accordhub.routes.consolidate.match.CompanyCandidate;
import dev.accordhub.routes.consolidate.match.CompanyMatcher;
import dev.accordhub.routes.consolidate.match.MatchDecision;
import dev.accordhub.routes.consolidate.match.MatchPolicy;
import dev.accordhub.routes.consolidate.match.MatchResult;
import dev.accordhub.routes.consolidate.match.MergePlanner;
import java.util.ArrayList;
import java.util.List;

/**
 * The fuzzy step of partner identity resolution, for a source record no exact key placed: the scored
 * {@link CompanyMatcher} over a blocking index of every partner source record, and the {@link MergePlanner} that
 * checks the whole golden record accepts it. Above the merge threshold the record joins that golden record; in the
 * grey zone it stays apart and a steward decides; below, it stays apart.
 *
 * <p>The index is in the data grid ({@link HazelcastCandidateIndex}) and refilled from the source snapshots at
 * start-up.
 */
public class PartnerMatching {

    /**
     * Where the record goes: into {@code mergeInto}, or apart with a task against {@code reviewWith}, or apart.
     * {@code evicted}: source keys that must first leave {@code mergeInto} (members the record fits it better than).
     */
    public record Outcome(String mergeInto, String reviewWith, double score, List<String> reasons,
            List<String> evicted) {

        public Outcome {
            evicted = evicted == null ? List.of() : List.copyOf(evicted);
        }
    }

    private final GoldenStore store;
    private final CandidateIndex index;
    private final CompanyMatcher matcher;
    private final MergePlanner planner;
    private final StewardshipStore stewardship;

    /**
     * @param stewardship when given, golden records may give up a weaker member to a better-fitting record, except
     *                    those a steward or operator has decided on (their identity history pins them); null: never
     */
    public PartnerMatching(GoldenStore store, CandidateIndex index, MatchPolicy policy, StewardshipStore stewardship) {
        this.stewardship = stewardship;
        this.store = store;
        this.index = index;
        this.matcher = new CompanyMatcher(index, policy);
        this.planner = new MergePlanner(policy);
    }

    public Outcome match(PartnerOrg change) {
        MatchResult result = matcher.match(CompanyCandidate.fromPartner(change));
        if (result.decision() == MatchDecision.SEPARATE) {
            return new Outcome(null, null, result.score(), result.reasons(), List.of());
        }
        MergePlanner.Plan plan = planner.plan(result, clusters());
        String first = plan.clusters().isEmpty() ? null : plan.clusters().get(0);
        if (plan.decision() == MatchDecision.MERGE && !plan.evicted().isEmpty() && pinned(first)) {
            List<String> reasons = new ArrayList<>(plan.reasons());
            reasons.add("golden record " + first + " was decided on by a steward or operator; it is not split "
                    + "automatically");
            return new Outcome(null, first, result.score(), reasons, List.of());
        }
        return plan.decision() == MatchDecision.MERGE
                ? new Outcome(first, null, result.score(), plan.reasons(), plan.evicted())
                : new Outcome(null, first, result.score(), plan.reasons(), List.of());
    }

    /** The matcher's own splits do not pin a golden record; a steward's or an operator's decisions do. */
    private boolean pinned(String goldenId) {
        return stewardship.history(goldenId).stream().anyMatch(entry -> !AUTOMATIC.equals(entry.by()));
    }

    /** Who the identity history names for the splits the matcher makes itself. */
    public static final String AUTOMATIC = "matcher";

    /** Keeps the index current: call with every partner source snapshot applied (and at the rebuild). */
    public void indexed(PartnerOrg snapshot) {
        index.add(CompanyCandidate.fromPartner(snapshot));
    }

    public void removed(String sourceKey) {
        index.remove(sourceKey);
    }

    private MergePlanner.Clusters clusters() {
        return new MergePlanner.Clusters() {
            @Override
            public boolean splittable() {
                return stewardship != null;
            }

            @Override
            public String clusterOf(String sourceKey) {
                String golden = store.goldenIdOf(sourceKey);
                return golden == null ? sourceKey : golden;
            }

            @Override
            public List<CompanyCandidate> members(String clusterId) {
                PartnerOrg golden = store.get(EntityType.PARTNER, clusterId, PartnerOrg.class);
                List<CompanyCandidate> members = new ArrayList<>();
                if (golden != null) {
                    for (SourceRef ref : golden.sources()) {
                        PartnerOrg snapshot = store.sourceRecord(ref.key(EntityType.PARTNER), PartnerOrg.class);
                        if (snapshot != null) {
                            members.add(CompanyCandidate.fromPartner(snapshot));
                        }
                    }
                }
                return members;
            }
        };
    }
}
