package dev.accordhub.routes.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accordhub.model.ChangeEvent;
import dev.accordhub.model.Deal;
import dev.accordhub.model.EntityType;
import dev.accordhub.model.PartnerOrg;
import dev.accordhub.model.PartnerUser;
import dev.accordhub.model.SourceKeys;
import dev.accordhub.model.SourceRef;
import dev.accordhub.model.program.EntityMapping;
import dev.accordhub.model.program.MappingException;
import dev.accordhub.model.program.ProgramRecordMapper;
import dev.accordhub.model.source.SourceClient;
import dev.accordhub.model.source.SourcePage;
import dev.accordhub.model.source.SourceRecord;
import dev.accordhub.routes.consolidate.GoldenIds;
import dev.accordhub.routes.consolidate.GoldenStore;
import dev.accordhub.routes.ingest.IngestSink;
import dev.accordhub.routes.reconcile.ReconciliationReport.Drift;
import dev.accordhub.routes.reconcile.ReconciliationReport.SourceStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares one object of one program, record by record, with what the golden model holds of it, and repairs the
 * drift through the ingest path (Kafka, then consolidation), so a repair is an ordinary, idempotent change:
 * <ul>
 *   <li>the whole source is read page by page, oldest change first, paced to {@code calls-per-second} and stopped
 *       when the source reports its API budget low;</li>
 *   <li>each live record is mapped with the program's mapping and its content hash compared with the stored
 *       source record's: missing or older in the hub is re-sent; same version but other content is reported
 *       (a version-ordered model cannot take it without a re-ingest);</li>
 *   <li>a record the hub holds that the source has deleted or no longer lists is sent as a delete, stamped with
 *       the run's start, unless it arrived after the run started (the scan may not have covered it) or is already
 *       inactive.</li>
 * </ul>
 */
class SourceReconciler extends Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(SourceReconciler.class);

    private final ProgramRecordMapper mapper;
    private final EntityType entity;
    private final EntityMapping mapping;
    private final SourceClient client;
    private final GoldenStore store;
    private final IngestSink sink;
    private final RecordHashes hashes;
    private final ObjectMapper json;

    SourceReconciler(ProgramRecordMapper mapper, EntityType entity, SourceClient client, GoldenStore store,
            IngestSink sink, ObjectMapper json, ReconciliationProperties properties, Pacer pacer, Clock clock) {
        super(client, properties, pacer, clock);
        this.mapper = mapper;
        this.entity = entity;
        this.mapping = mapper.program().entity(entity);
        this.client = client;
        this.store = store;
        this.sink = sink;
        this.hashes = new RecordHashes(json);
        this.json = json;
    }

    @Override
    String program() {
        return mapper.program().id();
    }

    @Override
    String system() {
        return mapper.program().system();
    }

    @Override
    String feed() {
        return entity.code();
    }

    @Override
    void run(SourceProgress progress, Instant runStarted) {
        progress.status = SourceStatus.RUNNING;
        Map<String, String> held = held();
        progress.goldenCount.set(held.size());
        Set<String> listed = new HashSet<>();
        SourcePage page = call(progress, () -> client.changedSince(mapping, Instant.EPOCH));
        while (true) {
            List<ChangeEvent<?>> repairs = new ArrayList<>();
            for (SourceRecord rec : page.records()) {
                compare(rec, progress, listed, repairs);
            }
            repair(repairs, progress);
            if (!page.hasMore()) {
                break;
            }
            String cursor = page.nextCursor();
            page = call(progress, () -> client.nextPage(mapping, cursor));
        }
        List<ChangeEvent<?>> deletes = new ArrayList<>();
        for (String key : held.keySet()) {
            if (!listed.contains(key)) {
                orphan(key, progress, runStarted, deletes);
            }
        }
        repair(deletes, progress);
        progress.goldenCount.set(held().size());
        progress.status = SourceStatus.DONE;
    }

    private void compare(SourceRecord rec, SourceProgress progress, Set<String> listed,
            List<ChangeEvent<?>> repairs) {
        progress.checked.incrementAndGet();
        if (rec.externalId() == null || rec.version() == null) {
            progress.unmappable.incrementAndGet();
            return;
        }
        String key = SourceKeys.of(program(), entity, rec.externalId());
        listed.add(key);
        if (!rec.deleted()) {
            progress.sourceCount.incrementAndGet();
        }
        Object mapped;
        try {
            mapped = map(rec);
        } catch (MappingException | IllegalArgumentException e) {
            progress.unmappable.incrementAndGet();
            return;
        }
        String current = heldJson(key);
        SourceRef ref = sources(mapped).get(0);
        if (current == null) {
            if (!rec.deleted()) {
                drift(progress, progress.missing, new Drift(key, "missing", rec.version(), null));
                repairs.add(ChangeEvent.upserted(entity, ref, mapped));
            }
            return;
        }
        Instant held = version(current);
        if (rec.version().isAfter(held)) {
            if (rec.deleted()) {
                drift(progress, progress.orphaned, new Drift(key, "orphaned", rec.version(), held));
                repairs.add(ChangeEvent.deleted(entity, ref, mapped));
            } else {
                drift(progress, progress.stale, new Drift(key, "stale", rec.version(), held));
                repairs.add(ChangeEvent.upserted(entity, ref, mapped));
            }
        } else if (rec.version().equals(held) && !hashes.of(comparable(mapped, key)).equals(hashes.of(current))) {
            drift(progress, progress.mismatched, new Drift(key, "mismatched", rec.version(), held));
        }
    }

    private void orphan(String key, SourceProgress progress, Instant runStarted, List<ChangeEvent<?>> deletes) {
        String current = heldJson(key);
        if (current == null) {
            return;
        }
        JsonNode node = read(current);
        Instant held = version(current);
        if (!held.isBefore(runStarted) || "INACTIVE".equals(node.path("status").asText())) {
            return;
        }
        drift(progress, progress.orphaned, new Drift(key, "orphaned", null, held));
        ObjectNode last = node.deepCopy();
        if (entity != EntityType.DEAL) {
            last.put("status", "INACTIVE");
        }
        ((ObjectNode) last.path("sources").get(0)).put("version", runStarted.toString());
        Object data = json.convertValue(last, type());
        deletes.add(ChangeEvent.deleted(entity, sources(data).get(0), data));
    }

    private void drift(SourceProgress progress, java.util.concurrent.atomic.AtomicLong counter, Drift drift) {
        counter.incrementAndGet();
        progress.sample(drift);
    }

    private void repair(List<ChangeEvent<?>> events, SourceProgress progress) {
        if (events.isEmpty() || !properties.repair()) {
            return;
        }
        sink.deliver(events, List.of());
        progress.repaired.addAndGet(events.size());
        LOG.info("Reconciliation {}:{}: sent {} drifted record(s) back through ingest", program(), entity.code(),
                events.size());
    }

    /**
     * What the hub holds of this source, by source key: partners and users keep each source's record as read
     * (golden records merge several); a deal's golden record is its one source's record under the golden id.
     */
    private Map<String, String> held() {
        return entity == EntityType.DEAL ? store.dealsOf(program(), system())
                : store.sourceRecordsOf(program(), entity, system());
    }

    private String heldJson(String key) {
        if (entity != EntityType.DEAL) {
            return store.sourceRecordJson(key);
        }
        Deal deal = store.get(EntityType.DEAL, GoldenIds.of(EntityType.DEAL, key), Deal.class);
        return deal == null ? null : store.write(deal);
    }

    /** The mapped source record as the hub would hold it. */
    private String comparable(Object mapped, String key) {
        if (entity != EntityType.DEAL) {
            return store.write(mapped);
        }
        ObjectNode node = (ObjectNode) read(store.write(mapped));
        node.put("id", GoldenIds.of(EntityType.DEAL, key));
        return node.toString();
    }

    private Object map(SourceRecord rec) {
        return switch (entity) {
            case PARTNER -> mapper.toPartner(rec);
            case USER -> mapper.toUser(rec);
            case DEAL -> mapper.toDeal(rec);
        };
    }

    private Class<?> type() {
        return switch (entity) {
            case PARTNER -> PartnerOrg.class;
            case USER -> PartnerUser.class;
            case DEAL -> Deal.class;
        };
    }

    private static List<SourceRef> sources(Object record) {
        if (record instanceof PartnerOrg org) {
            return org.sources();
        }
        if (record instanceof PartnerUser user) {
            return user.sources();
        }
        return ((Deal) record).sources();
    }

    private Instant version(String storedJson) {
        return sources(store.read(new com.hazelcast.core.HazelcastJsonValue(storedJson), type())).get(0).version();
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Corrupt source record in Hazelcast: " + text, e);
        }
    }
}
