package dev.accordhub.portal.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accordhub.portal.security.CallerResolver;
import dev.accordhub.portal.security.PortalSecurityProperties;
import dev.accordhub.routes.deadletter.DeadLetterStore;
import dev.accordhub.routes.incentive.ErpPoller;
import dev.accordhub.routes.ingest.IngestPoller;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The read model of the route-health dashboard ({@code /api/v1/ops/overview}). */
@Configuration(proxyBeanMethods = false)
public class OpsDashboardConfiguration {

    /** Rates and error rates on the dashboard are over about this long. */
    static final Duration RATE_WINDOW = Duration.ofSeconds(10);

    /** An event notifier bean: Camel adds it to the context before it starts. */
    @Bean
    RouteFailures routeFailures() {
        return new RouteFailures(Clock.systemUTC());
    }

    @Bean
    OpsOverview opsOverview(CamelContext camel, MeterRegistry meters, List<IngestPoller> ingestPollers,
            List<ErpPoller> erpPollers, DeadLetterStore deadLetterStore, RouteFailures routeFailures,
            ObjectMapper json) {
        return new OpsOverview(camel, meters, ingestPollers, erpPollers, deadLetterStore, routeFailures, RATE_WINDOW,
                json, Clock.systemUTC());
    }

    @Bean
    OpsOverviewRoutes opsOverviewRoutes(OpsOverview opsOverview, CallerResolver callerResolver,
            PortalSecurityProperties security) {
        return new OpsOverviewRoutes(opsOverview, callerResolver, security.operatorScope());
    }
}
