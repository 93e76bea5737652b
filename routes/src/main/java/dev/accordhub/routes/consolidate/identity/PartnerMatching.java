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

    /** Where the record goes: into {@code mergeInto}, or apart with a task against {@code reviewWith}, or apart. */
    public record Outcome(String mergeInto, String reviewWith, double score, List<String> reasons) {
    }

    private final GoldenStore store;
    private final CandidateIndex index;
    private final CompanyMatcher matcher;
    private final MergePlanner planner;

    public PartnerMatching(GoldenStore store, CandidateIndex index, MatchPolicy policy) {
        this.store = store;
        this.index = index;
        this.matcher = new CompanyMatcher(index, policy);
        this.planner = new MergePlanner(policy);
    }

    public Outcome match(PartnerOrg change) {
        MatchResult result = matcher.match(CompanyCandidate.fromPartner(change));
        if (result.decision() == MatchDecision.SEPARATE) {
            return new Outcome(null, null, result.score(), result.reasons());
        }
        MergePlanner.Plan plan = planner.plan(result, clusters());
        String first = plan.clusters().isEmpty() ? null : plan.clusters().get(0);
        return plan.decision() == MatchDecision.MERGE
                ? new Outcome(first, null, result.score(), plan.reasons())
                : new Outcome(null, first, result.score(), plan.reasons());
    }

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
