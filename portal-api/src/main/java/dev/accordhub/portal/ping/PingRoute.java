package dev.accordhub.portal.ping;

import dev.accordhub.portal.common.ApiResult;
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
    private static final ApiResult PING = ApiResult.ok(PONG);

    @Override
    public void configure() {
        rest().get("/ping").description("Liveness of the portal API: no token needed, answers {\"status\":\"ok\"}")
                .produces("application/json").to("direct:portal-ping");
        // One step, as a portal read's answer is written: each step of a route costs its own error-handler pass,
        // and four of them made this baseline dearer than a partner read.
        from("direct:portal-ping").routeId("portal-ping").process(PING::writeTo);
    }
}
