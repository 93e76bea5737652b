package dev.accordhub.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import dev.accordhub.model.EntityType;
import dev.accordhub.portal.common.ApiResult;
import dev.accordhub.portal.common.PageRequest;
import dev.accordhub.portal.common.Problems;
import dev.accordhub.portal.security.Caller;
import dev.accordhub.routes.consolidate.DealAttributes;
import dev.accordhub.routes.consolidate.GoldenStore;
import dev.accordhub.routes.consolidate.LineageService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The portal's reads, straight from the Hazelcast model. Partners are served as stored (they are JSON already);
 * deals get their golden partner id resolved through the cross-reference, so partner merges show at once.
 * Every read is scoped to the {@link Caller}: what another partner owns answers 404 exactly as what does not exist,
 * so ids cannot be probed.
 */
public class PortalQueries {

    private final IMap<String, HazelcastJsonValue> partners;
    private final IMap<String, HazelcastJsonValue> deals;
    private final IMap<String, String> xref;
    private final ObjectMapper json;
    private final LineageService lineage;

    public PortalQueries(HazelcastInstance hazelcast, ObjectMapper json, LineageService lineage) {
        this.lineage = lineage;
        this.partners = hazelcast.getMap(GoldenStore.PARTNERS);
        this.deals = hazelcast.getMap(GoldenStore.DEALS);
        this.xref = hazelcast.getMap(GoldenStore.XREF);
        this.json = json;
    }

    public ApiResult listPartners(Caller caller, String limit, String cursor) {
        PageRequest page;
        try {
            page = PageRequest.parse(limit, cursor);
        } catch (IllegalArgumentException e) {
            return Problems.badRequest(e.getMessage());
        }
        Predicate<String, HazelcastJsonValue> after = page.afterId() == null ? Predicates.alwaysTrue()
                : Predicates.greaterThan("__key", page.afterId());
        if (caller.isChannelManager()) {
            var assignment = caller.assignment();
            Predicate<String, HazelcastJsonValue> assigned = Predicates.or(
                    Predicates.in("territory", assignment.territories().toArray(String[]::new)),
                    Predicates.in("sources[any].program", assignment.programs().toArray(String[]::new)));
            after = Predicates.and(after, assigned);
        } else if (!caller.isOperator()) {
            after = Predicates.and(after, Predicates.equal("__key", caller.partnerId()));
        }
        List<String> ids = partners.keySet(after).stream().sorted().limit(page.limit() + 1L).toList();
        Map<String, HazelcastJsonValue> found = partners.getAll(Set.copyOf(ids));
        List<String> items = new ArrayList<>();
        for (String id : ids) {
            HazelcastJsonValue value = found.get(id);
            if (value != null) {
                items.add(value.getValue());
            }
        }
        return ok(pageOf(items, ids, page));
    }

    public ApiResult partner(Caller caller, String id) {
        HazelcastJsonValue value = visible(caller, id);
        return value == null ? Problems.notFound("Partner", id) : ApiResult.ok(value.getValue());
    }

    public ApiResult partnerDeals(Caller caller, String id, String limit, String cursor)
            throws JsonProcessingException {
        PageRequest page;
        try {
            page = PageRequest.parse(limit, cursor);
        } catch (IllegalArgumentException e) {
            return Problems.badRequest(e.getMessage());
        }
        HazelcastJsonValue partner = visible(caller, id);
        if (partner == null) {
            return Problems.notFound("Partner", id);
        }
        List<String> keys = new ArrayList<>();
        for (JsonNode ref : json.readTree(partner.getValue()).path("sources")) {
            keys.add(ref.path("program").asText() + ":" + EntityType.PARTNER.code() + ":"
                    + ref.path("externalId").asText());
        }
        Predicate<String, HazelcastJsonValue> ofPartner = Predicates.in(DealAttributes.PARTNER, keys.toArray(String[]::new));
        Predicate<String, HazelcastJsonValue> query = page.afterId() == null ? ofPartner
                : Predicates.and(ofPartner, Predicates.greaterThan("__key", page.afterId()));
        List<Map.Entry<String, HazelcastJsonValue>> entries = deals.entrySet(query).stream()
                .sorted(Map.Entry.comparingByKey()).limit(page.limit() + 1L).toList();
        List<String> ids = entries.stream().map(Map.Entry::getKey).toList();
        List<String> items = new ArrayList<>();
        for (Map.Entry<String, HazelcastJsonValue> entry : entries) {
            items.add(json.writeValueAsString(dealView(entry.getValue())));
        }
        return ok(pageOf(items, ids, page));
    }

    /**
     * Registrations for the channel team and operators, oldest deadline first: by status (default SUBMITTED) and,
     * with {@code overdue=true}, only those past their review deadline.
     */
    public ApiResult registrations(String status, String overdue) throws JsonProcessingException {
        var wanted = Problems.status(status, dev.accordhub.model.RegistrationStatus.class,
                dev.accordhub.model.RegistrationStatus.SUBMITTED);
        if (wanted == null) {
            return Problems.badRequest("status must be one of SUBMITTED, APPROVED, REJECTED");
        }
        if (overdue != null && !overdue.equals("true") && !overdue.equals("false")) {
            return Problems.badRequest("overdue must be true or false");
        }
        Predicate<String, HazelcastJsonValue> query = DealAttributes.status(wanted.name());
        if (overdue != null) {
            query = Predicates.and(query, Predicates.equal("registration.overdue", Boolean.parseBoolean(overdue)));
        }
        List<ObjectNode> views = new ArrayList<>();
        for (HazelcastJsonValue value : deals.values(query)) {
            views.add(dealView(value));
        }
        views.sort(java.util.Comparator.comparing((ObjectNode d) -> d.path("registration").path("reviewDueAt")
                .asText()).thenComparing(d -> d.path("id").asText()));
        ObjectNode body = json.createObjectNode();
        body.putArray("items").addAll(views);
        return ApiResult.ok(json.writeValueAsString(body));
    }

    /** Where each golden field's value came from: source, source version and the rule that chose it. */
    public ApiResult partnerLineage(Caller caller, String id) throws JsonProcessingException {
        if (visible(caller, id) == null) {
            return Problems.notFound("Partner", id);
        }
        var fields = lineage.partnerLineage(id);
        if (fields.isEmpty()) {
            return Problems.notFound("Partner", id);
        }
        ObjectNode body = json.createObjectNode().put("partnerId", id);
        body.set("fields", json.valueToTree(fields.get()));
        return ApiResult.ok(json.writeValueAsString(body));
    }

    public ApiResult deal(Caller caller, String id) throws JsonProcessingException {
        HazelcastJsonValue value = deals.get(id);
        if (value == null) {
            return Problems.notFound("Deal", id);
        }
        ObjectNode view = dealView(value);
        String partnerId = view.path("partnerId").asText(null);
        return partnerId != null && visible(caller, partnerId) != null ? ApiResult.ok(json.writeValueAsString(view))
                : Problems.notFound("Deal", id);
    }

    /** The partner if the caller may see it, else null (as if it did not exist). */
    private HazelcastJsonValue visible(Caller caller, String id) {
        if (caller.kind() == Caller.Kind.PARTNER_USER && !id.equals(caller.partnerId())) {
            return null; // not even a read for someone else's id
        }
        HazelcastJsonValue partner = partners.get(id);
        if (partner == null || caller.kind() != Caller.Kind.CHANNEL_MANAGER) {
            return partner;
        }
        try {
            JsonNode node = json.readTree(partner.getValue());
            List<String> programs = new ArrayList<>();
            node.path("sources").forEach(s -> programs.add(s.path("program").asText()));
            return caller.sees(id, node.path("territory").asText(null), programs) ? partner : null;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt partner " + id, e);
        }
    }

    /** A deal as the portal shows it: its golden partner id instead of the source key, no hub internals. */
    public ObjectNode dealView(HazelcastJsonValue stored) throws JsonProcessingException {
        ObjectNode deal = (ObjectNode) json.readTree(stored.getValue());
        if (deal.path("registration").isObject()) {
            ObjectNode registration = (ObjectNode) deal.path("registration");
            registration.remove("writtenHash");
            registration.remove("id");
        }
        JsonNode partnerKey = deal.remove("partnerKey");
        ObjectNode view = json.createObjectNode();
        view.set("id", deal.remove("id"));
        view.put("partnerId", partnerKey == null ? null : xref.get(partnerKey.asText()));
        view.setAll(deal);
        return view;
    }

    private static String pageOf(List<String> items, List<String> ids, PageRequest page) {
        boolean more = items.size() > page.limit();
        List<String> shown = more ? items.subList(0, page.limit()) : items;
        String next = more ? "\"" + PageRequest.cursorAfter(ids.get(page.limit() - 1)) + "\"" : "null";
        return "{\"items\":[" + String.join(",", shown) + "],\"limit\":" + page.limit() + ",\"nextCursor\":" + next
                + "}";
    }

    private static ApiResult ok(String body) {
        return ApiResult.ok(body);
    }
}
