package dev.accordhub.portal.deals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import dev.accordhub.model.Deal;
import dev.accordhub.model.DealRegistration;
import dev.accordhub.model.DealStage;
import dev.accordhub.model.EntityType;
import dev.accordhub.model.RegistrationStatus;
import dev.accordhub.model.SourceRef;
import dev.accordhub.model.program.ProgramDefinition;
import dev.accordhub.model.registration.DealCommand;
import dev.accordhub.portal.PortalQueries;
import dev.accordhub.portal.common.ApiResult;
import dev.accordhub.portal.common.Problems;
import dev.accordhub.portal.security.AccessDeniedException;
import dev.accordhub.portal.security.Caller;
import dev.accordhub.routes.Topics;
import dev.accordhub.routes.consolidate.DealAttributes;
import dev.accordhub.routes.consolidate.GoldenStore;
import dev.accordhub.routes.registration.ChannelConflictDetector;
import dev.accordhub.routes.registration.RegistrationEcho;
import dev.accordhub.routes.registration.RegistrationProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code POST /api/v1/deals}: a partner user registers a deal. The form is checked at once (400 with every bad
 * field), a repeat of the same partner's open registration is refused (409), an {@code Idempotency-Key} makes a
 * retried request answer the first registration again; then, in one Artemis transaction, the command goes onto the
 * persistent queue {@code accord.commands.deals} (for the golden model) and the write onto
 * {@code accord.outbound.<program>} (for the CRM), and the registration is readable at once, SUBMITTED, with its
 * review deadline.
 */
public class DealRegistrations {

    static final int MAX_BODY = 16 * 1024;
    private static final String KEYS = "registration-idempotency-keys";

    private final GoldenStore store;
    private final IMap<String, String> idempotencyKeys;
    private final Map<String, ProgramDefinition> programs;
    private final RegistrationProperties properties;
    private final PortalQueries queries;
    private final RegistrationQueues commands;
    private final ObjectMapper json;
    private final Clock clock;

    public DealRegistrations(GoldenStore store, HazelcastInstance hazelcast, List<ProgramDefinition> programs,
            RegistrationProperties properties, PortalQueries queries, RegistrationQueues commands, ObjectMapper json,
            Clock clock) {
        this.store = store;
        this.idempotencyKeys = hazelcast.getMap(KEYS);
        this.programs = programs.stream().collect(Collectors.toMap(ProgramDefinition::id, Function.identity()));
        this.properties = properties;
        this.queries = queries;
        this.commands = commands;
        this.json = json;
        this.clock = clock;
    }

    public ApiResult submit(Caller caller, String idempotencyKey, String body) throws JsonProcessingException {
        if (caller.isOperator() || caller.partnerKey() == null) {
            throw new AccessDeniedException("Deals are registered by partner users, for their own company");
        }
        if (body != null && body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY) {
            return Problems.problem(413, "payload-too-large", "Request too large",
                    "A registration is at most " + MAX_BODY + " bytes");
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            return Problems.badRequest("Idempotency-Key must be 1 to 200 characters");
        }
        JsonNode tree;
        try {
            tree = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            return Problems.badRequest("The body is not valid JSON: " + e.getOriginalMessage());
        }
        DealRegistrationForm.Parsed parsed = DealRegistrationForm.parse(tree, clock.instant()
                .atOffset(ZoneOffset.UTC).toLocalDate());
        if (!parsed.errors().isEmpty()) {
            return Problems.invalidFields(parsed.errors().stream()
                    .map(e -> Map.entry(e.field(), e.message())).toList());
        }
        DealRegistrationForm form = parsed.form();
        String program = caller.partnerKey().substring(0, caller.partnerKey().indexOf(':'));
        ProgramDefinition definition = programs.get(program);
        var dealMapping = definition == null ? null : definition.entity(EntityType.DEAL);
        if (dealMapping == null || dealMapping.sourceField("registrationId") == null) {
            return Problems.problem(422, "registrations-not-offered", "Registrations not offered",
                    "Program '" + program + "' does not take deal registrations through the portal");
        }
        String requestHash = hash(form);
        if (idempotencyKey != null) {
            ApiResult replay = replay(caller, idempotencyKey, requestHash);
            if (replay != null) {
                return replay;
            }
        }
        Deal duplicate = openDuplicate(caller, form);
        if (duplicate != null) {
            return Problems.problem(409, "duplicate-registration", "Already registered",
                    "Your company already has an open registration for this customer and opportunity: "
                            + duplicate.id()).withHeader("Location", "/api/v1/deals/" + duplicate.id());
        }
        Deal deal = registration(caller, program, form, idempotencyKey, requestHash);
        if (idempotencyKey != null) {
            String claimed = idempotencyKeys.putIfAbsent(caller.partnerId() + "\n" + idempotencyKey,
                    deal.id() + "\n" + requestHash);
            if (claimed != null) {
                return replay(caller, idempotencyKey, requestHash); // a concurrent retry got there first
            }
        }
        // Read-your-writes: the partner sees the registration at once. Stored before it is queued, so that this
        // copy never overwrites what consolidation has made of it; consolidation publishes it.
        store.putProvisional(deal);
        try {
            commands.submit(deal.id(), json.writeValueAsString(DealCommand.submit(deal, clock.instant())),
                    Topics.outboundQueue(program), json.writeValueAsString(deal));
        } catch (RuntimeException e) {
            store.dropProvisional(deal.id());
            if (idempotencyKey != null) {
                idempotencyKeys.delete(caller.partnerId() + "\n" + idempotencyKey);
            }
            throw e;
        }
        return accepted(deal.id(), store.map(EntityType.DEAL).get(deal.id()));
    }

    private Deal registration(Caller caller, String program, DealRegistrationForm form, String idempotencyKey,
            String requestHash) {
        Instant now = clock.instant();
        String id = "reg-" + UUID.randomUUID();
        String tier = partnerTier(caller.partnerId());
        DealRegistration registration = new DealRegistration(id, program, RegistrationStatus.SUBMITTED, null,
                caller.email(), form.customerDomain(), form.customerCountry(),
                ChannelConflictDetector.nameKey(form.customerName(), form.customerCountry()), form.contactName(),
                form.contactEmail(), form.notes(), now, now.plus(properties.reviewSla(tier)),
                idempotencyKey == null ? null : idempotencyKey + "#" + requestHash, List.of(), false, null);
        Deal deal = new Deal(id, form.opportunityName(), caller.partnerKey(), form.customerName(), form.amount(),
                DealStage.PROSPECTING, form.closeDate(), now, List.of(new SourceRef("accord", program, id, now)),
                registration);
        // What the CRM will hold once written: its report of it is then recognised as our own write.
        return deal.withRegistration(registration.written(RegistrationEcho.hash(deal)));
    }

    /** The earlier answer for a retried request, 422 if the key was used for another request, null if unused. */
    private ApiResult replay(Caller caller, String key, String requestHash) throws JsonProcessingException {
        String claimed = idempotencyKeys.get(caller.partnerId() + "\n" + key);
        String dealId;
        String hash;
        if (claimed != null) {
            dealId = claimed.substring(0, claimed.indexOf('\n'));
            hash = claimed.substring(claimed.indexOf('\n') + 1);
        } else {
            // After a restart the keys are found on the registrations themselves (rebuilt from Kafka).
            Deal earlier = ownRegistrations(caller, Predicates.like("registration.idempotencyKey",
                    key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "#%")).stream()
                    .filter(d -> d.registration().idempotencyKey().startsWith(key + "#")).findFirst().orElse(null);
            if (earlier == null) {
                return null;
            }
            dealId = earlier.id();
            hash = earlier.registration().idempotencyKey().substring(key.length() + 1);
        }
        if (!hash.equals(requestHash)) {
            return Problems.problem(422, "idempotency-key-reused", "Idempotency-Key reused",
                    "Idempotency-Key '" + key + "' was used for a different registration (" + dealId + ")");
        }
        return accepted(dealId, store.map(EntityType.DEAL).get(dealId));
    }

    /** The same partner's open registration of the same customer (domain, or name + country) and opportunity. */
    private Deal openDuplicate(Caller caller, DealRegistrationForm form) {
        String nameKey = ChannelConflictDetector.nameKey(form.customerName(), form.customerCountry());
        Predicate<String, HazelcastJsonValue> customer = form.customerDomain() == null
                ? DealAttributes.customerNameKey(nameKey)
                : Predicates.or(DealAttributes.customerDomain(form.customerDomain()),
                        DealAttributes.customerNameKey(nameKey));
        String opportunity = normalised(form.opportunityName());
        return ownRegistrations(caller, customer).stream()
                .filter(d -> d.registration().stillOpen() && (d.stage() == null || !d.stage().isClosed()))
                .filter(d -> opportunity.equals(normalised(d.name())))
                .findFirst().orElse(null);
    }

    private List<Deal> ownRegistrations(Caller caller, Predicate<String, HazelcastJsonValue> which) {
        return store.map(EntityType.DEAL).values(Predicates.and(Predicates.equal(DealAttributes.PARTNER, caller.partnerKey()),
                which)).stream().map(v -> store.read(v, Deal.class)).filter(d -> d.registration() != null).toList();
    }

    private String partnerTier(String partnerId) {
        HazelcastJsonValue partner = partnerId == null ? null : store.map(EntityType.PARTNER).get(partnerId);
        if (partner == null) {
            return null;
        }
        try {
            return json.readTree(partner.getValue()).path("tier").asText(null);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private ApiResult accepted(String dealId, HazelcastJsonValue stored) throws JsonProcessingException {
        ObjectNode view = stored == null ? json.createObjectNode().put("id", dealId) : queries.dealView(stored);
        return new ApiResult(202, ApiResult.JSON, json.writeValueAsString(view))
                .withHeader("Location", "/api/v1/deals/" + dealId);
    }

    private static String normalised(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    private static String hash(DealRegistrationForm form) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(form.toString()
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
