package dev.accordhub.portal.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accordhub.connectors.scim.ScimChangeListener;
import dev.accordhub.connectors.scim.ScimStore;
import dev.accordhub.portal.access.PermissionProperties;
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
 * Turns an identity provider's user changes into ingest events of its program (roles: the user's own, plus those
 * named by the groups they are in) ({@code accord.ingest.user}), so
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
    private final Map<String, java.util.Set<String>> groupMembers = new ConcurrentHashMap<>();
    private ScimStore scim;

    public ScimUserPublisher(String program, GoldenStore store, ProducerTemplate kafka, ObjectMapper json,
            Clock clock) {
        this.program = program;
        this.store = store;
        this.kafka = kafka;
        this.json = json;
        this.clock = clock;
    }

    /** The IdP's SCIM store: which groups a user is in (and was in, from the groups as they stand now). */
    public ScimUserPublisher reading(ScimStore store) {
        this.scim = store;
        for (JsonNode group : store.all("Group")) {
            java.util.Set<String> members = new java.util.HashSet<>();
            group.path("members").forEach(m -> members.add(m.path("value").asText()));
            groupMembers.put(group.path("id").asText(), members);
        }
        return this;
    }

    @Override
    public void changed(String type, JsonNode resource, String id) {
        if ("Group".equals(type)) {
            groupChanged(resource, id);
            return;
        }
        if ("User".equals(type)) {
            userChanged(resource, id);
        }
    }

    /**
     * A group named after a portal role (partner-admin, partner-sales, ...) gives it to its members: every user who
     * is or was a member is published again with the roles they have now.
     */
    private void groupChanged(JsonNode group, String id) {
        java.util.Set<String> affected = new java.util.HashSet<>(groupMembers.getOrDefault(id, java.util.Set.of()));
        java.util.Set<String> now = new java.util.HashSet<>();
        if (group != null) {
            group.path("members").forEach(m -> now.add(m.path("value").asText()));
            groupMembers.put(id, now);
        } else {
            groupMembers.remove(id);
        }
        affected.addAll(now);
        for (String userId : affected) {
            scim.get("User", userId).ifPresent(user -> userChanged(user, userId));
        }
    }

    private void userChanged(JsonNode resource, String id) {
        Instant version = nextVersion(id);
        ChangeEvent<PartnerUser> event;
        if (resource != null) {
            PartnerUser user = withGroupRoles(ScimUserMapper.toUser(program, resource, version), id);
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

    private PartnerUser withGroupRoles(PartnerUser user, String id) {
        java.util.Set<String> roles = new java.util.TreeSet<>(user.roles());
        for (JsonNode group : scim.all("Group")) {
            String name = group.path("displayName").asText("").trim().toLowerCase(java.util.Locale.ROOT);
            boolean member = false;
            for (JsonNode m : group.path("members")) {
                member |= id.equals(m.path("value").asText());
            }
            if (member && PermissionProperties.ROLES.contains(name)) {
                roles.add(name);
            }
        }
        return new PartnerUser(user.id(), user.email(), user.firstName(), user.lastName(), user.title(),
                user.partnerKey(), user.status(), user.updatedAt(), user.sources(), List.copyOf(roles));
    }

    /** Strictly increasing per user, at millisecond precision (the event id's), so no change looks stale. */
    private Instant nextVersion(String id) {
        return lastVersion.merge(id, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                (previous, now) -> now.isAfter(previous) ? now : previous.plusMillis(1));
    }
}
