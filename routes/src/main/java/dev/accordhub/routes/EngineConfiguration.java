package dev.accordhub.routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import dev.accordhub.connectors.hubspot.HubSpotConnector;
import dev.accordhub.connectors.salesforce.SalesforceConnector;
import dev.accordhub.model.EntityType;
import dev.accordhub.model.program.ProgramDefinition;
import dev.accordhub.model.program.ProgramRecordMapper;
import dev.accordhub.model.source.SourceClient;
import dev.accordhub.routes.consolidate.ConsolidateRoute;
import dev.accordhub.routes.consolidate.ConsolidationProperties;
import dev.accordhub.routes.consolidate.DealAttributes;
import dev.accordhub.routes.consolidate.LineageService;
import dev.accordhub.routes.consolidate.survivorship.Survivorship;
import dev.accordhub.routes.consolidate.identity.IdentityCommandHandler;
import dev.accordhub.routes.consolidate.identity.HazelcastCandidateIndex;
import dev.accordhub.routes.consolidate.identity.PartnerMatching;
import dev.accordhub.routes.consolidate.identity.PartnerMerges;
import dev.accordhub.routes.consolidate.identity.StewardshipStore;
import dev.accordhub.routes.consolidate.ConsolidationService;
import dev.accordhub.routes.consolidate.Consolidator;
import dev.accordhub.routes.consolidate.GoldenModelLoader;
import dev.accordhub.routes.consolidate.GoldenStore;
import dev.accordhub.routes.deadletter.DeadLetterIndexRoute;
import dev.accordhub.routes.deadletter.DeadLetterRetry;
import dev.accordhub.routes.deadletter.DeadLetterRoute;
import dev.accordhub.routes.deadletter.DeadLetterService;
import dev.accordhub.routes.deadletter.DeadLetterStore;
import dev.accordhub.routes.deadletter.ErrorHandlingConfiguration;
import dev.accordhub.routes.infra.TopicProvisioner;
import dev.accordhub.routes.infra.AfterCamelStart;
import dev.accordhub.routes.ingest.CheckpointStore;
import dev.accordhub.routes.ingest.IngestPoller;
import dev.accordhub.routes.ingest.IngestRoutes;
import dev.accordhub.routes.ingest.KafkaIngestSink;
import dev.accordhub.routes.programs.ProgramLoader;
import dev.accordhub.routes.registration.DealRegistrationRoutes;
import dev.accordhub.routes.registration.OutboundDealWriter;
import dev.accordhub.routes.registration.RegistrationHandler;
import dev.accordhub.routes.registration.RegistrationProperties;
import dev.accordhub.routes.registration.RegistrationSla;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Wires the engine: programs, connectors, ingest pollers, consolidation, dead letters. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({EngineProperties.class, ConsolidationProperties.class,
        RegistrationProperties.class})
public class EngineConfiguration {

    /** The hub's Kafka, as camel-kafka is configured to reach it. */
    public record KafkaBootstrap(String servers) {
    }

    @Bean
    KafkaBootstrap kafkaBootstrap(@Value("${camel.component.kafka.brokers}") String servers,
            EngineProperties properties) {
        TopicProvisioner.ensureTopics(servers, properties.kafka().partitions(),
                properties.kafka().replicationFactor(), properties.kafka().deadLetterRetentionMs());
        return new KafkaBootstrap(servers);
    }

    /**
     * Kafka headers back as text ({@code camel.component.kafka.header-deserializer}): our own correlation header
     * goes into the logs' MDC, which a byte array would not read well in.
     */
    @Bean
    org.apache.camel.component.kafka.serde.KafkaHeaderDeserializer accordKafkaHeaderDeserializer() {
        return new org.apache.camel.component.kafka.serde.ToStringKafkaHeaderDeserializer();
    }

    /** Our correlation header into the logs' MDC, next to Camel's own keys. */
    @Bean
    org.apache.camel.spi.UnitOfWorkFactory correlationUnitOfWorkFactory() {
        return new dev.accordhub.routes.infra.CorrelationUnitOfWorkFactory();
    }

    /**
     * The golden deals' query attributes and indexes ({@link DealAttributes}), added to whichever Hazelcast
     * configuration the member is started from, so a production cluster file need not repeat them.
     */
    @Bean
    org.springframework.boot.autoconfigure.hazelcast.HazelcastConfigCustomizer dealAttributes() {
        return DealAttributes::declare;
    }

    @Bean
    List<ProgramDefinition> programs(EngineProperties properties, Environment environment) {
        return new ProgramLoader(environment::resolveRequiredPlaceholders).load(properties.programsPath());
    }

    @Bean(destroyMethod = "close")
    CheckpointStore checkpointStore(KafkaBootstrap kafka, ObjectMapper json) {
        return new CheckpointStore(kafka.servers(), json);
    }

    /** One connector per program (it reads the program's CRM and writes registrations into it), by program id. */
    @Bean
    ProgramConnectors programConnectors(List<ProgramDefinition> programs, CamelContext camel, ObjectMapper json) {
        Map<String, SourceClient> connectors = new java.util.LinkedHashMap<>();
        for (ProgramDefinition program : programs) {
            connectors.put(program.id(), switch (program.system()) {
                case SalesforceConnector.SYSTEM -> new SalesforceConnector(camel, program, json);
                case HubSpotConnector.SYSTEM -> new HubSpotConnector(camel, program, json);
                default -> throw new IllegalStateException("No connector for system " + program.system());
            });
        }
        return new ProgramConnectors(connectors);
    }

    /**
     * How often a program's source is asked for changes: every {@code poll-interval-ms} while it has none, every
     * {@code busy-poll-interval-ms} while the last poll found some.
     */
    record IngestPace(long idleMs, long busyMs) {
        IngestPace {
            if (idleMs < 10) {
                throw new IllegalArgumentException(
                        "accord.ingest.poll-interval-ms must be at least 10 (milliseconds), got " + idleMs);
            }
            if (busyMs < 10) {
                throw new IllegalArgumentException(
                        "accord.ingest.busy-poll-interval-ms must be at least 10 (milliseconds), got " + busyMs);
            }
        }

        long tickMs() {
            return Math.min(idleMs, busyMs);
        }
    }

    @Bean
    IngestPace ingestPace(@Value("${accord.ingest.poll-interval-ms:500}") long idleMs,
            @Value("${accord.ingest.busy-poll-interval-ms:100}") long busyMs) {
        return new IngestPace(idleMs, busyMs);
    }

    @Bean
    List<IngestPoller> ingestPollers(List<ProgramDefinition> programs, ProgramConnectors programConnectors,
            CamelContext camel, ObjectMapper json, CheckpointStore checkpoints, IngestPace pace) {
        KafkaIngestSink sink = new KafkaIngestSink(camel.createProducerTemplate(), json);
        List<IngestPoller> pollers = new ArrayList<>();
        for (ProgramDefinition program : programs) {
            SourceClient client = programConnectors.client(program.id());
            ProgramRecordMapper mapper = new ProgramRecordMapper(program);
            for (EntityType entity : EntityType.values()) {
                if (program.entity(entity) != null) {
                    pollers.add(new IngestPoller(entity, mapper, client, checkpoints, sink, Clock.systemUTC(),
                            java.time.Duration.ofMillis(pace.idleMs())));
                }
            }
        }
        return pollers;
    }

    @Bean
    IngestRoutes ingestRoutes(List<IngestPoller> ingestPollers, IngestPace pace) {
        return new IngestRoutes(ingestPollers, pace.tickMs());
    }

    @Bean
    GoldenStore goldenStore(HazelcastInstance hazelcast, ObjectMapper json) {
        return new GoldenStore(hazelcast, json);
    }

    @Bean
    Survivorship survivorship(ConsolidationProperties properties) {
        return new Survivorship(properties.policy());
    }

    @Bean
    StewardshipStore stewardshipStore(HazelcastInstance hazelcast, ObjectMapper json) {
        return new StewardshipStore(hazelcast, json);
    }

    @Bean
    PartnerMatching partnerMatching(GoldenStore store, HazelcastInstance hazelcast,
            ConsolidationProperties properties, StewardshipStore stewardship, ObjectMapper json) {
        var policy = properties.matchPolicy();
        return new PartnerMatching(store, new HazelcastCandidateIndex(hazelcast, policy.maxBlockSize(), json), policy,
                properties.splitsWeakerMembers() ? stewardship : null);
    }

    @Bean
    ConsolidationService consolidationService(GoldenStore store, StewardshipStore stewardship,
            PartnerMatching partnerMatching, Survivorship survivorship, ConsolidationProperties properties,
            RegistrationProperties registration, dev.accordhub.routes.incentive.DealIntegrityRules dealIntegrity,
            ObjectMapper json, List<ProgramDefinition> programs,
            org.springframework.beans.factory.ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters,
            @Value("${accord.metrics.live-change-window:10m}") java.time.Duration liveChangeWindow) {
        Clock clock = Clock.systemUTC();
        io.micrometer.core.instrument.MeterRegistry registry = meters.getIfAvailable();
        dev.accordhub.routes.metrics.ChangeLatency latency = registry == null ? null
                : new dev.accordhub.routes.metrics.ChangeLatency(registry, liveChangeWindow, clock);
        for (ProgramDefinition program : latency == null ? List.<ProgramDefinition>of() : programs) {
            for (EntityType entity : EntityType.values()) {
                if (program.entity(entity) != null) {
                    latency.expect(program.id(), entity);
                }
            }
        }
        return new ConsolidationService(new Consolidator(store, stewardship, partnerMatching, survivorship, clock,
                properties.removeDeletedSources()), new IdentityCommandHandler(
                new PartnerMerges(store, survivorship), stewardship, clock),
                new RegistrationHandler(store, registration, clock, dealIntegrity), store, json,
                latency);
    }

    @Bean
    DealRegistrationRoutes dealRegistrationRoutes(List<ProgramDefinition> programs, ProgramConnectors connectors,
            GoldenStore store, RegistrationProperties properties, ObjectMapper json) {
        Clock clock = Clock.systemUTC();
        return new DealRegistrationRoutes(programs.stream().map(ProgramDefinition::id).toList(),
                new OutboundDealWriter(programs, connectors, json), new RegistrationSla(store, json, clock),
                properties);
    }

    /** Change events' timestamps read without java.time's formatters (Spring Boot adds Module beans to its mapper). */
    @Bean
    com.fasterxml.jackson.databind.Module utcTimeModule() {
        return new dev.accordhub.routes.infra.UtcTimeModule();
    }

    @Bean
    LineageService lineageService(GoldenStore store, Survivorship survivorship) {
        return new LineageService(store, survivorship);
    }

    @Bean
    ConsolidateRoute consolidateRoute(ConsolidationService service, ObjectMapper json,
            org.springframework.beans.factory.ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters) {
        return new ConsolidateRoute(service, json, meters.getIfAvailable());
    }

    @Bean
    ErrorHandlingConfiguration errorHandlingConfiguration() {
        return new ErrorHandlingConfiguration();
    }

    @Bean
    DeadLetterStore deadLetterStore(HazelcastInstance hazelcast, ObjectMapper json) {
        return new DeadLetterStore(hazelcast, json);
    }

    @Bean
    DeadLetterIndexRoute deadLetterIndexRoute(DeadLetterStore store, ObjectMapper json) {
        return new DeadLetterIndexRoute(store, json);
    }

    @Bean
    DeadLetterService deadLetterService(DeadLetterStore store, List<ProgramDefinition> programs, CamelContext camel,
            ObjectMapper json) {
        return new DeadLetterService(store, new DeadLetterRetry(programs, json), camel.createProducerTemplate(),
                Clock.systemUTC());
    }

    @Bean
    DeadLetterRoute deadLetterRoute(ObjectMapper json) {
        return new DeadLetterRoute(json);
    }

    /** Rebuilds Hazelcast from Kafka once Camel is up, then lets consolidation resume. */
    @Bean
    CamelContextConfiguration goldenModelRebuild(KafkaBootstrap kafka, GoldenStore store,
            StewardshipStore stewardship, PartnerMatching partnerMatching, ObjectMapper json) {
        GoldenModelLoader loader = new GoldenModelLoader(kafka.servers(), store, stewardship, partnerMatching,
                json);
        return AfterCamelStart.of("rebuild the golden model from Kafka", loader::rebuildAndStart);
    }
}
