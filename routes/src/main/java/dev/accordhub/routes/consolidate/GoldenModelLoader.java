package dev.accordhub.routes.consolidate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accordhub.model.Deal;
import dev.accordhub.model.EntityType;
import dev.accordhub.routes.TopicReader;
import dev.accordhub.routes.Topics;
import dev.accordhub.model.PartnerOrg;
import dev.accordhub.routes.consolidate.identity.PartnerMatching;
import dev.accordhub.routes.consolidate.match.DomainNormaliser;
import dev.accordhub.routes.consolidate.identity.StewardshipStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the Hazelcast model from Kafka at start-up, before consolidation resumes: golden records from the
 * compacted golden topics (and the cross-reference and match keys from their sources), source snapshots from the
 * compacted ingest topics, and the registrations a CRM reported before their submission was applied. Then it starts
 * the consolidation route, which goes on from its committed offsets.
 */
public class GoldenModelLoader {

    private static final Logger LOG = LoggerFactory.getLogger(GoldenModelLoader.class);

    private final String bootstrapServers;
    private final GoldenStore store;
    private final ObjectMapper json;

    private final StewardshipStore stewardship;
    private final PartnerMatching partnerMatching;

    public GoldenModelLoader(String bootstrapServers, GoldenStore store, StewardshipStore stewardship,
            PartnerMatching partnerMatching, ObjectMapper json) {
        this.partnerMatching = partnerMatching;
        this.bootstrapServers = bootstrapServers;
        this.store = store;
        this.stewardship = stewardship;
        this.json = json;
    }

    public void rebuildAndStart(CamelContext camel) throws Exception {
        long started = System.nanoTime();
        long golden = 0;
        long sources = 0;
        for (EntityType entity : EntityType.values()) {
            golden += TopicReader.readAll(bootstrapServers, Topics.golden(entity),
                    (id, value) -> loadGolden(entity, id, value));
            if (entity != EntityType.DEAL) {
                sources += TopicReader.readAll(bootstrapServers, Topics.ingest(entity),
                        (key, value) -> loadSource(entity, key, value));
            }
        }
        TopicReader.readAll(bootstrapServers, Topics.STEWARDSHIP, (id, value) -> {
            if (value != null) {
                stewardship.putRaw(id, value);
            }
        });
        TopicReader.readAll(bootstrapServers, Topics.XREF_HISTORY, (id, value) -> {
            if (value != null) {
                stewardship.recordRaw(id, value);
            }
        });
        int held = loadHeldRegistrations();
        LOG.info("Golden model rebuilt from Kafka: {} golden and {} source records, {} registration(s) awaiting their "
                + "submission, in {} ms", golden, sources, held, (System.nanoTime() - started) / 1_000_000);
        camel.getRouteController().startRoute(ConsolidateRoute.ROUTE_ID);
    }

    private void loadGolden(EntityType entity, String id, String value) {
        if (value == null) {
            store.map(entity).delete(id);
            return;
        }
        JsonNode data = data(value);
        store.putRaw(entity, id, data.toString());
        store.markPublished(entity, id, eventId(value));
        linkSources(entity, id, data);
        for (String key : matchKeys(entity, data)) {
            store.claimMatchKey(key, id);
        }
    }

    private void linkSources(EntityType entity, String id, JsonNode data) {
        for (JsonNode ref : data.path("sources")) {
            String sourceKey = ref.path("program").asText() + ":" + entity.code() + ":" + ref.path("externalId").asText();
            // An ordinary deal's id is derived from its source key, and not linked (GoldenStore#dealIdOf).
            if (entity != EntityType.DEAL || !id.equals(GoldenIds.of(EntityType.DEAL, sourceKey))) {
                store.link(sourceKey, id);
            }
        }
    }

    /**
     * The portal's copies of registrations that a CRM report reached before their submission was applied
     * ({@link Topics#REGISTRATIONS_HELD}): back into the grid as not applied yet, so that the submission, read again
     * from its uncommitted offset, is applied on what the CRM said (its record id, an early decision). A copy whose
     * deal is golden already is stale: its submission was applied before the tombstone was written.
     */
    private int loadHeldRegistrations() {
        Map<String, String> held = new LinkedHashMap<>();
        TopicReader.readAll(bootstrapServers, Topics.REGISTRATIONS_HELD, (id, value) -> {
            if (value == null) {
                held.remove(id);
            } else {
                held.put(id, value);
            }
        });
        int restored = 0;
        for (Map.Entry<String, String> entry : held.entrySet()) {
            if (store.map(EntityType.DEAL).containsKey(entry.getKey())) {
                continue;
            }
            try {
                JsonNode data = json.readTree(entry.getValue());
                Deal registration = json.treeToValue(data, Deal.class);
                store.putProvisional(registration);
                linkSources(EntityType.DEAL, registration.id(), data);
                restored++;
            } catch (IOException e) {
                throw new IllegalStateException("Unreadable held registration " + entry.getKey(), e);
            }
        }
        return restored;
    }

    private void loadSource(EntityType entity, String key, String value) {
        if (value == null) {
            return;
        }
        JsonNode data = data(value);
        store.putSourceRecordRaw(key, data.toString());
        if (entity == EntityType.PARTNER) {
            try {
                partnerMatching.indexed(json.treeToValue(data, PartnerOrg.class));
            } catch (IOException e) {
                throw new IllegalStateException("Unreadable partner snapshot " + key, e);
            }
        }
        String goldenId = store.goldenIdOf(key);
        if (goldenId != null) {
            for (String matchKey : matchKeys(entity, data)) {
                store.claimMatchKey(matchKey, goldenId);
            }
        }
    }

    /** The exact keys a record claims, as {@link Consolidator} names them. */
    static List<String> matchKeys(EntityType entity, JsonNode record) {
        List<String> keys = new ArrayList<>();
        switch (entity) {
            case PARTNER -> {
                addIfPresent(keys, "partner:tax:", record.path("taxId"));
                addIfPresent(keys, "partner:duns:", record.path("duns"));
                if (!DomainNormaliser.isShared(record.path("domain").asText(null))) {
                    addIfPresent(keys, "partner:domain:", record.path("domain"));
                }
            }
            case USER -> addIfPresent(keys, GoldenStore.USER_EMAIL_KEY, record.path("email"));
            case DEAL -> { }
        }
        return keys;
    }

    private static void addIfPresent(List<String> keys, String prefix, JsonNode value) {
        if (!value.isMissingNode() && !value.isNull()) {
            keys.add(prefix + value.asText());
        }
    }

    private String eventId(String event) {
        try {
            return json.readTree(event).path("id").asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Unreadable golden event: " + e.getOriginalMessage(), e);
        }
    }

    private JsonNode data(String event) {
        try {
            return json.readTree(event).path("data");
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable event in Kafka: " + event, e);
        }
    }
}
