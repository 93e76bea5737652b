package dev.accordhub.portal.ops;

import dev.accordhub.portal.common.ApiResult;
import dev.accordhub.portal.common.Problems;
import dev.accordhub.portal.security.AccessDeniedException;
import dev.accordhub.portal.security.CallerResolver;
import dev.accordhub.portal.security.InvalidTokenException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code GET /api/v1/ops/overview} for the route-health dashboard: operator tokens only, like the other ops
 * endpoints (401 without a valid token, 403 without the operator scope).
 */
public class OpsOverviewRoutes extends RouteBuilder {

    private final OpsOverview overview;
    private final CallerResolver callers;
    private final String operatorScope;

    public OpsOverviewRoutes(OpsOverview overview, CallerResolver callers, String operatorScope) {
        this.overview = overview;
        this.callers = callers;
        this.operatorScope = operatorScope;
    }

    @Override
    public void configure() {
        onException(InvalidTokenException.class).handled(true)
                .log(LoggingLevel.INFO, "Ops overview refused: ${exception.message}")
                .process(e -> {
                    InvalidTokenException refused = e.getProperty(Exchange.EXCEPTION_CAUGHT, InvalidTokenException.class);
                    Problems.unauthorized(refused.getMessage(), refused.isMissing()).writeTo(e);
                });
        onException(AccessDeniedException.class).handled(true)
                .log(LoggingLevel.INFO, "Ops overview denied: ${exception.message}")
                .process(e -> Problems.forbidden(e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)
                        .getMessage()).writeTo(e));
        onException(Exception.class).handled(true)
                .log(LoggingLevel.ERROR, "Ops overview failed: ${exception.stacktrace}")
                .process(e -> Problems.problem(500, "internal-error", "Internal error",
                        "The request could not be served; the error is logged").writeTo(e));

        rest("/ops").produces("application/json")
                .get("/overview").description("Route health for the ops dashboard: every route and source feed with "
                        + "state, recent rate, error rate, lag and last error, and the open dead letters by stage")
                    .to("direct:ops-overview");

        from("direct:ops-overview").routeId("ops-overview")
                .process(this::operator)
                .process(e -> e.getMessage().setBody(overview.overview()))
                .process(e -> e.getMessage().getBody(ApiResult.class).writeTo(e));
    }

    private void operator(Exchange exchange) {
        if (!callers.resolve(exchange.getMessage().getHeader("Authorization", String.class)).isOperator()) {
            throw new AccessDeniedException("The ops endpoints need a token with the operator scope '"
                    + operatorScope + "'");
        }
    }
}
