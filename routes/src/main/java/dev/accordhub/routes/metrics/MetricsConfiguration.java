package dev.accordhub.routes.metrics;

import dev.accordhub.routes.deadletter.DeadLetterStore;
import dev.accordhub.routes.incentive.AlertStore;
import dev.accordhub.routes.incentive.ErpPoller;
import dev.accordhub.routes.ingest.IngestPoller;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The hub's own meters ({@link AccordMetrics}); Spring Boot binds every MeterBinder bean to its registry. */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    @Bean
    AccordMetrics accordMetrics(List<IngestPoller> ingestPollers, List<ErpPoller> erpPollers,
            DeadLetterStore deadLetterStore, AlertStore alertStore,
            dev.accordhub.routes.ProgramConnectors connectors) {
        return new AccordMetrics(ingestPollers, erpPollers, deadLetterStore, alertStore, connectors.byProgram(),
                Clock.systemUTC());
    }

    /** Keeps the per-stage dead-letter series current (MultiGauge rows are rebuilt, not read on scrape). */
    @Bean
    org.apache.camel.builder.RouteBuilder metricsRefreshRoute(AccordMetrics metrics) {
        return new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("timer:accord-metrics-refresh?period={{accord.metrics.refresh-ms:5000}}")
                        .routeId("metrics-refresh").bean(metrics, "refreshDeadLetterStages");
            }
        };
    }

    /** Camel adds every RoutePolicyFactory bean to the context. */
    @Bean
    RouteMeters routeMeters(io.micrometer.core.instrument.MeterRegistry registry) {
        return new RouteMeters(registry);
    }

    @Bean
    GoldenModelMeters goldenModelMeters(com.hazelcast.core.HazelcastInstance hazelcast) {
        return new GoldenModelMeters(hazelcast);
    }
}
