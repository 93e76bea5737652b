package dev.accordhub.routes.consolidate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.map.IMap;
import dev.accordhub.model.Deal;
import dev.accordhub.model.EntityType;
import dev.accordhub.model.SourceKeys;
import dev.accordhub.routes.infra.GridChanges;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The consolidated model in Hazelcast. Values are JSON ({@link HazelcastJsonValue}) so they are indexed and queried
 * by field and served to the portal without another serialisation. Map names and indexes: hazelcast.yaml.
 * <ul>
 *   <li>{@code partners}, {@code users}, {@code deals}: golden records by golden id;</li>
 *   <li>{@code xref}: source key → golden id, for partners, users and the CRM's records of registrations. An
 *       ordinary deal is not linked: its golden id is derived from its one source key ({@link GoldenIds}), and a
 *       link per deal, which nothing read, was a fifth of a golden deal's heap ({@link #dealIdOf});</li>
 *   <li>{@code match-keys}: a match key (e.g. {@code partner:domain:acme.com}) → golden id;</li>
 *   <li>{@code source-records}: source key → the source's own canonical snapshot, kept for survivorship.</li>
 * </ul>
 */
public class GoldenStore implements AutoCloseable {

    public static final String PARTNERS = "partners";
    public static final String USERS = "users";
    public static final String DEALS = "deals";
    public static final String XREF = "xref";
    public static final String MATCH_KEYS = "match-keys";
    public static final String SOURCE_RECORDS = "source-records";
    /** The id of the last golden event published per record ({@code <entity>:<golden id>}). */
    public static final String PUBLISHED = "golden-published";
    /**
     * Registrations the portal has taken and consolidation has not applied yet (deal id → submission time): their
     * deal in {@link #DEALS} is the portal's provisional copy, shown to the partner at once.
     */
    public static final String PROVISIONAL = "registrations-provisional";

    private final IMap<String, HazelcastJsonValue> partners;
    private final IMap<String, HazelcastJsonValue> users;
    private final IMap<String, HazelcastJsonValue> deals;
    private final IMap<String, String> xref;
    private final IMap<String, String> matchKeys;
    private final IMap<String, HazelcastJsonValue> sourceRecords;
    private final IMap<String, String> published;
    private final IMap<String, String> provisional;
    private final ObjectMapper json;
    private final GridChanges identity;

    /** What marks a company's source key in {@code xref}. */
    private static final String PARTNER_KEY = ":" + EntityType.PARTNER.code() + ":";
    /** The {@code match-keys} key of a user's e-mail address is this and the address. */
    public static final String USER_EMAIL_KEY = "user:email:";

    public GoldenStore(HazelcastInstance hazelcast, ObjectMapper json) {
        this.partners = hazelcast.getMap(PARTNERS);
        this.users = hazelcast.getMap(USERS);
        this.deals = hazelcast.getMap(DEALS);
        this.xref = hazelcast.getMap(XREF);
        this.matchKeys = hazelcast.getMap(MATCH_KEYS);
        this.sourceRecords = hazelcast.getMap(SOURCE_RECORDS);
        this.published = hazelcast.getMap(PUBLISHED);
        this.provisional = hazelcast.getMap(PROVISIONAL);
        this.json = json;
        this.identity = new GridChanges(hazelcast, java.util.Map.of(
                USERS, GridChanges.ALL_KEYS,
                PARTNERS, GridChanges.ALL_KEYS,
                XREF, "%" + PARTNER_KEY + "%",
                MATCH_KEYS, USER_EMAIL_KEY + "%"));
    }

    /**
     * The changes to who a partner user is: their record, their company's, the company's source keys and the users'
     * e-mail keys (what the portal resolves a caller from). This store's own writes count once they are done, other
     * members' when their events arrive; deal writes do not count.
     */
    public GridChanges identityChanges() {
        return identity;
    }

    /** Stops counting. */
    @Override
    public void close() {
        identity.close();
    }

    private void identityWritten(EntityType entity) {
        if (entity != EntityType.DEAL) {
            identity.changed();
        }
    }

    private void identityLinked(String sourceKey) {
        if (sourceKey.contains(PARTNER_KEY)) {
            identity.changed();
        }
    }

    private void identityMatchKeyMoved(String matchKey) {
        if (matchKey.startsWith(USER_EMAIL_KEY)) {
            identity.changed();
        }
    }

    public IMap<String, HazelcastJsonValue> map(EntityType entity) {
        return switch (entity) {
            case PARTNER -> partners;
            case USER -> users;
            case DEAL -> deals;
        };
    }

    /** A Hazelcast write made without waiting for it, and the map it went to. */
    public record WriteBehind(String map, CompletableFuture<Void> done) {
    }

    /**
     * Per thread: the writes it made behind ({@link #putBehind}) and has not taken yet. Beyond
     * {@link #MAX_BEHIND} the next write behind first waits for them, so a caller that never takes them (a test, a
     * repair) holds no more than that.
     */
    private final ThreadLocal<List<WriteBehind>> behind = ThreadLocal.withInitial(ArrayList::new);
    static final int MAX_BEHIND = 10_000;

    /**
     * Per thread, while it consolidates a batch of changes ({@link #beginBatch} … {@link #endBatch}): the records of
     * one entity it asked for ahead, those it has read or written since (absent ones as null), and its writes behind
     * that are not handed to Hazelcast yet.
     */
    private final ThreadLocal<Batch> batch = new ThreadLocal<>();

    private static final class Batch {
        final EntityType entity;
        final java.util.Map<String, CompletableFuture<HazelcastJsonValue>> asked;
        final java.util.Map<String, HazelcastJsonValue> current = new java.util.HashMap<>();
        final List<Runnable> deferred = new ArrayList<>();

        Batch(EntityType entity, java.util.Map<String, CompletableFuture<HazelcastJsonValue>> asked) {
            this.entity = entity;
            this.asked = asked;
        }
    }

    /**
     * Starts a batch on this thread: asks Hazelcast for these records of {@code entity} all at once, without waiting
     * ({@link #get} waits for the one it needs), and holds back the writes behind ({@link #putBehind}) until
     * {@link #flushWrites}. Asked and written together, a batch's operations reach each
     * partition thread in a burst that wakes it once, instead of one hand-off (a wake-up and a wait) per operation,
     * which was two thirds of what the consolidation thread did in a backfill. (Not {@code getAll}: it hands every
     * key to every partition's operation, which hashes them all to find its own.) Only this thread writes the records
     * it asks for here (the consolidation thread is their one writer), and its own writes through this store keep
     * what it asked for current.
     */
    public void beginBatch(EntityType entity, java.util.Collection<String> ids) {
        endBatch();
        IMap<String, HazelcastJsonValue> map = map(entity);
        java.util.Map<String, CompletableFuture<HazelcastJsonValue>> asked = new java.util.HashMap<>(ids.size() * 2);
        for (String id : ids) {
            asked.computeIfAbsent(id, key -> map.getAsync(key).toCompletableFuture());
        }
        batch.set(new Batch(entity, asked));
    }

    /** Hands the writes held back to Hazelcast, and ends the batch. */
    public void endBatch() {
        flushWrites();
        batch.remove();
    }

    /**
     * Hands the writes behind held back in this thread's batch to Hazelcast, in the order they were made. Called
     * before anything on this thread reads the maps other than through {@link #get} (a query, another kind of
     * change), and before the batch's writes are waited for.
     */
    public void flushWrites() {
        Batch current = batch.get();
        if (current != null && !current.deferred.isEmpty()) {
            current.deferred.forEach(Runnable::run);
            current.deferred.clear();
        }
    }

    private void wrote(EntityType entity, String id, HazelcastJsonValue value) {
        Batch current = batch.get();
        if (current != null && current.entity == entity) {
            current.current.put(id, value);
        }
    }

    public <T> T get(EntityType entity, String id, Class<T> type) {
        Batch current = batch.get();
        if (current != null && current.entity == entity) {
            if (current.current.containsKey(id)) {
                return read(current.current.get(id), type);
            }
            CompletableFuture<HazelcastJsonValue> asked = current.asked.remove(id);
            if (asked != null) {
                HazelcastJsonValue value;
                try {
                    value = asked.join();
                } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
                    value = map(entity).get(id); // asked again: it fails now, or the cause has passed
                }
                current.current.put(id, value);
                return read(value, type);
            }
        }
        return read(map(entity).get(id), type);
    }

    /** @return the record's JSON as stored */
    public String put(EntityType entity, String id, Object golden) {
        flushWrites();
        HazelcastJsonValue value = writeValue(golden);
        map(entity).set(id, value);
        identityWritten(entity);
        wrote(entity, id, value);
        return value.getValue();
    }

    /**
     * Like {@link #put}, without waiting for Hazelcast: the write is this thread's to wait for
     * ({@link #takeWritesBehind}) before it commits the change that made it. In a batch ({@link #beginBatch}) it
     * reaches Hazelcast at {@link #flushWrites}; this thread's {@link #get} sees it at once. Reads that follow the
     * hand-over, from any thread, see it: one member's operations on a partition run in the order they were made.
     *
     * @return the record's JSON as stored
     */
    public String putBehind(EntityType entity, String id, Object golden) {
        HazelcastJsonValue value = writeValue(golden);
        IMap<String, HazelcastJsonValue> map = map(entity);
        writeBehind(map.getName(), () -> map.setAsync(id, value));
        wrote(entity, id, value);
        return value.getValue();
    }

    /** Now, or held back to the batch's {@link #flushWrites}; either way tracked as this thread's write behind. */
    private void writeBehind(String map, java.util.function.Supplier<CompletionStage<Void>> write) {
        Batch current = batch.get();
        if (current == null) {
            behind(map, write.get());
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        // Completed on the thread that completes the write: Hazelcast's default for callbacks on a 2-core machine
        // is a new thread per callback (the common fork-join pool has fewer than two threads there).
        current.deferred.add(() -> write.get().whenCompleteAsync((ok, failed) -> {
            if (failed != null) {
                done.completeExceptionally(failed);
            } else {
                done.complete(null);
            }
        }, Runnable::run));
        behind(map, done);
    }

    private void behind(String map, CompletionStage<Void> write) {
        List<WriteBehind> mine = behind.get();
        if (mine.size() >= MAX_BEHIND) {
            flushWrites();
            for (WriteBehind w : mine) {
                w.done().join();
            }
            mine.clear();
        }
        mine.add(new WriteBehind(map, write.toCompletableFuture()));
    }

    /** The writes this thread made behind since it last took them; it waits for them before it commits. */
    public List<WriteBehind> takeWritesBehind() {
        List<WriteBehind> mine = behind.get();
        if (mine.isEmpty()) {
            return List.of();
        }
        List<WriteBehind> taken = List.copyOf(mine);
        mine.clear();
        return taken;
    }

    public void putRaw(EntityType entity, String id, String goldenJson) {
        flushWrites();
        HazelcastJsonValue value = new HazelcastJsonValue(goldenJson);
        map(entity).set(id, value);
        identityWritten(entity);
        wrote(entity, id, value);
    }

    public void remove(EntityType entity, String id) {
        flushWrites();
        map(entity).delete(id);
        identityWritten(entity);
        wrote(entity, id, null);
    }

    public void unlink(String sourceKey) {
        flushWrites();
        xref.delete(sourceKey);
        identityLinked(sourceKey);
    }

    public void removeSourceRecord(String sourceKey) {
        sourceRecords.delete(sourceKey);
    }

    /**
     * Records that this golden event (its id names the content) is the record's latest; false if it already was,
     * so a replayed command does not publish the same golden state twice.
     */
    public boolean markPublished(EntityType entity, String goldenId, String eventId) {
        return !eventId.equals(published.put(entity.code() + ":" + goldenId, eventId));
    }

    /**
     * The portal's copy of a registration it is about to queue: readable at once, and marked as not applied by
     * consolidation yet ({@link #isProvisional}), so that a CRM report overtaking the submission does not pass for
     * a submission already applied.
     */
    public void putProvisional(Deal registration) {
        provisional.set(registration.id(), String.valueOf(registration.registration().submittedAt()));
        put(EntityType.DEAL, registration.id(), registration);
    }

    /** Undoes {@link #putProvisional} for a registration that could not be queued. */
    public void dropProvisional(String dealId) {
        map(EntityType.DEAL).delete(dealId);
        provisional.delete(dealId);
    }

    /** True while the deal is the portal's copy of a registration whose submission consolidation has not applied. */
    public boolean isProvisional(String dealId) {
        return provisional.containsKey(dealId);
    }

    /** Consolidation has applied the registration's submission: its deal is golden now. */
    public void settled(String dealId) {
        provisional.delete(dealId);
    }

    /** The golden partner or user a source record is part of, or the registration a CRM deal record is; or null. */
    public String goldenIdOf(String sourceKey) {
        flushWrites();
        return xref.get(sourceKey);
    }

    /**
     * The golden deal a deal source record is part of: the registration the CRM's record was linked to, or else the
     * deal derived from the source key, if the hub has it; null otherwise.
     */
    public String dealIdOf(String sourceKey) {
        String linked = goldenIdOf(sourceKey);
        if (linked != null) {
            return linked;
        }
        String derived = GoldenIds.of(EntityType.DEAL, sourceKey);
        return deals.containsKey(derived) ? derived : null;
    }

    public void link(String sourceKey, String goldenId) {
        flushWrites();
        xref.set(sourceKey, goldenId);
        identityLinked(sourceKey);
    }

    public String matched(String matchKey) {
        return matchKey == null ? null : matchKeys.get(matchKey);
    }

    public void claimMatchKey(String matchKey, String goldenId) {
        if (matchKey != null) {
            matchKeys.putIfAbsent(matchKey, goldenId);
            identityMatchKeyMoved(matchKey);
        }
    }

    /** Moves a match key from one golden record to another (after a merge), if it pointed at the first. */
    public void repointMatchKey(String matchKey, String fromId, String toId) {
        matchKeys.replace(matchKey, fromId, toId);
        identityMatchKeyMoved(matchKey);
    }

    public <T> T sourceRecord(String sourceKey, Class<T> type) {
        return read(sourceRecords.get(sourceKey), type);
    }

    /** The source record as stored (canonical JSON), or null. */
    public String sourceRecordJson(String sourceKey) {
        HazelcastJsonValue value = sourceRecords.get(sourceKey);
        return value == null ? null : value.getValue();
    }

    /**
     * Every source record of one object of one program that came from the given system (a program's users may
     * also come from its identity provider, its deals from registrations), by source key. A full scan: for
     * reconciliation, not for the request path.
     */
    public java.util.Map<String, String> sourceRecordsOf(String program, EntityType entity, String system) {
        var held = sourceRecords.entrySet(com.hazelcast.query.Predicates.and(
                com.hazelcast.query.Predicates.like("__key", SourceKeys.of(program, entity, "") + "%"),
                com.hazelcast.query.Predicates.equal("sources[0].system", system)));
        java.util.Map<String, String> byKey = new java.util.HashMap<>(held.size() * 2);
        held.forEach(e -> byKey.put(e.getKey(), e.getValue().getValue()));
        return byKey;
    }

    /**
     * The golden deals of one program that came from the given system (not registrations), by source key: a deal
     * has one source, and its golden record is that source's record under the golden id. A full scan.
     */
    public java.util.Map<String, String> dealsOf(String program, String system) {
        flushWrites();
        var held = deals.values(com.hazelcast.query.Predicates.and(
                com.hazelcast.query.Predicates.equal("sources[0].program", program),
                com.hazelcast.query.Predicates.equal("sources[0].system", system)));
        java.util.Map<String, String> byKey = new java.util.HashMap<>(held.size() * 2);
        for (HazelcastJsonValue value : held) {
            dev.accordhub.model.Deal deal = read(value, dev.accordhub.model.Deal.class);
            byKey.put(deal.sources().get(0).key(EntityType.DEAL), value.getValue());
        }
        return byKey;
    }

    public void putSourceRecord(String sourceKey, Object record) {
        sourceRecords.set(sourceKey, writeValue(record));
    }

    public void putSourceRecordRaw(String sourceKey, String recordJson) {
        sourceRecords.set(sourceKey, new HazelcastJsonValue(recordJson));
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    private HazelcastJsonValue writeValue(Object value) {
        return new HazelcastJsonValue(write(value));
    }

    public <T> T read(HazelcastJsonValue value, Class<T> type) {
        if (value == null) {
            return null;
        }
        try {
            return json.readValue(value.getValue(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt " + type.getSimpleName() + " in Hazelcast: " + value, e);
        }
    }
}
