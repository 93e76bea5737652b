package dev.accordhub.routes.consolidate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accordhub.model.ChangeEvent;
import dev.accordhub.model.Conflict;
import dev.accordhub.model.Deal;
import dev.accordhub.model.EntityType;
import dev.accordhub.model.PartnerOrg;
import dev.accordhub.model.PartnerUser;
import dev.accordhub.model.identity.IdentityCommand;
import dev.accordhub.model.identity.StewardshipTask;
import dev.accordhub.model.identity.XrefEntry;
import dev.accordhub.routes.Topics;
import dev.accordhub.model.registration.Alert;
import dev.accordhub.model.registration.DealCommand;
import dev.accordhub.routes.consolidate.identity.IdentityCommandHandler;
import dev.accordhub.routes.registration.RegistrationHandler;
import dev.accordhub.routes.registration.RegistrationOutcome;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Reads an ingest event off its topic, hands it to the {@link Consolidator}, and turns what changed into the
 * CloudEvents to publish: the golden record on {@code accord.golden.<entity>}, conflicts on {@code accord.conflicts}.
 */
public class ConsolidationService {

    private final Consolidator consolidator;
    private final IdentityCommandHandler identity;
    private final RegistrationHandler registrations;
    private final GoldenStore store;
    private final ObjectMapper json;
    private final dev.accordhub.routes.metrics.ChangeLatency latency;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConsolidationService.class);

    public ConsolidationService(Consolidator consolidator, IdentityCommandHandler identity,
            RegistrationHandler registrations, GoldenStore store, ObjectMapper json) {
        this(consolidator, identity, registrations, store, json, null);
    }

    /** @param latency records source change → golden per applied change (null: not measured) */
    public ConsolidationService(Consolidator consolidator, IdentityCommandHandler identity,
            RegistrationHandler registrations, GoldenStore store, ObjectMapper json,
            dev.accordhub.routes.metrics.ChangeLatency latency) {
        this.latency = latency;
        this.store = store;
        this.consolidator = consolidator;
        this.identity = identity;
        this.registrations = registrations;
        this.json = json;
    }

    /** The golden event and any conflict events to publish for one ingest event; empty if nothing changed. */
    public List<OutboundRecord> apply(String topic, String body) throws JsonProcessingException {
        if (Topics.IDENTITY_COMMANDS.equals(topic)) {
            return outbound(identity.handle(json.readValue(body, IdentityCommand.class)));
        }
        if (Topics.DEAL_COMMANDS.equals(topic)) {
            Optional<RegistrationOutcome> outcome = registrations.apply(json.readValue(body, DealCommand.class));
            return outcome.isEmpty() ? List.of() : outbound(outcome.get());
        }
        EntityType entity = EntityType.fromCode(topic.substring(topic.lastIndexOf('.') + 1));
        // Read once: parsing the change is a good part of what consolidating it costs.
        Class<?> recordType = switch (entity) {
            case PARTNER -> PartnerOrg.class;
            case USER -> PartnerUser.class;
            case DEAL -> Deal.class;
        };
        ChangeEvent<?> change = read(body, recordType);
        if (entity == EntityType.DEAL) {
            @SuppressWarnings("unchecked")
            ChangeEvent<Deal> e = (ChangeEvent<Deal>) change;
            if (e.data().registration() != null) {
                // The registration rules query the deals map: it must hold this batch's writes first.
                store.flushWrites();
                Optional<RegistrationOutcome> reported = e.isDelete() ? registrations.applyReportedDelete(e.data())
                        : registrations.applyReported(e.data());
                if (reported != null) {
                    return reported.isEmpty() ? List.of() : outbound(reported.get());
                }
            }
        }
        Optional<Consolidation> outcome = switch (entity) {
            case PARTNER -> {
                PartnerOrg data = (PartnerOrg) change.data();
                yield change.isDelete() ? consolidator.deletePartner(data) : consolidator.applyPartner(data);
            }
            case USER -> {
                PartnerUser data = (PartnerUser) change.data();
                yield change.isDelete() ? consolidator.deleteUser(data) : consolidator.applyUser(data);
            }
            case DEAL -> {
                Deal data = (Deal) change.data();
                yield change.isDelete() ? consolidator.deleteDeal(data) : consolidator.applyDeal(data);
            }
        };
        if (outcome.isEmpty()) {
            return List.of();
        }
        if (latency != null) {
            latency.applied(programOf(change), entity, change.time());
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} applied: {}", change.isDelete() ? "Delete of" : "Change to", change.subject(),
                    outcome.get().changes().stream().map(c -> c.entity().code() + " " + c.id()).toList());
        }
        List<OutboundRecord> out = outbound(outcome.get());
        if (entity == EntityType.USER) {
            PartnerUser user = (PartnerUser) change.data();
            if (isFromIdentityProvider(user)) {
                // What an IdP decides about a person (access, roles, name) goes to their program's CRM too.
                out = new ArrayList<>(out);
                out.add(new OutboundRecord(Topics.outbound(user.sources().get(0).program()),
                        user.sources().get(0).key(EntityType.USER),
                        json.writeValueAsString(java.util.Map.of("contact", user))));
            }
        }
        return out;
    }

    /**
     * Starts a batch of changes on this thread ({@link GoldenStore#beginBatch}): asks for the golden deals these deal
     * changes (by source key, their Kafka key) will be checked against all at once, and holds the deal writes back
     * until {@link #flushWrites} or {@link #endBatch}.
     */
    public void beginBatch(java.util.Collection<String> dealSourceKeys) {
        java.util.List<String> ids = new java.util.ArrayList<>(dealSourceKeys.size());
        dealSourceKeys.forEach(key -> ids.add(GoldenIds.of(EntityType.DEAL, key)));
        store.beginBatch(EntityType.DEAL, ids);
    }

    /** Hands the writes held back in this thread's batch to Hazelcast (before they are waited for). */
    public void flushWrites() {
        store.flushWrites();
    }

    public void endBatch() {
        store.endBatch();
    }

    /**
     * The Hazelcast writes the changes applied on this thread made without waiting ({@link GoldenStore#putBehind}):
     * to be waited for before the changes are committed.
     */
    public List<GoldenStore.WriteBehind> takeWritesBehind() {
        return store.takeWritesBehind();
    }

    private List<OutboundRecord> outbound(RegistrationOutcome outcome) throws JsonProcessingException {
        List<OutboundRecord> out = new ArrayList<>();
        for (Deal deal : outcome.changed()) {
            OutboundRecord event = goldenEvent(new GoldenChange(EntityType.DEAL, deal.id(), deal));
            // A replayed command reaches the same golden state: published once. (Its CRM write is sent again;
            // the upsert on the registration id makes that harmless, and it may be the part that was missing.)
            if (store.markPublished(EntityType.DEAL, deal.id(), eventIdOf(event))) {
                out.add(event);
            }
        }
        for (Alert alert : outcome.alerts()) {
            ChangeEvent<Alert> event = new ChangeEvent<>(ChangeEvent.SPEC_VERSION, alert.id(), "/accord/registrations",
                    "dev.accordhub.alert." + alert.type().name().toLowerCase(java.util.Locale.ROOT), alert.subject(),
                    alert.time(), "application/json", alert);
            out.add(new OutboundRecord(Topics.ALERTS, alert.subject(), json.writeValueAsString(event)));
        }
        for (Deal deal : outcome.writes()) {
            out.add(new OutboundRecord(Topics.outbound(deal.registration().program()), deal.id(),
                    json.writeValueAsString(deal)));
        }
        for (Deal deal : outcome.held()) {
            out.add(new OutboundRecord(Topics.REGISTRATIONS_HELD, deal.id(), json.writeValueAsString(deal)));
        }
        for (String id : outcome.released()) {
            out.add(new OutboundRecord(Topics.REGISTRATIONS_HELD, id, null)); // a tombstone: compaction forgets it
        }
        return out;
    }

    private String eventIdOf(OutboundRecord event) throws JsonProcessingException {
        return json.readTree(event.value()).path("id").asText();
    }

    private OutboundRecord goldenEvent(GoldenChange c) throws JsonProcessingException {
        // Serialised once: the JSON Hazelcast got is hashed for the id and embedded as the event's data as it is.
        String record = c.json() != null ? c.json() : json.writeValueAsString(c.record());
        ChangeEvent<Object> golden = new ChangeEvent<>(ChangeEvent.SPEC_VERSION,
                c.id() + "@" + contentHash(record), "/accord/golden",
                "dev.accordhub.golden." + c.entity().code() + ".upserted", c.id(), updatedAt(c.record()),
                "application/json", new com.fasterxml.jackson.databind.util.RawValue(record));
        return new OutboundRecord(Topics.golden(c.entity()), c.id(), json.writeValueAsString(golden));
    }

    private List<OutboundRecord> outbound(Consolidation outcome) throws JsonProcessingException {
        List<OutboundRecord> out = new ArrayList<>();
        for (GoldenChange c : outcome.changes()) {
            if (c.record() == null) {
                // Removed: a tombstone, so compaction forgets the record and a rebuild does not bring it back.
                out.add(new OutboundRecord(Topics.golden(c.entity()), c.id(), null));
                continue;
            }
            out.add(goldenEvent(c));
        }
        for (Conflict conflict : outcome.conflicts()) {
            ChangeEvent<Conflict> event = new ChangeEvent<>(ChangeEvent.SPEC_VERSION, conflict.id(),
                    "/accord/consolidation", "dev.accordhub.conflict.detected", conflict.goldenId(),
                    conflict.detectedAt(), "application/json", conflict);
            out.add(new OutboundRecord(Topics.CONFLICTS, conflict.goldenId(), json.writeValueAsString(event)));
        }
        for (StewardshipTask task : outcome.tasks()) {
            out.add(new OutboundRecord(Topics.STEWARDSHIP, task.id(), json.writeValueAsString(task)));
        }
        for (XrefEntry entry : outcome.history()) {
            out.add(new OutboundRecord(Topics.XREF_HISTORY, entry.commandId(), json.writeValueAsString(entry)));
        }
        return out;
    }

    /**
     * Golden event ids name the content: the same golden state published twice (a replay) keeps its id, and a
     * merge that changes the sources but not the newest stamp still gets a new one.
     */
    private static String contentHash(String recordJson) {
        byte[] digest = SHA_256.get().digest(recordJson.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 12);
    }

    /** One per thread, not looked up among the security providers for every event. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> GoldenIds.digest("SHA-256"));

    private <T> ChangeEvent<T> read(String body, Class<T> type) throws JsonProcessingException {
        JavaType eventType = json.getTypeFactory().constructParametricType(ChangeEvent.class, type);
        ChangeEvent<T> event = json.readValue(body, eventType);
        if (event.data() == null) {
            throw new IllegalArgumentException("Change event " + event.id() + " carries no data");
        }
        return event;
    }

    private static boolean isFromIdentityProvider(PartnerUser change) {
        return dev.accordhub.routes.consolidate.survivorship.Survivorship.IDENTITY_PROVIDER
                .equals(change.sources().get(0).system());
    }

    private static Instant updatedAt(Object record) {
        if (record instanceof PartnerOrg p) {
            return p.updatedAt();
        }
        if (record instanceof PartnerUser u) {
            return u.updatedAt();
        }
        return ((Deal) record).updatedAt();
    }

    /** The program named in a change's CloudEvents source, {@code /accord/programs/<program>/<system>}. */
    private static String programOf(ChangeEvent<?> event) {
        String[] parts = event.source().split("/");
        return parts.length > 3 ? parts[3] : "unknown";
    }
}
