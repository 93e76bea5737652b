package dev.accordhub.routes.health;

import dev.accordhub.routes.EngineConfiguration.KafkaBootstrap;
import dev.accordhub.routes.ingest.IngestPoller;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Health components: {@code kafka}, {@code connectors} with one entry per program, {@code erps} per ERP. */
@Configuration(proxyBeanMethods = false)
public class HealthConfiguration {

    @Bean(destroyMethod = "close")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaBootstrap kafka) {
        return new KafkaHealthIndicator(kafka.servers());
    }

    @Bean
    CompositeHealthContributor connectorsHealthContributor(List<IngestPoller> ingestPollers) {
        Map<String, List<IngestPoller>> byProgram = ingestPollers.stream().collect(
                Collectors.groupingBy(p -> p.status().program(), LinkedHashMap::new, Collectors.toList()));
        Map<String, HealthContributor> contributors = new LinkedHashMap<>();
        byProgram.forEach((program, pollers) -> contributors.put(program, new ConnectorHealthIndicator(pollers)));
        return CompositeHealthContributor.fromMap(contributors);
    }

    /** {@code erps}: one entry per program whose ERP is connected. */
    @Bean
    CompositeHealthContributor erpsHealthContributor(List<dev.accordhub.routes.incentive.ErpPoller> erpPollers) {
        Map<String, HealthContributor> contributors = new LinkedHashMap<>();
        erpPollers.forEach(poller -> contributors.put(poller.program(), new ErpHealthIndicator(poller)));
        return CompositeHealthContributor.fromMap(contributors);
    }
}
