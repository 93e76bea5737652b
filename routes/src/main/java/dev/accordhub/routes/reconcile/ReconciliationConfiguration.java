package dev.accordhub.routes.reconcile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import dev.accordhub.model.EntityType;
import dev.accordhub.model.program.ProgramDefinition;
import dev.accordhub.model.program.ProgramRecordMapper;
import dev.accordhub.routes.ProgramConnectors;
import dev.accordhub.routes.consolidate.GoldenStore;
import dev.accordhub.routes.ingest.KafkaIngestSink;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires reconciliation: one {@link SourceReconciler} per program and mapped CRM object, one {@link ErpReconciler} per
 * program with an ERP, the service, its schedule, its meters.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReconciliationProperties.class)
public class ReconciliationConfiguration {

    @Bean(destroyMethod = "close")
    ReconciliationService reconciliationService(List<ProgramDefinition> programs, ProgramConnectors connectors,
            GoldenStore store, CamelContext camel, HazelcastInstance hazelcast, ObjectMapper json,
            ReconciliationProperties properties, dev.accordhub.routes.incentive.ErpClients erpClients,
            dev.accordhub.routes.incentive.IncentiveStore incentives,
            dev.accordhub.routes.incentive.IncentiveProperties incentiveProperties) {
        KafkaIngestSink sink = new KafkaIngestSink(camel.createProducerTemplate(), json);
        List<Reconciler> sources = new ArrayList<>();
        for (ProgramDefinition program : programs) {
            ProgramRecordMapper mapper = new ProgramRecordMapper(program);
            // One pacer per program: its objects share the source's API budget.
            Pacer pacer = new Pacer(properties.callsPerSecond());
            for (EntityType entity : EntityType.values()) {
                if (program.entity(entity) != null) {
                    sources.add(new SourceReconciler(mapper, entity, connectors.client(program.id()), store, sink,
                            json, properties, pacer, Clock.systemUTC()));
                }
            }
            if (program.hasErp()) {
                // The ERP is a system of its own, with its own budget.
                sources.add(new ErpReconciler(program.id(), program.erp("system"), erpClients.get(program.id()),
                        incentives, camel.createProducerTemplate(), json, incentiveProperties.pageSize(), properties,
                        new Pacer(properties.callsPerSecond()), Clock.systemUTC()));
            }
        }
        return new ReconciliationService(sources, hazelcast, json, properties, Clock.systemUTC());
    }

    @Bean
    ReconciliationRoutes reconciliationRoutes(ReconciliationService service) {
        return new ReconciliationRoutes(service);
    }

    /**
     * {@code accord_reconciliation_running} (1 while a run goes) and, per source of the last finished run,
     * {@code accord_reconciliation_drift{program,feed,kind}} and {@code accord_reconciliation_repaired}.
     */
    @Bean
    MeterBinder reconciliationMetrics(ReconciliationService service, List<ProgramDefinition> programs) {
        return registry -> {
            Gauge.builder("accord.reconciliation.running", service, s -> s.current().isPresent() ? 1 : 0)
                    .description("1 while a reconciliation run is going").register(registry);
            for (ProgramDefinition program : programs) {
                List<String> feeds = new ArrayList<>();
                for (EntityType entity : EntityType.values()) {
                    if (program.entity(entity) != null) {
                        feeds.add(entity.code());
                    }
                }
                if (program.hasErp()) {
                    feeds.add("erp");
                }
                for (String feed : feeds) {
                    for (String kind : List.of("missing", "stale", "orphaned", "mismatched")) {
                        Gauge.builder("accord.reconciliation.drift", service,
                                        s -> lastOf(s, program.id(), feed, kind))
                                .tags("program", program.id(), "feed", feed, "kind", kind)
                                .description("Records that had drifted, as the last finished run found them")
                                .register(registry);
                    }
                    Gauge.builder("accord.reconciliation.repaired", service,
                                    s -> lastOf(s, program.id(), feed, "repaired"))
                            .tags("program", program.id(), "feed", feed)
                            .description("Records the last finished run sent back through ingest")
                            .register(registry);
                }
            }
        };
    }

    private static double lastOf(ReconciliationService service, String program, String feed, String kind) {
        return service.last().flatMap(r -> r.sources().stream()
                .filter(s -> s.program().equals(program) && s.feed().equals(feed)).findFirst())
                .map(s -> (double) switch (kind) {
                    case "missing" -> s.missing();
                    case "stale" -> s.stale();
                    case "orphaned" -> s.orphaned();
                    case "mismatched" -> s.mismatched();
                    default -> s.repaired();
                }).orElse(Double.NaN);
    }
}
