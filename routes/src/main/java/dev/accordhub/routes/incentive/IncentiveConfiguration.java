package dev.accordhub.routes.incentive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import dev.accordhub.model.incentive.ErpClient;
import dev.accordhub.model.program.ProgramDefinition;
import dev.accordhub.routes.EngineConfiguration.KafkaBootstrap;
import dev.accordhub.routes.infra.AfterCamelStart;
import dev.accordhub.routes.consolidate.GoldenStore;
import dev.accordhub.routes.registration.RegistrationProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires MDF: one ERP connector and feed per program with an {@code erp:} section, the store, rules and routes. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IncentiveProperties.class, IntegrityProperties.class})
public class IncentiveConfiguration {

    @Bean
    IncentiveStore incentiveStore(HazelcastInstance hazelcast, ObjectMapper json) {
        return new IncentiveStore(hazelcast, json);
    }

    @Bean
    AlertStore alertStore(HazelcastInstance hazelcast, ObjectMapper json) {
        return new AlertStore(hazelcast, json);
    }

    @Bean
    TerritoryCheck territoryCheck(List<ProgramDefinition> programs) {
        return new TerritoryCheck(programs);
    }

    @Bean
    DealIntegrityRules dealIntegrityRules(GoldenStore store, TerritoryCheck territories,
            IntegrityProperties properties, AlertStore alerts) {
        return new DealIntegrityRules(store, territories, properties, alerts, Clock.systemUTC());
    }

    @Bean
    IncentiveService incentiveService(IncentiveStore store, GoldenStore golden, TerritoryCheck territories,
            IntegrityProperties properties, AlertStore alerts, ObjectMapper json) {
        Clock clock = Clock.systemUTC();
        return new IncentiveService(store, new IntegrityRules(store, golden, territories, properties, clock), alerts,
                json, clock);
    }

    /** The ERP connector of each program that has one, by program id. */
    @Bean
    ErpClients erpClients(List<ProgramDefinition> programs, CamelContext camel, IncentiveProperties properties) {
        Map<String, ErpClient> clients = new LinkedHashMap<>();
        for (ProgramDefinition program : programs) {
            if (program.hasErp()) {
                clients.put(program.id(), ErpClients.connect(program, camel, properties.pageSize()));
            }
        }
        return new ErpClients(clients);
    }

    @Bean
    List<ErpPoller> erpPollers(List<ProgramDefinition> programs, ErpClients clients, CamelContext camel,
            IncentiveProperties properties, ObjectMapper json) {
        List<ErpPoller> pollers = new ArrayList<>();
        for (ProgramDefinition program : programs) {
            if (program.hasErp()) {
                pollers.add(new ErpPoller(program.id(), program.erp("system"), clients.get(program.id()),
                        camel.createProducerTemplate(), json, properties.pageSize(), Clock.systemUTC()));
            }
        }
        return pollers;
    }

    @Bean
    IncentiveRoutes incentiveRoutes(List<ErpPoller> erpPollers, List<ProgramDefinition> programs,
            IncentiveService service, ErpClients clients, AlertStore alerts, IncentiveProperties properties,
            RegistrationProperties delivery, ObjectMapper json) {
        Map<String, Long> intervals = new LinkedHashMap<>();
        for (ProgramDefinition program : programs) {
            String own = program.erp("poll-interval-ms");
            intervals.put(program.id(), own != null ? Long.parseLong(own) : properties.pollIntervalMs());
        }
        return new IncentiveRoutes(erpPollers, intervals, service, new ErpWriter(clients.all(), json), alerts,
                delivery);
    }

    /** Rebuilds MDF documents and alerts from Kafka once Camel is up, then starts the feeds. */
    @Bean
    CamelContextConfiguration incentiveRebuild(KafkaBootstrap kafka, IncentiveService service, IncentiveStore store,
            AlertStore alerts, List<ErpPoller> erpPollers) {
        IncentiveLoader loader = new IncentiveLoader(kafka.servers(), service, store, alerts, erpPollers);
        return AfterCamelStart.of("rebuild the MDF documents from Kafka", loader::rebuildAndStart);
    }
}
