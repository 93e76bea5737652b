package dev.accordhub.portal;

import dev.accordhub.portal.common.ApiResult;
import dev.accordhub.portal.common.Problems;
import dev.accordhub.portal.access.PortalModules;
import dev.accordhub.portal.deals.DealRegistrations;
import dev.accordhub.portal.incentives.MdfPortal;
import dev.accordhub.routes.incentive.AlertStore;
import dev.accordhub.model.registration.Alert;
import dev.accordhub.portal.ops.DeadLetterOperations;
import dev.accordhub.portal.ops.IdentityOperations;
import dev.accordhub.portal.ops.ReconciliationOperations;
import dev.accordhub.portal.security.AccessDeniedException;
import dev.accordhub.portal.security.Caller;
import dev.accordhub.portal.security.CallerResolver;
import dev.accordhub.portal.security.InvalidTokenException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;

/**
 * The portal read API, {@code /api/v1}, on the hub's HTTP server (camel-servlet). Each verb has its own small
 * route that first establishes the {@link Caller} from the bearer token (401 without a valid one; the ops routes
 * 403 without the operator scope), then calls {@link PortalQueries} and writes its {@link ApiResult}.
 */
public class PortalApiRoutes extends RouteBuilder {

    static final String CALLER = "caller";

    /**
     * Where the portal's servlet ({@code PortalServlet}) is mapped; the REST paths below are relative to it.
     * camel-servlet answers on Tomcat's own thread, without Spring MVC's handler lookup and the second,
     * asynchronous dispatch that platform-http needs (bench/README.md, 2026-11-27).
     */
    public static final String BASE = dev.accordhub.portal.common.PortalServlet.BASE;

    private final PortalQueries queries;
    private final IdentityOperations identity;
    private final DeadLetterOperations deadLetters;
    private final CallerResolver callers;
    private final DealRegistrations registrations;
    private final PortalModules modules;
    private final String operatorScope;
    private final MdfPortal mdf;
    private final AlertStore alerts;
    private final ReconciliationOperations reconciliation;

    public PortalApiRoutes(PortalQueries queries, IdentityOperations identity, DeadLetterOperations deadLetters,
            DealRegistrations registrations, MdfPortal mdf, AlertStore alerts, CallerResolver callers,
            PortalModules modules, String operatorScope, ReconciliationOperations reconciliation) {
        this.reconciliation = reconciliation;
        this.mdf = mdf;
        this.alerts = alerts;
        this.registrations = registrations;
        this.modules = modules;
        this.callers = callers;
        this.operatorScope = operatorScope;
        this.queries = queries;
        this.identity = identity;
        this.deadLetters = deadLetters;
    }

    @Override
    public void configure() {
        restConfiguration().component("servlet").contextPath(BASE).bindingMode(RestBindingMode.off)
                .endpointProperty("httpBinding", "#" + PortalApiConfiguration.HTTP_BINDING)
                .apiContextPath("/openapi.json")
                // The document's server URL: /api/v1, relative to wherever it was fetched from, or the address a
                // proxy names in X-Forwarded-Proto, -Host and -Prefix.
                .useXForwardHeaders(true)
                .apiProperty("api.title", "Accord portal API")
                .apiProperty("api.version", "1")
                .apiProperty("api.description", "Consolidated partners and deals of every acquired program");

        onException(InvalidTokenException.class).handled(true)
                .log(org.apache.camel.LoggingLevel.INFO, "Portal API refused ${header.CamelHttpMethod} "
                        + "${header.CamelHttpUri}: ${exception.message}")
                .process(e -> {
                    InvalidTokenException refused = e.getProperty(Exchange.EXCEPTION_CAUGHT, InvalidTokenException.class);
                    Problems.unauthorized(refused.getMessage(), refused.isMissing()).writeTo(e);
                });
        onException(AccessDeniedException.class).handled(true)
                .log(org.apache.camel.LoggingLevel.INFO, "Portal API denied ${header.CamelHttpMethod} "
                        + "${header.CamelHttpUri}: ${exception.message}")
                .process(e -> Problems.forbidden(e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)
                        .getMessage()).writeTo(e));
        onException(MdfPortal.NoSuchPartnerException.class).handled(true)
                .process(e -> Problems.notFound("Partner", e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)
                        .getMessage()).writeTo(e));
        onException(MdfPortal.PartnerRequiredException.class).handled(true)
                .process(e -> Problems.badRequest(e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)
                        .getMessage()).writeTo(e));
        onException(Exception.class).handled(true)
                .log(org.apache.camel.LoggingLevel.ERROR, "Portal API request failed: ${exception.stacktrace}")
                .process(e -> Problems.problem(500, "internal-error", "Internal error",
                        "The request could not be served; the error is logged").writeTo(e));

        rest().produces("application/json")
                .get("/me").description("The caller: their company, roles and the portal modules they have")
                    .to("direct:portal-me")
                .get("/partners").description("Consolidated partner companies, in id order, cursor-paged")
                    .param().name("limit").type(org.apache.camel.model.rest.RestParamType.query).endParam()
                    .param().name("cursor").type(org.apache.camel.model.rest.RestParamType.query).endParam()
                    .to("direct:portal-partners")
                .get("/partners/{id}").description("One partner company with its source references")
                    .to("direct:portal-partner")
                .get("/partners/{id}/deals").description("The deals of a partner company across programs")
                    .to("direct:portal-partner-deals")
                .get("/partners/{id}/lineage").description("Where each field of a partner came from")
                    .to("direct:portal-partner-lineage")
                .get("/deals/{id}").description("One deal").to("direct:portal-deal")
                .post("/deals").description("Register a deal (the short form); 202 with the registration, SUBMITTED."
                        + " Send an Idempotency-Key header to make retries safe")
                    .consumes("application/json").to("direct:portal-register-deal");

        // Market-development funds: the caller's company (staff name one with ?partnerId=).
        rest("/mdf").produces("application/json")
                .get("/funds").description("The company's MDF funds, each with its live balance (allocated, committed,"
                        + " paid, available) in its currency and the reporting currency").to("direct:mdf-funds")
                .get("/balance").description("What is left across the company's funds, per currency and in total in"
                        + " the reporting currency, through each ERP's exchange rates").to("direct:mdf-balance")
                .get("/requests").description("The company's pre-approval requests, newest first")
                    .to("direct:mdf-requests")
                .get("/requests/{id}").description("One request with the ERP's decision").to("direct:mdf-request")
                .post("/requests").description("Ask for pre-approval of an activity; 202, SUBMITTED. Idempotency-Key"
                        + " makes retries safe").consumes("application/json").to("direct:mdf-submit-request")
                .get("/claims").description("The company's claims, newest first").to("direct:mdf-claims")
                .get("/claims/{id}").description("One claim with the ERP's status and its payouts")
                    .to("direct:mdf-claim")
                .post("/claims").description("Claim an approved activity (invoice reference, proofs by reference);"
                        + " 202, SUBMITTED. Idempotency-Key makes retries safe")
                    .consumes("application/json").to("direct:mdf-submit-claim");

        // Operator endpoints: tokens with the operator scope only.
        rest("/ops").produces("application/json")
                .get("/stewardship").description("Possible duplicates awaiting a decision (?status=OPEN|ACCEPTED|REJECTED)")
                    .to("direct:ops-stewardship")
                .post("/stewardship/{taskId}/accept").description("Merge the two records of a task")
                    .to("direct:ops-stewardship-accept")
                .post("/stewardship/{taskId}/reject").description("Keep the two records of a task apart")
                    .to("direct:ops-stewardship-reject")
                .post("/partners/{id}/merge").description("Merge partner {otherId} into this one")
                    .to("direct:ops-merge")
                .post("/partners/{id}/unmerge").description("Take one source {program, externalId} out of a partner")
                    .to("direct:ops-unmerge")
                .get("/partners/{id}/xref").description("A partner's sources and identity history")
                    .to("direct:ops-xref")
                .get("/registrations").description("Deal registrations by status (?status=SUBMITTED|APPROVED|"
                        + "REJECTED, default SUBMITTED) and ?overdue=true|false, oldest review deadline first")
                    .to("direct:ops-registrations")
                .get("/alerts").description("Channel conflicts, overdue reviews and incentive-integrity findings, "
                        + "newest first (?type=DOUBLE_DIPPING|OVER_BALANCE|GEOGRAPHIC_GAMING|BULK_NOMINATION|"
                        + "CHANNEL_CONFLICT|REVIEW_OVERDUE, ?limit=100)").to("direct:ops-alerts")
                .get("/dead-letters").description("Dead letters with payload and reason (?status=OPEN|RETRIED|DISCARDED)")
                    .to("direct:ops-dead-letters")
                .post("/dead-letters/{id}/retry").description("Send a dead letter through again")
                    .to("direct:ops-dead-letter-retry")
                .post("/dead-letters/{id}/discard").description("Give up on a dead letter")
                    .to("direct:ops-dead-letter-discard")
                .get("/reconciliation").description("The reconciliation run in progress (live counters per source) "
                        + "and the last finished one: drift found (missing, stale, orphaned, mismatched) and repaired")
                    .to("direct:ops-reconciliation")
                .get("/reconciliation/runs").description("The finished reconciliation runs kept, newest first")
                    .to("direct:ops-reconciliation-runs")
                .post("/reconciliation").description("Start a reconciliation run now: 202 with the run, 409 while "
                        + "one is going").to("direct:ops-reconciliation-start");

        from("direct:ops-dead-letters").routeId("ops-dead-letters").process(this::operator)
                .bean(deadLetters, "list(${header.status})").process(PortalApiRoutes::write);
        from("direct:ops-dead-letter-retry").routeId("ops-dead-letter-retry").process(this::operator)
                .bean(deadLetters, "retry(${header.id})").process(PortalApiRoutes::write);
        from("direct:ops-dead-letter-discard").routeId("ops-dead-letter-discard").process(this::operator)
                .bean(deadLetters, "discard(${header.id})").process(PortalApiRoutes::write);

        from("direct:ops-reconciliation").routeId("ops-reconciliation").process(this::operator)
                .bean(reconciliation, "status").process(PortalApiRoutes::write);
        from("direct:ops-reconciliation-runs").routeId("ops-reconciliation-runs").process(this::operator)
                .bean(reconciliation, "history").process(PortalApiRoutes::write);
        from("direct:ops-reconciliation-start").routeId("ops-reconciliation-start").process(this::operator)
                .bean(reconciliation, "start").process(PortalApiRoutes::write);

        from("direct:ops-alerts").routeId("ops-alerts").process(this::operator)
                .process(e -> e.getMessage().setBody(alertList(e.getMessage().getHeader("type", String.class),
                        e.getMessage().getHeader("limit", String.class))))
                .process(PortalApiRoutes::write);

        mdfRoute("mdf-funds", e -> mdf.funds(callerOf(e), partnerParam(e)));
        mdfRoute("mdf-balance", e -> mdf.balance(callerOf(e), partnerParam(e)));
        mdfRoute("mdf-requests", e -> mdf.requests(callerOf(e), partnerParam(e)));
        mdfRoute("mdf-request", e -> mdf.request(callerOf(e), header(e, "id")));
        mdfRoute("mdf-claims", e -> mdf.claims(callerOf(e), partnerParam(e)));
        mdfRoute("mdf-claim", e -> mdf.claim(callerOf(e), header(e, "id")));
        mdfRoute("mdf-submit-request", e -> mdf.submitRequest(callerOf(e), idempotencyKey(e),
                e.getMessage().getBody(String.class)));
        mdfRoute("mdf-submit-claim", e -> mdf.submitClaim(callerOf(e), idempotencyKey(e),
                e.getMessage().getBody(String.class)));

        from("direct:ops-registrations").routeId("ops-registrations").process(this::operator)
                .bean(queries, "registrations(${header.status}, ${header.overdue})").process(PortalApiRoutes::write);
        from("direct:ops-stewardship").routeId("ops-stewardship").process(this::operator)
                .bean(identity, "tasks(${header.status})").process(PortalApiRoutes::write);
        from("direct:ops-stewardship-accept").routeId("ops-stewardship-accept").process(this::operator)
                .bean(identity, "decide(${header.taskId}, 'accept')").process(PortalApiRoutes::write);
        from("direct:ops-stewardship-reject").routeId("ops-stewardship-reject").process(this::operator)
                .bean(identity, "decide(${header.taskId}, 'reject')").process(PortalApiRoutes::write);
        from("direct:ops-merge").routeId("ops-merge").process(this::operator).convertBodyTo(String.class)
                .bean(identity, "merge(${header.id}, ${body})").process(PortalApiRoutes::write);
        from("direct:ops-unmerge").routeId("ops-unmerge").process(this::operator).convertBodyTo(String.class)
                .bean(identity, "unmerge(${header.id}, ${body})").process(PortalApiRoutes::write);
        from("direct:ops-xref").routeId("ops-xref").process(this::operator)
                .bean(identity, "history(${header.id})").process(PortalApiRoutes::write);

        from("direct:portal-partners").routeId("portal-partners").process(this::caller)
                .process(e -> queries.listPartners(callerOf(e), header(e, "limit"), header(e, "cursor")).writeTo(e));
        from("direct:portal-partner").routeId("portal-partner").process(this::caller)
                .process(e -> queries.partner(callerOf(e), header(e, "id")).writeTo(e));
        from("direct:portal-partner-deals").routeId("portal-partner-deals").process(this::caller)
                .process(e -> modules.require(e.getProperty(CALLER, Caller.class), PortalModules.DEALS))
                .process(e -> queries.partnerDeals(callerOf(e), header(e, "id"), header(e, "limit"),
                        header(e, "cursor")).writeTo(e));
        from("direct:portal-partner-lineage").routeId("portal-partner-lineage").process(this::caller)
                .process(e -> queries.partnerLineage(callerOf(e), header(e, "id")).writeTo(e));
        from("direct:portal-me").routeId("portal-me").process(this::caller)
                .process(e -> e.getMessage().setBody(me(e.getProperty(CALLER, Caller.class))))
                .process(PortalApiRoutes::write);
        from("direct:portal-register-deal").routeId("portal-register-deal").process(this::caller)
                .process(e -> modules.require(e.getProperty(CALLER, Caller.class), PortalModules.DEAL_REGISTRATION))
                .convertBodyTo(String.class)
                .process(e -> e.getMessage().setBody(registrations.submit(e.getProperty(CALLER, Caller.class),
                        e.getMessage().getHeader("Idempotency-Key", String.class),
                        e.getMessage().getBody(String.class))))
                .process(PortalApiRoutes::write);
        from("direct:portal-deal").routeId("portal-deal").process(this::caller)
                .process(e -> modules.require(e.getProperty(CALLER, Caller.class), PortalModules.DEALS))
                .process(e -> queries.deal(callerOf(e), header(e, "id")).writeTo(e));
    }

    /** An MDF endpoint: the caller, the mdf module of the permission matrix, then the answer. */
    private void mdfRoute(String id, MdfCall call) {
        from("direct:" + id).routeId(id).process(this::caller)
                .process(e -> modules.require(callerOf(e), PortalModules.MDF))
                .convertBodyTo(String.class)
                .process(e -> e.getMessage().setBody(call.answer(e)))
                .process(PortalApiRoutes::write);
    }

    @FunctionalInterface
    private interface MdfCall {
        ApiResult answer(Exchange exchange) throws Exception;
    }

    private static Caller callerOf(Exchange exchange) {
        return exchange.getProperty(CALLER, Caller.class);
    }

    private static String partnerParam(Exchange exchange) {
        return exchange.getMessage().getHeader("partnerId", String.class);
    }

    private static String idempotencyKey(Exchange exchange) {
        return exchange.getMessage().getHeader("Idempotency-Key", String.class);
    }

    private ApiResult alertList(String type, String limit) throws Exception {
        Alert.Type wanted = Problems.status(type, Alert.Type.class, null);
        if (type != null && !type.isBlank() && wanted == null) {
            return Problems.badRequest("type must be one of " + java.util.Arrays.toString(Alert.Type.values()));
        }
        int max;
        try {
            max = limit == null || limit.isBlank() ? 100 : Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            max = -1;
        }
        if (max < 1 || max > 1000) {
            return Problems.badRequest("limit must be 1 to 1000");
        }
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("items", alerts.list(wanted, max));
        return ApiResult.ok(JSON.writeValueAsString(body));
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules()
                    .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** Who is calling, from the bearer token and the golden model; kept as the exchange property {@code caller}. */
    private void caller(Exchange exchange) {
        exchange.setProperty(CALLER, callers.resolve(exchange.getMessage().getHeader("Authorization", String.class)));
    }

    private void operator(Exchange exchange) {
        caller(exchange);
        if (!exchange.getProperty(CALLER, Caller.class).isOperator()) {
            throw new AccessDeniedException("The ops endpoints need a token with the operator scope '"
                    + operatorScope + "'");
        }
    }

    private ApiResult me(Caller caller) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("subject", caller.subject());
        body.put("email", caller.email());
        body.put("kind", caller.kind().name());
        body.put("partnerId", caller.partnerId());
        body.put("partner", caller.profile());
        body.put("modules", modules.of(caller));
        try {
            return ApiResult.ok(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A request header as text. The hot reads call {@link PortalQueries} with it directly rather than through
     * {@code .bean()} with simple-language arguments, which Camel would resolve and convert again on every request.
     */
    private static String header(Exchange exchange, String name) {
        return exchange.getMessage().getHeader(name, String.class);
    }

    private static void write(Exchange exchange) {
        exchange.getMessage().getBody(ApiResult.class).writeTo(exchange);
    }
}
