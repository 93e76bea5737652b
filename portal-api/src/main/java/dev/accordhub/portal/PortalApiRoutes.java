package dev.accordhub.portal;

import dev.accordhub.portal.common.ApiResult;
import dev.accordhub.portal.common.Problems;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;

/**
 * The portal read API, {@code /api/v1}, on the hub's HTTP server (platform-http). Each verb has its own small
 * route that calls {@link PortalQueries} and writes its {@link ApiResult}.
 */
public class PortalApiRoutes extends RouteBuilder {

    private final PortalQueries queries;

    public PortalApiRoutes(PortalQueries queries) {
        this.queries = queries;
    }

    @Override
    public void configure() {
        restConfiguration().component("platform-http").bindingMode(RestBindingMode.off).inlineRoutes(false);

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
