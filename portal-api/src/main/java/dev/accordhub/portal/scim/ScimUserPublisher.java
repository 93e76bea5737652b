package dev.accordhub.portal.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accordhub.connectors.scim.ScimChangeListener;
import dev.accordhub.model.ChangeEvent;
import dev.accordhub.model.EntityType;
import dev.accordhub.model.PartnerStatus;
import dev.accordhub.model.PartnerUser;
import dev.accordhub.model.SourceKeys;
import dev.accordhub.routes.Topics;
import dev.accordhub.routes.consolidate.GoldenStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * Turns an identity provider's user changes into ingest events of its program ({@code accord.ingest.user}), so
 * consolidation treats the IdP like any other source: the same person from two IdPs or from an IdP and a CRM is one
 * golden user, matched on e-mail. A deleted user arrives as a delete of its last state, inactive. The event is on
 * Kafka before the IdP gets its answer.
 */
public class ScimUserPublisher implements ScimChangeListener {

    private final String program;
    private final GoldenStore store;
    private final ProducerTemplate kafka;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, Instant> lastVersion = new ConcurrentHashMap<>();

    public ScimUserPublisher(String program, GoldenStore store, ProducerTemplate kafka, ObjectMapper json,
            Clock clock) {
        this.program = program;
        this.store = store;
        this.kafka = kafka;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void changed(String type, JsonNode resource, String id) {
        if (!"User".equals(type)) {
            return; // groups carry no user data the golden model keeps
        }
        Instant version = nextVersion(id);
        ChangeEvent<PartnerUser> event;
        if (resource != null) {
            PartnerUser user = ScimUserMapper.toUser(program, resource, version);
            event = ChangeEvent.upserted(EntityType.USER, user.sources().get(0), user);
        } else {
            PartnerUser last = store.sourceRecord(SourceKeys.of(program, EntityType.USER, id), PartnerUser.class);
            if (last == null) {
                return; // never reached the golden model (no e-mail), nothing to take back
            }
            var ref = new dev.accordhub.model.SourceRef(last.sources().get(0).system(), program, id, version);
            PartnerUser gone = new PartnerUser(null, last.email(), last.firstName(), last.lastName(), last.title(),
                    last.partnerKey(), PartnerStatus.INACTIVE, version, List.of(ref), last.roles());
            event = ChangeEvent.deleted(EntityType.USER, ref, gone);
        }
        if (event.data().email() == null) {
            return; // a user without an e-mail address cannot be matched or signed in; SCIM still keeps it
        }
        try {
            kafka.asyncRequestBodyAndHeader("kafka:" + Topics.ingest(EntityType.USER), json.writeValueAsString(event),
                    KafkaConstants.KEY, event.subject()).get(10, TimeUnit.SECONDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish the change of SCIM user " + id + ": " + e.getMessage(),
                    e);
        }
    }

    /** Strictly increasing per user, at millisecond precision (the event id's), so no change looks stale. */
    private Instant nextVersion(String id) {
        return lastVersion.merge(id, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                (previous, now) -> now.isAfter(previous) ? now : previous.plusMillis(1));
    }
}
