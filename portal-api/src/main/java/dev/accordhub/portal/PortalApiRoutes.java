package dev.accordhub.portal;

import dev.accordhub.portal.common.ApiResult;
import dev.accordhub.portal.common.Problems;
import dev.accordhub.portal.ops.DeadLetterOperations;
import dev.accordhub.portal.ops.IdentityOperations;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;

/**
 * The portal read API, {@code /api/v1}, on the hub's HTTP server (platform-http). Each verb has its own small
 * route that calls {@link PortalQueries} and writes its {@link ApiResult}.
 */
public class PortalApiRoutes extends RouteBuilder {

    private final PortalQueries queries;
    private final IdentityOperations identity;
    private final DeadLetterOperations deadLetters;

    public PortalApiRoutes(PortalQueries queries, IdentityOperations identity, DeadLetterOperations deadLetters) {
        this.queries = queries;
        this.identity = identity;
        this.deadLetters = deadLetters;
    }

    @Override
    public void configure() {
        restConfiguration().component("platform-http").bindingMode(RestBindingMode.off).inlineRoutes(false)
                .apiContextPath("/api/v1/openapi.json")
                .apiProperty("api.title", "Accord portal API")
                .apiProperty("api.version", "1")
                .apiProperty("api.description", "Consolidated partners and deals of every acquired program");

        onException(Exception.class).handled(true)
                .log(org.apache.camel.LoggingLevel.ERROR, "Portal API request failed: ${exception.stacktrace}")
                .process(e -> Problems.problem(500, "internal-error", "Internal error",
                        "The request could not be served; the error is logged").writeTo(e));

        rest("/api/v1").produces("application/json")
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
                .get("/deals/{id}").description("One deal").to("direct:portal-deal");

        // Operator endpoints (the operator role once authentication exists, issue 5).
        rest("/api/v1/ops").produces("application/json")
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
                .get("/dead-letters").description("Dead letters with payload and reason (?status=OPEN|RETRIED|DISCARDED)")
                    .to("direct:ops-dead-letters")
                .post("/dead-letters/{id}/retry").description("Send a dead letter through again")
                    .to("direct:ops-dead-letter-retry")
                .post("/dead-letters/{id}/discard").description("Give up on a dead letter")
                    .to("direct:ops-dead-letter-discard");

        from("direct:ops-dead-letters").routeId("ops-dead-letters")
                .bean(deadLetters, "list(${header.status})").process(PortalApiRoutes::write);
        from("direct:ops-dead-letter-retry").routeId("ops-dead-letter-retry")
                .bean(deadLetters, "retry(${header.id})").process(PortalApiRoutes::write);
        from("direct:ops-dead-letter-discard").routeId("ops-dead-letter-discard")
                .bean(deadLetters, "discard(${header.id})").process(PortalApiRoutes::write);

        from("direct:ops-stewardship").routeId("ops-stewardship")
                .bean(identity, "tasks(${header.status})").process(PortalApiRoutes::write);
        from("direct:ops-stewardship-accept").routeId("ops-stewardship-accept")
                .bean(identity, "decide(${header.taskId}, 'accept')").process(PortalApiRoutes::write);
        from("direct:ops-stewardship-reject").routeId("ops-stewardship-reject")
                .bean(identity, "decide(${header.taskId}, 'reject')").process(PortalApiRoutes::write);
        from("direct:ops-merge").routeId("ops-merge").convertBodyTo(String.class)
                .bean(identity, "merge(${header.id}, ${body})").process(PortalApiRoutes::write);
        from("direct:ops-unmerge").routeId("ops-unmerge").convertBodyTo(String.class)
                .bean(identity, "unmerge(${header.id}, ${body})").process(PortalApiRoutes::write);
        from("direct:ops-xref").routeId("ops-xref")
                .bean(identity, "history(${header.id})").process(PortalApiRoutes::write);

        from("direct:portal-partners").routeId("portal-partners")
                .bean(queries, "listPartners(${header.limit}, ${header.cursor})").process(PortalApiRoutes::write);
        from("direct:portal-partner").routeId("portal-partner")
                .bean(queries, "partner(${header.id})").process(PortalApiRoutes::write);
        from("direct:portal-partner-deals").routeId("portal-partner-deals")
                .bean(queries, "partnerDeals(${header.id}, ${header.limit}, ${header.cursor})")
                .process(PortalApiRoutes::write);
        from("direct:portal-partner-lineage").routeId("portal-partner-lineage")
                .bean(queries, "partnerLineage(${header.id})").process(PortalApiRoutes::write);
        from("direct:portal-deal").routeId("portal-deal")
                .bean(queries, "deal(${header.id})").process(PortalApiRoutes::write);
    }

    private static void write(Exchange exchange) {
        exchange.getMessage().getBody(ApiResult.class).writeTo(exchange);
    }
}
