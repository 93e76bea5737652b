package dev.accordhub.portal.incentives;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accordhub.model.EntityType;
import dev.accordhub.model.Money;
import dev.accordhub.model.PartnerOrg;
import dev.accordhub.model.incentive.ErpChange;
import dev.accordhub.model.incentive.FxRates;
import dev.accordhub.model.incentive.MdfBalance;
import dev.accordhub.model.incentive.MdfClaim;
import dev.accordhub.model.incentive.MdfFund;
import dev.accordhub.model.incentive.MdfRequest;
import dev.accordhub.model.program.ProgramDefinition;
import dev.accordhub.portal.common.ApiResult;
import dev.accordhub.portal.common.CommandQueues;
import dev.accordhub.portal.common.FormFields;
import dev.accordhub.portal.common.Problems;
import dev.accordhub.portal.security.AccessDeniedException;
import dev.accordhub.portal.security.Caller;
import dev.accordhub.routes.Topics;
import dev.accordhub.routes.consolidate.GoldenStore;
import dev.accordhub.routes.incentive.IncentiveStore;
import dev.accordhub.routes.incentive.StoredDocument;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import dev.accordhub.routes.infra.GridChanges;
import dev.accordhub.routes.infra.GridDerivedCache;

/**
 * {@code /api/v1/mdf}: a partner's market-development funds with live balances (allocated − committed − paid, in
 * the fund's currency and in the reporting currency through each ERP's rates), its requests and claims with the
 * ERP's status, and the two submissions. Everything is scoped to the caller's company, found from the token; a
 * document of another company answers 404 like one that does not exist.
 *
 * <p>A submission is checked at once (400 with every bad field; 404 for a fund or request the company does not
 * have; 422 when the request is not approved or the amount exceeds what is left), then put in one Artemis
 * transaction on {@code accord.commands.mdf} (for the hub's model) and {@code accord.outbound.erp.<program>} (for
 * the ERP), message group = fund, and answered 202 with the document, SUBMITTED. With an {@code Idempotency-Key}
 * the document's id derives from the key, so a retry (even after a restart) answers the same document, and the
 * ERP takes it once.
 *
 * <p>The reads keep what they compute from the grid (a partner's funds, each fund's balance from its ledger, each
 * program's FX rates: Hazelcast queries, most of what a read cost) until any MDF document changes
 * ({@link GridDerivedCache}): a payout, a decision, a new rate or the partner's own submission shows in the next
 * read after it is stored (on another member of a cluster, once Hazelcast has delivered its event, within
 * milliseconds). Submissions check against the grid itself.
 */
public class MdfPortal {

    static final int MAX_BODY = 16 * 1024;

    private final IncentiveStore incentives;
    private final GoldenStore golden;
    private final CommandQueues queues;
    private final List<String> erpPrograms;
    private final String reportingCurrency;
    private final ObjectMapper json;
    private final Clock clock;
    private final GridDerivedCache<List<MdfFund>> fundsByPartner;
    private final GridDerivedCache<MdfBalance> balances;
    private final GridDerivedCache<FxRates> ratesByProgram;
    /** Kept at most, whatever the events say; and how many of each at most. */
    static final java.time.Duration MAX_AGE = java.time.Duration.ofSeconds(10);
    static final int MAX_KEPT = 100_000;

    public MdfPortal(IncentiveStore incentives, GoldenStore golden, CommandQueues queues,
            List<ProgramDefinition> programs, String reportingCurrency, ObjectMapper json, Clock clock) {
        GridChanges documents = incentives.changes();
        this.fundsByPartner = new GridDerivedCache<>("partners' fund lists", documents, MAX_AGE, MAX_KEPT);
        this.balances = new GridDerivedCache<>("fund balances", documents, MAX_AGE, MAX_KEPT);
        this.ratesByProgram = new GridDerivedCache<>("programs' FX rates", documents, MAX_AGE, MAX_KEPT);
        this.incentives = incentives;
        this.golden = golden;
        this.queues = queues;
        this.erpPrograms = programs.stream().filter(ProgramDefinition::hasErp).map(ProgramDefinition::id).toList();
        this.reportingCurrency = reportingCurrency;
        // Views are built as trees: keep amounts exactly as Money scales them (23940.00, not 2.394E+4).
        this.json = json.copy().setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory
                .withExactBigDecimals(true)).enable(com.fasterxml.jackson.core.JsonGenerator.Feature
                .WRITE_BIGDECIMAL_AS_PLAIN);
        this.clock = clock;
    }

    // ---- reads

    public ApiResult funds(Caller caller, String partnerId) throws JsonProcessingException {
        PartnerOrg partner = partnerOf(caller, partnerId);
        ArrayNode items = json.createArrayNode();
        Map<String, FxRates> rates = new HashMap<>(); // per program, read once per request (a query each)
        for (MdfFund fund : funds(partner)) {
            items.add(fundView(fund, rates));
        }
        ObjectNode body = json.createObjectNode().put("partnerId", partner.id())
                .put("reportingCurrency", reportingCurrency);
        body.set("items", items);
        return ApiResult.ok(json.writeValueAsString(body));
    }

    public ApiResult balance(Caller caller, String partnerId) throws JsonProcessingException {
        PartnerOrg partner = partnerOf(caller, partnerId);
        Map<String, BigDecimal[]> byCurrency = new TreeMap<>();
        BigDecimal[] total = zeros();
        List<String> unconvertible = new ArrayList<>();
        List<MdfFund> funds = funds(partner);
        Map<String, FxRates> rates = new HashMap<>(); // per program, read once per request (a query each)
        for (MdfFund fund : funds) {
            MdfBalance balance = balanceOf(fund);
            add(byCurrency.computeIfAbsent(fund.allocated().currency(), c -> zeros()), balance);
            try {
                add(total, balance.in(rates.computeIfAbsent(fund.program(), this::rates)));
            } catch (IllegalArgumentException e) {
                unconvertible.add(fund.program() + ":" + fund.id() + " (" + e.getMessage() + ")");
            }
        }
        ObjectNode body = json.createObjectNode().put("partnerId", partner.id()).put("funds", funds.size());
        ArrayNode currencies = body.putArray("byCurrency");
        byCurrency.forEach((currency, sums) -> currencies.add(figures(json.createObjectNode().put("currency",
                currency), sums, currency)));
        body.set("total", figures(json.createObjectNode().put("currency", reportingCurrency), total,
                reportingCurrency));
        if (!unconvertible.isEmpty()) {
            body.set("notInTotal", json.valueToTree(unconvertible));
        }
        body.put("asOf", clock.instant().toString());
        return ApiResult.ok(json.writeValueAsString(body));
    }

    public ApiResult requests(Caller caller, String partnerId) throws JsonProcessingException {
        return list(caller, partnerId, ErpChange.Kind.REQUEST);
    }

    public ApiResult claims(Caller caller, String partnerId) throws JsonProcessingException {
        return list(caller, partnerId, ErpChange.Kind.CLAIM);
    }

    public ApiResult request(Caller caller, String id) throws JsonProcessingException {
        StoredDocument doc = visible(caller, ErpChange.Kind.REQUEST, id);
        MdfRequest request = doc == null ? null : doc.change().request();
        return request == null ? Problems.notFound("MDF request", id)
                : ApiResult.ok(json.writeValueAsString(requestView(request)));
    }

    public ApiResult claim(Caller caller, String id) throws JsonProcessingException {
        StoredDocument doc = visible(caller, ErpChange.Kind.CLAIM, id);
        MdfClaim claim = doc == null ? null : doc.change().claim();
        return claim == null ? Problems.notFound("MDF claim", id)
                : ApiResult.ok(json.writeValueAsString(claimView(claim)));
    }

    // ---- submissions

    public ApiResult submitRequest(Caller caller, String idempotencyKey, String body) throws JsonProcessingException {
        PartnerOrg partner = submitter(caller);
        Body read = parse(body, idempotencyKey);
        if (read.error() != null) {
            return read.error();
        }
        MdfForms.Parsed<MdfForms.RequestForm> parsed = MdfForms.request(read.tree());
        if (!parsed.errors().isEmpty()) {
            return FormFields.problem(parsed.errors());
        }
        MdfForms.RequestForm form = parsed.form();
        List<MdfFund> matching = incentives.funds(refs(partner)).stream().filter(f -> f.id().equals(form.fundId()))
                .filter(f -> form.program() == null || f.program().equals(form.program())).toList();
        if (matching.isEmpty()) {
            return Problems.notFound("MDF fund", form.fundId());
        }
        if (matching.size() > 1) {
            return Problems.badRequest("Fund " + form.fundId() + " exists in programs " + matching.stream()
                    .map(MdfFund::program).toList() + ": name one with \"program\"");
        }
        MdfFund fund = matching.get(0);
        String id = documentId("mdf-req-", caller, idempotencyKey);
        MdfRequest request = new MdfRequest(id, fund.program(), fund.id(), fund.partnerKey(), form.activity(),
                form.country(), form.amount(), MdfRequest.Status.SUBMITTED, null, caller.email(), clock.instant());
        MdfRequest earlier = incentives.request(fund.program(), id);
        if (earlier != null) {
            return sameRequest(earlier, request) ? accepted("requests", id, requestView(earlier))
                    : keyReused(idempotencyKey, id);
        }
        if (!fund.allocated().currency().equals(form.amount().currency())) {
            return unprocessable("currency-mismatch", "Fund " + fund.id() + " is in " + fund.allocated().currency()
                    + "; ask in that currency");
        }
        MdfBalance ifApproved = incentives.ledger(fund.program(), fund.id()).balanceWithApproved(request);
        if (ifApproved.available().amount().signum() < 0) {
            return unprocessable("exceeds-balance", "The request exceeds what is left of fund " + fund.id() + ": "
                    + available(fund) + " available");
        }
        submit(ErpChange.of(fund.program(), 0, request), fund);
        return accepted("requests", id, requestView(request));
    }

    public ApiResult submitClaim(Caller caller, String idempotencyKey, String body) throws JsonProcessingException {
        PartnerOrg partner = submitter(caller);
        Body read = parse(body, idempotencyKey);
        if (read.error() != null) {
            return read.error();
        }
        MdfForms.Parsed<MdfForms.ClaimForm> parsed = MdfForms.claim(read.tree());
        if (!parsed.errors().isEmpty()) {
            return FormFields.problem(parsed.errors());
        }
        MdfForms.ClaimForm form = parsed.form();
        StoredDocument activityDoc = visible(caller, partner, ErpChange.Kind.REQUEST, form.requestId());
        if (activityDoc == null) {
            return Problems.notFound("MDF request", form.requestId());
        }
        MdfRequest activity = activityDoc.change().request();
        String id = documentId("mdf-clm-", caller, idempotencyKey);
        MdfClaim claim = new MdfClaim(id, activity.program(), activity.fundId(), activity.id(),
                activity.partnerKey(), form.invoiceReference(), form.amount(), MdfClaim.Status.SUBMITTED, null,
                form.proofReferences(), caller.email(), clock.instant());
        MdfClaim earlier = incentives.claim(activity.program(), id);
        if (earlier != null) {
            return sameClaim(earlier, claim) ? accepted("claims", id, claimView(earlier)) : keyReused(idempotencyKey, id);
        }
        if (activity.status() != MdfRequest.Status.APPROVED) {
            return unprocessable("activity-not-approved", "Request " + activity.id() + " is "
                    + activity.status() + ": claims need an approved activity");
        }
        IncentiveStore.Ledger ledger = incentives.ledger(activity.program(), activity.fundId());
        MdfClaim open = ledger.claims().stream().filter(c -> activity.id().equals(c.requestId()))
                .filter(c -> c.status() != MdfClaim.Status.REJECTED).findFirst().orElse(null);
        if (open != null) {
            return Problems.problem(409, "already-claimed", "Already claimed", "Request " + activity.id()
                    + " already has claim " + open.id() + " (" + open.status() + ")")
                    .withHeader("Location", "/api/v1/mdf/claims/" + open.id());
        }
        if (!activity.amount().currency().equals(form.amount().currency())) {
            return unprocessable("currency-mismatch", "Request " + activity.id() + " is in "
                    + activity.amount().currency() + "; claim in that currency");
        }
        if (form.amount().amount().compareTo(activity.amount().amount()) > 0) {
            return unprocessable("exceeds-request", "The claim (" + form.amount().amount() + ") exceeds the "
                    + "approved activity (" + activity.amount().amount() + " " + activity.amount().currency() + ")");
        }
        if (ledger.fund() != null && ledger.balanceWithApproved(claim).available().amount().signum() < 0) {
            return unprocessable("exceeds-balance", "The claim exceeds what is left of fund " + activity.fundId()
                    + ": " + available(ledger.fund()) + " available");
        }
        submit(ErpChange.of(activity.program(), 0, claim), ledger.fund() != null ? ledger.fund()
                : incentives.fund(activity.program(), activity.fundId()));
        return accepted("claims", id, claimView(claim));
    }

    private void submit(ErpChange submitted, MdfFund fund) throws JsonProcessingException {
        String body = json.writeValueAsString(submitted);
        String group = submitted.program() + ":" + (fund == null ? submitted.documentId() : fund.id());
        queues.send(List.of(
                new CommandQueues.Queued(Topics.MDF_COMMAND_QUEUE, group, Map.of("accordKey", submitted.key(),
                        Topics.CORRELATION_HEADER, submitted.key()), body),
                new CommandQueues.Queued(Topics.erpOutboundQueue(submitted.program()), group,
                        Map.of(Topics.CORRELATION_HEADER, submitted.key()), body)));
        // Read-your-writes: the command, applied by the incentives route, finds it and runs the integrity rules.
        incentives.put(StoredDocument.of(submitted, clock.instant()));
    }

    // ---- helpers

    /** The partner whose MDF the caller may see: their own company, or for staff a named one they are assigned. */
    private PartnerOrg partnerOf(Caller caller, String partnerId) {
        if (caller.kind() == Caller.Kind.PARTNER_USER) {
            return golden.get(EntityType.PARTNER, caller.partnerId(), PartnerOrg.class);
        }
        if (partnerId == null || partnerId.isBlank()) {
            throw new PartnerRequiredException();
        }
        PartnerOrg partner = golden.get(EntityType.PARTNER, partnerId, PartnerOrg.class);
        if (partner == null || !caller.sees(partner.id(), partner.territory(),
                partner.sources().stream().map(s -> s.program()).toList())) {
            throw new NoSuchPartnerException(partnerId);
        }
        return partner;
    }

    private PartnerOrg submitter(Caller caller) {
        if (caller.kind() != Caller.Kind.PARTNER_USER || caller.partnerId() == null) {
            throw new AccessDeniedException("MDF requests and claims are submitted by partner users, for their own "
                    + "company");
        }
        return golden.get(EntityType.PARTNER, caller.partnerId(), PartnerOrg.class);
    }

    private List<MdfFund> funds(PartnerOrg partner) {
        if (partner == null) {
            return List.of();
        }
        List<String> refs = refs(partner);
        return fundsByPartner.get(String.join(",", refs), () -> incentives.funds(refs).stream()
                .sorted(Comparator.comparing(MdfFund::program).thenComparing(MdfFund::id)).toList());
    }

    private static List<String> refs(PartnerOrg partner) {
        return partner.sources().stream().map(s -> s.program() + ":" + s.externalId()).toList();
    }

    private StoredDocument visible(Caller caller, ErpChange.Kind kind, String id) {
        PartnerOrg partner = caller.kind() == Caller.Kind.PARTNER_USER
                ? golden.get(EntityType.PARTNER, caller.partnerId(), PartnerOrg.class) : null;
        return visible(caller, partner, kind, id);
    }

    private StoredDocument visible(Caller caller, PartnerOrg partner, ErpChange.Kind kind, String id) {
        for (String program : erpPrograms) {
            StoredDocument doc = incentives.get(kind, program, id);
            if (doc == null) {
                continue;
            }
            if (caller.isOperator()) {
                return doc;
            }
            if (partner != null && refs(partner).contains(doc.partnerRef())) {
                return doc;
            }
            if (caller.isChannelManager()) {
                String crmId = doc.partnerRef().substring(program.length() + 1);
                String goldenId = golden.goldenIdOf(program + ":partner:" + crmId);
                PartnerOrg owner = goldenId == null ? null : golden.get(EntityType.PARTNER, goldenId, PartnerOrg.class);
                if (owner != null && caller.sees(owner.id(), owner.territory(),
                        owner.sources().stream().map(s -> s.program()).toList())) {
                    return doc;
                }
            }
        }
        return null;
    }

    private ApiResult list(Caller caller, String partnerId, ErpChange.Kind kind) throws JsonProcessingException {
        PartnerOrg partner = partnerOf(caller, partnerId);
        ArrayNode items = json.createArrayNode();
        incentives.submissions(refs(partner)).stream().filter(d -> d.change().kind() == kind)
                .sorted(Comparator.comparing(StoredDocument::firstSeen, Comparator.nullsLast(Comparator.reverseOrder())))
                .forEach(d -> items.add(kind == ErpChange.Kind.CLAIM ? claimView(d.change().claim())
                        : requestView(d.change().request())));
        ObjectNode body = json.createObjectNode().put("partnerId", partner.id());
        body.set("items", items);
        return ApiResult.ok(json.writeValueAsString(body));
    }

    private FxRates rates(String program) {
        return ratesByProgram.get(program, () -> incentives.fxRates(program, reportingCurrency));
    }

    /** For showing: what submissions are checked against is read from the grid itself. */
    private MdfBalance balanceOf(MdfFund fund) {
        return balances.get(fund.program() + ":" + fund.id(),
                () -> incentives.ledger(fund.program(), fund.id()).balance());
    }

    private ObjectNode fundView(MdfFund fund, Map<String, FxRates> rates) {
        ObjectNode view = json.valueToTree(fund);
        MdfBalance balance = balanceOf(fund);
        view.set("balance", json.valueToTree(balance));
        try {
            view.set("reporting", json.valueToTree(balance.in(rates.computeIfAbsent(fund.program(), this::rates))));
        } catch (IllegalArgumentException e) {
            view.put("reportingError", e.getMessage());
        }
        return view;
    }

    private ObjectNode requestView(MdfRequest request) {
        return json.valueToTree(request);
    }

    private ObjectNode claimView(MdfClaim claim) {
        ObjectNode view = json.valueToTree(claim);
        view.set("payouts", json.valueToTree(incentives.payoutsOf(claim.program(), claim.id())));
        return view;
    }

    private String available(MdfFund fund) {
        Money left = incentives.ledger(fund.program(), fund.id()).balance().available();
        return left.amount().toPlainString() + " " + left.currency();
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    }

    private static void add(BigDecimal[] sums, MdfBalance balance) {
        sums[0] = sums[0].add(balance.allocated().amount());
        sums[1] = sums[1].add(balance.committed().amount());
        sums[2] = sums[2].add(balance.paid().amount());
        sums[3] = sums[3].add(balance.available().amount());
    }

    private ObjectNode figures(ObjectNode node, BigDecimal[] sums, String currency) {
        node.set("allocated", json.valueToTree(new Money(sums[0], currency)));
        node.set("committed", json.valueToTree(new Money(sums[1], currency)));
        node.set("paid", json.valueToTree(new Money(sums[2], currency)));
        node.set("available", json.valueToTree(new Money(sums[3], currency)));
        return node;
    }

    private ApiResult accepted(String kind, String id, ObjectNode view) throws JsonProcessingException {
        return new ApiResult(202, ApiResult.JSON, json.writeValueAsString(view))
                .withHeader("Location", "/api/v1/mdf/" + kind + "/" + id);
    }

    private static ApiResult unprocessable(String type, String detail) {
        return Problems.problem(422, type, "Cannot be submitted", detail);
    }

    private static ApiResult keyReused(String key, String id) {
        return Problems.problem(422, "idempotency-key-reused", "Idempotency-Key reused",
                "Idempotency-Key '" + key + "' was used for a different submission (" + id + ")");
    }

    private static boolean sameRequest(MdfRequest a, MdfRequest b) {
        return a.fundId().equals(b.fundId()) && a.amount().equals(b.amount()) && Objects.equals(a.activity(),
                b.activity()) && Objects.equals(a.country(), b.country());
    }

    private static boolean sameClaim(MdfClaim a, MdfClaim b) {
        return Objects.equals(a.requestId(), b.requestId()) && a.amount().equals(b.amount())
                && Objects.equals(a.invoiceReference(), b.invoiceReference())
                && a.proofReferences().equals(b.proofReferences());
    }

    /** With a key, the id derives from the caller and the key (stable across restarts); without, a fresh one. */
    private static String documentId(String prefix, Caller caller, String idempotencyKey) {
        if (idempotencyKey == null) {
            return prefix + UUID.randomUUID();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((caller.partnerId() + "\n" + caller.userId()
                    + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
            return prefix + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body as JSON, or the answer to give when it cannot be read. */
    private record Body(JsonNode tree, ApiResult error) {
    }

    private Body parse(String body, String idempotencyKey) {
        if (body != null && body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY) {
            return new Body(null, Problems.problem(413, "payload-too-large", "Request too large",
                    "A submission is at most " + MAX_BODY + " bytes"));
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            return new Body(null, Problems.badRequest("Idempotency-Key must be 1 to 200 characters"));
        }
        try {
            return new Body(body == null || body.isBlank() ? null : json.readTree(body), null);
        } catch (JsonProcessingException e) {
            return new Body(null, Problems.badRequest("The body is not valid JSON: " + e.getOriginalMessage()));
        }
    }

    /** Staff (operators, channel managers) see many partners and must name one. */
    public static class PartnerRequiredException extends RuntimeException {
        public PartnerRequiredException() {
            super("Operators and channel managers name the partner: ?partnerId=");
        }
    }

    /** A partner id the caller may not see, or that does not exist: answered 404 alike. */
    public static class NoSuchPartnerException extends RuntimeException {
        public NoSuchPartnerException(String id) {
            super(id);
        }
    }
}
