package dev.accordhub.routes.consolidate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accordhub.model.ChangeEvent;
import dev.accordhub.model.Deal;
import dev.accordhub.model.EntityType;
import dev.accordhub.model.PartnerOrg;
import dev.accordhub.model.PartnerUser;
import dev.accordhub.routes.Topics;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Reads an ingest event off its topic, hands it to the {@link Consolidator}, and turns the golden change into the
 * CloudEvent published on {@code accord.golden.<entity>}. Null means nothing changed.
 */
public class ConsolidationService {

    private final Consolidator consolidator;
    private final ObjectMapper json;

    public ConsolidationService(Consolidator consolidator, ObjectMapper json) {
        this.consolidator = consolidator;
        this.json = json;
    }

    public ChangeEvent<Object> apply(String topic, String body) throws JsonProcessingException {
        EntityType entity = EntityType.fromCode(topic.substring(topic.lastIndexOf('.') + 1));
        Optional<GoldenChange> change = switch (entity) {
            case PARTNER -> consolidator.applyPartner(read(body, PartnerOrg.class).data());
            case USER -> consolidator.applyUser(read(body, PartnerUser.class).data());
            case DEAL -> consolidator.applyDeal(read(body, Deal.class).data());
        };
        return change.map(c -> new ChangeEvent<>(ChangeEvent.SPEC_VERSION, c.id() + "@" + contentHash(c.record()),
                        "/accord/golden", "dev.accordhub.golden." + c.entity().code() + ".upserted", c.id(),
                        updatedAt(c.record()), "application/json", c.record()))
                .orElse(null);
    }

    /**
     * Golden event ids name the content: the same golden state published twice (a replay) keeps its id, and a
     * merge that changes the sources but not the newest stamp still gets a new one.
     */
    private String contentHash(Object record) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(record));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code dev.accordhub.golden.partner.upserted} → {@code accord.golden.partner}. */
    public String goldenTopic(ChangeEvent<Object> event) {
        return Topics.golden(EntityType.fromCode(event.type().split("\\.")[3]));
    }

    public String toJson(ChangeEvent<Object> event) throws JsonProcessingException {
        return json.writeValueAsString(event);
    }

    private <T> ChangeEvent<T> read(String body, Class<T> type) throws JsonProcessingException {
        JavaType eventType = json.getTypeFactory().constructParametricType(ChangeEvent.class, type);
        ChangeEvent<T> event = json.readValue(body, eventType);
        if (event.data() == null) {
            throw new IllegalArgumentException("Change event " + event.id() + " carries no data");
        }
        return event;
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
}
