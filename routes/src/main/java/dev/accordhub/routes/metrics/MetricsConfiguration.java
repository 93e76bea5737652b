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
            DeadLetterStore deadLetterStore, AlertStore alertStore) {
        return new AccordMetrics(ingestPollers, erpPollers, deadLetterStore, alertStore, Clock.systemUTC());
    }

    @Bean
    GoldenModelMeters goldenModelMeters(com.hazelcast.core.HazelcastInstance hazelcast) {
        return new GoldenModelMeters(hazelcast);
    }
}
