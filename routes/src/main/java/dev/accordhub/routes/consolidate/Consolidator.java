package dev.accordhub.routes.consolidate;

import dev.accordhub.model.Conflict;
import dev.accordhub.model.Deal;
import dev.accordhub.model.EntityType;
import dev.accordhub.model.PartnerOrg;
import dev.accordhub.model.identity.IdentityCommand;
import dev.accordhub.model.identity.XrefEntry;
import dev.accordhub.routes.consolidate.identity.PartnerMerges;
import dev.accordhub.model.PartnerUser;
import dev.accordhub.model.SourceRef;
import dev.accordhub.model.identity.StewardshipTask;
import dev.accordhub.routes.consolidate.identity.PartnerMatching;
import dev.accordhub.routes.consolidate.match.DomainNormaliser;
import dev.accordhub.routes.consolidate.identity.StewardshipStore;
import dev.accordhub.routes.consolidate.survivorship.ConflictDetector;
import dev.accordhub.routes.consolidate.survivorship.FieldSet;
import dev.accordhub.routes.consolidate.survivorship.Survivorship;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Applies one source change to the golden model, idempotently: a change whose source version is not newer than
 * the one the golden record already holds for that source changes nothing (duplicates and stale, out-of-order
 * deliveries). Partners with the same web domain and users with the same e-mail, in any program, become one
 * golden record with a source reference per program; its fields are chosen by {@link Survivorship}, and
 * concurrent edits of one field in two sources are reported as conflicts.
 *
 * <p>Not thread-safe per golden record: the consolidation route applies changes from one consumer thread.
 */
public class Consolidator {

    private final GoldenStore store;
    private final Survivorship survivorship;
    private final ConflictDetector conflicts;
    private final Clock clock;

    private final boolean removeDeletedSources;
    private final StewardshipStore stewardship;
    private final PartnerMatching partnerMatching;
    private final PartnerMerges merges;

    /**
     * @param removeDeletedSources on a source's delete of a partner or user: true drops that source from the golden
     *                             record (and the record with its last source); false keeps it, inactive
     */
    public Consolidator(GoldenStore store, StewardshipStore stewardship, PartnerMatching partnerMatching,
            Survivorship survivorship, Clock clock, boolean removeDeletedSources) {
        this.store = store;
        this.stewardship = stewardship;
        this.partnerMatching = partnerMatching;
        this.merges = new PartnerMerges(store, survivorship);
        this.removeDeletedSources = removeDeletedSources;
        this.survivorship = survivorship;
        this.conflicts = new ConflictDetector(survivorship.policy().conflictWindow());
        this.clock = clock;
    }

    public Optional<Consolidation> applyPartner(PartnerOrg change) {
        Optional<Consolidation> outcome = applyMatched(EntityType.PARTNER, FieldSet.PARTNER, change,
                change.sources().get(0), exactKeys(change), candidate -> idConflict(change, candidate),
                partnerMatching::match, PartnerOrg.class, survivorship::partner, PartnerOrg::sources);
        outcome.ifPresent(applied -> partnerMatching.indexed(change));
        return outcome;
    }

    /** Exact identity keys, strongest first: tax id, DUNS, web domain (not a shared host such as gmail.com). */
    static List<String> exactKeys(PartnerOrg p) {
        List<String> keys = new ArrayList<>();
        if (p.taxId() != null) {
            keys.add("partner:tax:" + p.taxId());
        }
        if (p.duns() != null) {
            keys.add("partner:duns:" + p.duns());
        }
        if (p.domain() != null && !DomainNormaliser.isShared(p.domain())) {
            keys.add("partner:domain:" + p.domain());
        }
        return keys;
    }

    /** Two different tax ids or DUNS numbers are two companies, whatever else they share (e.g. a group's domain). */
    private String idConflict(PartnerOrg change, String candidateId) {
        PartnerOrg candidate = store.get(EntityType.PARTNER, candidateId, PartnerOrg.class);
        if (candidate == null) {
            return null;
        }
        if (change.taxId() != null && candidate.taxId() != null && !change.taxId().equals(candidate.taxId())) {
            return "shares a key with " + candidateId + " but has another tax id";
        }
        if (change.duns() != null && candidate.duns() != null && !change.duns().equals(candidate.duns())) {
            return "shares a key with " + candidateId + " but has another DUNS number";
        }
        return null;
    }

    public Optional<Consolidation> applyUser(PartnerUser change) {
        return applyMatched(EntityType.USER, FieldSet.USER, change, change.sources().get(0),
                List.of(GoldenStore.USER_EMAIL_KEY + change.email()), candidate -> null, null, PartnerUser.class,
                survivorship::user, PartnerUser::sources);
    }

    public Optional<Consolidation> applyDeal(Deal change) {
        SourceRef ref = change.sources().get(0);
        String sourceKey = ref.key(EntityType.DEAL);
        String id = GoldenIds.of(EntityType.DEAL, sourceKey);
        Deal current = store.get(EntityType.DEAL, id, Deal.class);
        if (current != null && !ref.isNewerThan(current.sources().get(0))) {
            return Optional.empty();
        }
        Deal golden = new Deal(id, change.name(), change.partnerKey(), change.customerName(), change.amount(),
                change.stage(), change.closeDate(), change.updatedAt(), change.sources());
        // Not waited for one by one: the consolidation route waits for it before it commits the change. Not linked
        // in xref: the id is derived from the source key (GoldenStore#dealIdOf).
        String written = store.putBehind(EntityType.DEAL, id, golden);
        return Optional.of(Consolidation.of(new GoldenChange(EntityType.DEAL, id, golden, written)));
    }

    /** A deal deleted at its source leaves the golden model: removed from Hazelcast, a tombstone on Kafka. */
    public Optional<Consolidation> deleteDeal(Deal deleted) {
        SourceRef ref = deleted.sources().get(0);
        String sourceKey = ref.key(EntityType.DEAL);
        String id = GoldenIds.of(EntityType.DEAL, sourceKey);
        Deal current = store.get(EntityType.DEAL, id, Deal.class);
        if (current == null || !ref.isNewerThan(current.sources().get(0))) {
            return Optional.empty();
        }
        store.remove(EntityType.DEAL, id);
        store.unlink(sourceKey);
        return Optional.of(Consolidation.of(new GoldenChange(EntityType.DEAL, id, null)));
    }

    public Optional<Consolidation> deletePartner(PartnerOrg deleted) {
        return removeDeletedSources
                ? removeSource(EntityType.PARTNER, deleted.sources().get(0), PartnerOrg.class, survivorship::partner,
                        PartnerOrg::sources)
                : applyPartner(deleted);
    }

    public Optional<Consolidation> deleteUser(PartnerUser deleted) {
        return removeDeletedSources
                ? removeSource(EntityType.USER, deleted.sources().get(0), PartnerUser.class, survivorship::user,
                        PartnerUser::sources)
                : applyUser(deleted);
    }

    private <T> Optional<Consolidation> removeSource(EntityType entity, SourceRef ref, Class<T> type,
            BiFunction<String, List<T>, T> merge, java.util.function.Function<T, List<SourceRef>> sourcesOf) {
        String sourceKey = ref.key(entity);
        String id = store.goldenIdOf(sourceKey);
        T current = id == null ? null : store.get(entity, id, type);
        if (current == null) {
            return Optional.empty();
        }
        SourceRef applied = sourcesOf.apply(current).stream().filter(r -> r.key(entity).equals(sourceKey))
                .findFirst().orElse(null);
        if (applied == null || !ref.isNewerThan(applied)) {
            return Optional.empty();
        }
        store.unlink(sourceKey);
        store.removeSourceRecord(sourceKey);
        if (entity == EntityType.PARTNER) {
            partnerMatching.removed(sourceKey);
        }
        List<T> remaining = new ArrayList<>();
        for (SourceRef other : sourcesOf.apply(current)) {
            T snapshot = other.key(entity).equals(sourceKey) ? null : store.sourceRecord(other.key(entity), type);
            if (snapshot != null) {
                remaining.add(snapshot);
            }
        }
        if (remaining.isEmpty()) {
            store.remove(entity, id);
            return Optional.of(Consolidation.of(new GoldenChange(entity, id, null)));
        }
        T golden = merge.apply(id, remaining);
        store.put(entity, id, golden);
        return Optional.of(Consolidation.of(new GoldenChange(entity, id, golden)));
    }

    /**
     * @param matchKeys exact keys (tax id, verified domain, e-mail), strongest first: a record holding one is the
     *                  same one, merged at once, unless {@code veto} gives a reason it cannot be
     * @param fuzzy     for a record no exact key placed: a scored match that may merge it, or open a stewardship
     *                  task (null: no fuzzy step)
     */
    private <T> Optional<Consolidation> applyMatched(EntityType entity, FieldSet<T> fields, T change, SourceRef ref,
            List<String> matchKeys, java.util.function.Function<String, String> veto,
            java.util.function.Function<T, PartnerMatching.Outcome> fuzzy, Class<T> type,
            BiFunction<String, List<T>, T> merge,
            java.util.function.Function<T, List<SourceRef>> sourcesOf) {
        String sourceKey = ref.key(entity);
        String id = store.goldenIdOf(sourceKey);
        String vetoed = null;
        String vetoReason = null;
        for (int i = 0; id == null && vetoed == null && i < matchKeys.size(); i++) {
            String candidate = store.matched(matchKeys.get(i));
            if (candidate != null) {
                vetoReason = veto.apply(candidate);
                if (vetoReason == null) {
                    id = candidate;
                } else {
                    vetoed = candidate;
                }
            }
        }
        PartnerMatching.Outcome scored = null;
        List<GoldenChange> split = new ArrayList<>();
        List<XrefEntry> history = new ArrayList<>();
        if (id == null && vetoed == null && fuzzy != null) {
            scored = fuzzy.apply(change);
            id = scored.mergeInto();
            for (String evicted : id == null ? List.<String>of() : scored.evicted()) {
                split.addAll(giveUp(id, evicted, sourceKey, scored, history));
            }
        }
        boolean unmatched = id == null;
        if (unmatched) {
            id = GoldenIds.of(entity, sourceKey);
        }
        T current = store.get(entity, id, type);
        List<SourceRef> currentRefs = current == null ? List.of() : sourcesOf.apply(current);
        SourceRef applied = currentRefs.stream().filter(r -> r.key(entity).equals(sourceKey)).findFirst().orElse(null);
        if (applied != null && !ref.isNewerThan(applied)) {
            return Optional.empty();
        }
        T previous = applied == null ? null : store.sourceRecord(sourceKey, type);
        store.putSourceRecord(sourceKey, change);
        List<T> others = new ArrayList<>();
        for (SourceRef other : currentRefs) {
            String otherKey = other.key(entity);
            if (!otherKey.equals(sourceKey)) {
                T snapshot = store.sourceRecord(otherKey, type);
                if (snapshot != null) {
                    others.add(snapshot);
                }
            }
        }
        List<T> snapshots = new ArrayList<>(others);
        snapshots.add(change);
        T golden = merge.apply(id, snapshots);
        String written = store.put(entity, id, golden);
        store.link(sourceKey, id);
        for (String matchKey : matchKeys) {
            store.claimMatchKey(matchKey, id);
        }
        List<Conflict> found = conflicts.detect(fields, entity, id, change, previous, others,
                survivorship.lineage(fields, snapshots), clock.instant());
        List<StewardshipTask> tasks = new ArrayList<>();
        if (unmatched && current == null && vetoed != null) {
            stewardship.open(id, vetoed, 0.5, List.of(vetoReason), clock.instant()).ifPresent(tasks::add);
        }
        if (unmatched && current == null && scored != null && scored.reviewWith() != null && tasks.isEmpty()) {
            stewardship.open(id, scored.reviewWith(), scored.score(), scored.reasons(), clock.instant())
                    .ifPresent(tasks::add);
        }
        split.add(new GoldenChange(entity, id, golden, written));
        return Optional.of(new Consolidation(split, found, tasks, history));
    }

    /**
     * The golden record gives up a member the new record fits it better than (a same-program record, or one whose
     * tax id or DUNS contradicts it, that an earlier match had put there): the member becomes a partner of its own
     * with its exact keys, and the identity history says why.
     */
    private List<GoldenChange> giveUp(String goldenId, String evictedKey, String newcomerKey,
            PartnerMatching.Outcome scored, List<XrefEntry> history) {
        PartnerMerges.Result moved = merges.unmerge(goldenId, evictedKey);
        String newId = moved.changes().get(1).id();
        PartnerOrg leaving = store.sourceRecord(evictedKey, PartnerOrg.class);
        for (String key : leaving == null ? List.<String>of() : exactKeys(leaving)) {
            store.repointMatchKey(key, goldenId, newId);
        }
        XrefEntry entry = new XrefEntry("split:" + evictedKey + "@" + clock.millis(), IdentityCommand.Type.UNMERGE,
                goldenId, newId, List.of(evictedKey), "moved out: " + newcomerKey + " fits " + goldenId + " better ("
                + String.join("; ", scored.reasons()) + ")", clock.instant(), PartnerMatching.AUTOMATIC);
        stewardship.record(entry);
        history.add(entry);
        return moved.changes();
    }
}
