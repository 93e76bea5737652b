package dev.accordhub.routes.consolidate;

import dev.accordhub.model.Deal;
import dev.accordhub.model.EntityType;
import dev.accordhub.model.PartnerOrg;
import dev.accordhub.model.PartnerUser;
import dev.accordhub.model.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Applies one source change to the golden model, idempotently: a change whose source version is not newer than
 * the one the golden record already holds for that source changes nothing (duplicates and stale, out-of-order
 * deliveries). Partners with the same web domain and users with the same e-mail, in any program, become one
 * golden record with a source reference per program.
 *
 * <p>Not thread-safe per golden record: the consolidation route applies changes from one consumer thread.
 */
public class Consolidator {

    private final GoldenStore store;

    public Consolidator(GoldenStore store) {
        this.store = store;
    }

    public Optional<GoldenChange> applyPartner(PartnerOrg change) {
        return applyMatched(EntityType.PARTNER, change, change.sources().get(0),
                change.domain() == null ? null : "partner:domain:" + change.domain(), PartnerOrg.class,
                Survivorship::partner, PartnerOrg::sources);
    }

    public Optional<GoldenChange> applyUser(PartnerUser change) {
        return applyMatched(EntityType.USER, change, change.sources().get(0), "user:email:" + change.email(),
                PartnerUser.class, Survivorship::user, PartnerUser::sources);
    }

    public Optional<GoldenChange> applyDeal(Deal change) {
        SourceRef ref = change.sources().get(0);
        String sourceKey = ref.key(EntityType.DEAL);
        String id = GoldenIds.of(EntityType.DEAL, sourceKey);
        Deal current = store.get(EntityType.DEAL, id, Deal.class);
        if (current != null && !ref.isNewerThan(current.sources().get(0))) {
            return Optional.empty();
        }
        Deal golden = new Deal(id, change.name(), change.partnerKey(), change.customerName(), change.amount(),
                change.stage(), change.closeDate(), change.updatedAt(), change.sources());
        store.put(EntityType.DEAL, id, golden);
        store.link(sourceKey, id);
        return Optional.of(new GoldenChange(EntityType.DEAL, id, golden));
    }

    private <T> Optional<GoldenChange> applyMatched(EntityType entity, T change, SourceRef ref, String matchKey,
            Class<T> type, BiFunction<String, List<T>, T> survivorship,
            java.util.function.Function<T, List<SourceRef>> sourcesOf) {
        String sourceKey = ref.key(entity);
        String id = store.goldenIdOf(sourceKey);
        if (id == null) {
            id = store.matched(matchKey);
        }
        if (id == null) {
            id = GoldenIds.of(entity, sourceKey);
        }
        T current = store.get(entity, id, type);
        List<SourceRef> currentRefs = current == null ? List.of() : sourcesOf.apply(current);
        SourceRef applied = currentRefs.stream().filter(r -> r.key(entity).equals(sourceKey)).findFirst().orElse(null);
        if (applied != null && !ref.isNewerThan(applied)) {
            return Optional.empty();
        }
        store.putSourceRecord(sourceKey, change);
        List<T> snapshots = new ArrayList<>();
        for (SourceRef other : currentRefs) {
            String otherKey = other.key(entity);
            if (!otherKey.equals(sourceKey)) {
                T snapshot = store.sourceRecord(otherKey, type);
                if (snapshot != null) {
                    snapshots.add(snapshot);
                }
            }
        }
        snapshots.add(change);
        T golden = survivorship.apply(id, snapshots);
        store.put(entity, id, golden);
        store.link(sourceKey, id);
        store.claimMatchKey(matchKey, id);
        return Optional.of(new GoldenChange(entity, id, golden));
    }
}
