package dev.accordhub.portal.ping;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code GET /api/v1/ping}: public, a constant answer, no token, no grid. It goes through the same HTTP server,
 * servlet and rest-dsl as every portal read, so a load balancer can probe the API cheaply and the bench can
 * compare a real read with what the server itself costs (bench/README.md, "portal API read").
 */
@Component
public class PingRoute extends RouteBuilder {

    static final String PONG = "{\"status\":\"ok\"}";

    @Override
    public void configure() {
        rest().get("/ping").description("Liveness of the portal API: no token needed, answers {\"status\":\"ok\"}")
                .produces("application/json").to("direct:portal-ping");
        from("direct:portal-ping").routeId("portal-ping")
                .removeHeaders("*")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(200))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .setBody(constant(PONG));
    }
}
