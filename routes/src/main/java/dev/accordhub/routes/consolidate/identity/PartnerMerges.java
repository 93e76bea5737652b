package dev.accordhub.routes.consolidate.identity;

import dev.accordhub.model.EntityType;
import dev.accordhub.model.PartnerOrg;
import dev.accordhub.model.SourceRef;
import dev.accordhub.routes.consolidate.GoldenChange;
import dev.accordhub.routes.consolidate.GoldenIds;
import dev.accordhub.routes.consolidate.GoldenStore;
import dev.accordhub.routes.consolidate.survivorship.Survivorship;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges two golden partners into one, and takes a source back out of one, without losing source data: every
 * source keeps its snapshot, only the cross-reference and the golden records change. Deals follow by themselves
 * (they point at their partner's source key).
 */
public class PartnerMerges {

    private final GoldenStore store;
    private final Survivorship survivorship;

    public PartnerMerges(GoldenStore store, Survivorship survivorship) {
        this.store = store;
        this.survivorship = survivorship;
    }

    /** The records that changed (a null record: removed) and the source keys that moved. */
    public record Result(List<GoldenChange> changes, List<String> movedSources) {
    }

    /** {@code otherId}'s sources join {@code survivorId}; {@code otherId} is removed. */
    public Result merge(String survivorId, String otherId) {
        PartnerOrg survivor = require(survivorId);
        PartnerOrg other = require(otherId);
        if (survivorId.equals(otherId)) {
            throw new IdentityCommandException("A partner cannot be merged with itself");
        }
        List<PartnerOrg> snapshots = new ArrayList<>(snapshots(survivor));
        snapshots.addAll(snapshots(other));
        for (SourceRef ref : other.sources()) {
            store.link(ref.key(EntityType.PARTNER), survivorId);
        }
        for (PartnerOrg snapshot : snapshots(other)) {
            if (snapshot.domain() != null) {
                store.repointMatchKey("partner:domain:" + snapshot.domain(), otherId, survivorId);
            }
        }
        PartnerOrg merged = survivorship.partner(survivorId, snapshots);
        store.put(EntityType.PARTNER, survivorId, merged);
        store.remove(EntityType.PARTNER, otherId);
        return new Result(List.of(new GoldenChange(EntityType.PARTNER, survivorId, merged),
                new GoldenChange(EntityType.PARTNER, otherId, null)),
                other.sources().stream().map(r -> r.key(EntityType.PARTNER)).toList());
    }

    /** The source leaves {@code goldenId} and becomes a partner of its own; returns both records. */
    public Result unmerge(String goldenId, String sourceKey) {
        PartnerOrg golden = require(goldenId);
        if (golden.sources().stream().noneMatch(r -> r.key(EntityType.PARTNER).equals(sourceKey))) {
            throw new IdentityCommandException("Partner " + goldenId + " has no source " + sourceKey);
        }
        if (golden.sources().size() < 2) {
            throw new IdentityCommandException("Partner " + goldenId + " has only one source; nothing to unmerge");
        }
        List<PartnerOrg> remaining = new ArrayList<>();
        PartnerOrg leaving = null;
        for (PartnerOrg snapshot : snapshots(golden)) {
            if (snapshot.sources().get(0).key(EntityType.PARTNER).equals(sourceKey)) {
                leaving = snapshot;
            } else {
                remaining.add(snapshot);
            }
        }
        if (leaving == null) {
            throw new IdentityCommandException("The snapshot of " + sourceKey + " is missing; cannot unmerge");
        }
        String newId = GoldenIds.of(EntityType.PARTNER, sourceKey);
        if (newId.equals(goldenId)) {
            newId = GoldenIds.of(EntityType.PARTNER, sourceKey + "#unmerged");
        }
        store.link(sourceKey, newId);
        PartnerOrg kept = survivorship.partner(goldenId, remaining);
        PartnerOrg split = survivorship.partner(newId, List.of(leaving));
        store.put(EntityType.PARTNER, goldenId, kept);
        store.put(EntityType.PARTNER, newId, split);
        return new Result(List.of(new GoldenChange(EntityType.PARTNER, goldenId, kept),
                new GoldenChange(EntityType.PARTNER, newId, split)), List.of(sourceKey));
    }

    private PartnerOrg require(String id) {
        PartnerOrg partner = store.get(EntityType.PARTNER, id, PartnerOrg.class);
        if (partner == null) {
            throw new IdentityCommandException("No partner with id '" + id + "'");
        }
        return partner;
    }

    private List<PartnerOrg> snapshots(PartnerOrg golden) {
        List<PartnerOrg> snapshots = new ArrayList<>();
        for (SourceRef ref : golden.sources()) {
            PartnerOrg snapshot = store.sourceRecord(ref.key(EntityType.PARTNER), PartnerOrg.class);
            if (snapshot != null) {
                snapshots.add(snapshot);
            }
        }
        return snapshots;
    }
}
