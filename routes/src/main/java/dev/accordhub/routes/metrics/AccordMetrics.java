package dev.accordhub.routes.metrics;

import dev.accordhub.model.registration.Alert;
import dev.accordhub.routes.deadletter.DeadLetterStore;
import dev.accordhub.routes.incentive.AlertStore;
import dev.accordhub.routes.incentive.ErpPoller;
import dev.accordhub.routes.ingest.IngestPoller;
import dev.accordhub.routes.ingest.IngestStatus;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The hub's own meters on {@code /actuator/prometheus}, next to Camel's per-route ones:
 * <ul>
 *   <li>per source feed (CRM object or ERP) with tags {@code program}, {@code feed}: records read
 *       ({@code accord_source_records_total}), dead-lettered, failed polls, rate-limit answers, and the sync lag
 *       ({@code accord_source_lag_seconds}, CRMs only: how far behind the source the hub may be — now − the end of
 *       the last complete poll, which read every change up to then; before the first one, now − the source
 *       timestamp of the last change read. "Now − last change" alone would grow without end on a quiet
 *       source);</li>
 *   <li>open dead letters ({@code accord_dead_letters_open}) and per stage, the step that gave up
 *       ({@code accord_dead_letters_open_by_stage{stage}}, refreshed every few seconds);</li>
 *   <li>alerts raised, per type ({@code accord_alerts});</li>
 *   <li>per CRM connector ({@code program}, {@code system}): calls made ({@code accord_source_api_calls_total}) and
 *       the daily allowance as the source last reported it ({@code accord_source_api_budget_remaining},
 *       {@code accord_source_api_budget_limit}; absent until the source reports one).</li>
 * </ul>
 * Read when scraped, from the pollers' status and the Hazelcast views: nothing to keep in step.
 */
public class AccordMetrics implements MeterBinder {

    private final List<IngestPoller> ingest;
    private final List<ErpPoller> erps;
    private final DeadLetterStore deadLetters;
    private final AlertStore alerts;
    private final Clock clock;
    private final java.util.Map<String, dev.accordhub.model.source.SourceClient> connectors;
    private volatile io.micrometer.core.instrument.MultiGauge openByStage;

    public AccordMetrics(List<IngestPoller> ingest, List<ErpPoller> erps, DeadLetterStore deadLetters,
            AlertStore alerts, java.util.Map<String, dev.accordhub.model.source.SourceClient> connectors,
            Clock clock) {
        this.connectors = connectors;
        this.ingest = ingest;
        this.erps = erps;
        this.deadLetters = deadLetters;
        this.alerts = alerts;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (IngestPoller poller : ingest) {
            IngestStatus status = poller.status();
            Tags tags = Tags.of("program", status.program(), "feed", status.entity().code(),
                    "system", status.system());
            feed(registry, status, tags);
            Gauge.builder("accord.source.lag", status, this::lagSeconds).tags(tags).baseUnit("seconds")
                    .description("How far behind the source the hub may be: now minus the last complete poll").register(registry);
        }
        for (ErpPoller poller : erps) {
            IngestStatus status = poller.status();
            feed(registry, status, Tags.of("program", status.program(), "feed", "erp", "system", status.system()));
        }
        Gauge.builder("accord.dead.letters.open", deadLetters, store -> store.count(DeadLetterStore.Status.OPEN))
                .description("Dead letters waiting for an operator").register(registry);
        openByStage = io.micrometer.core.instrument.MultiGauge.builder("accord.dead.letters.open.by.stage")
                .description("Dead letters waiting for an operator, per stage that gave up (the target: "
                        + "ingest.<system>, erp.<system>, a write route...)").register(registry);
        refreshDeadLetterStages();
        connectors.forEach((program, client) -> {
            if (client instanceof dev.accordhub.model.source.SourceApiUsage usage) {
                String system = ingest.stream().map(IngestPoller::status).filter(st -> st.program().equals(program))
                        .map(IngestStatus::system).findFirst().orElse("unknown");
                Tags tags = Tags.of("program", program, "system", system);
                FunctionCounter.builder("accord.source.api.calls", usage,
                        dev.accordhub.model.source.SourceApiUsage::apiCalls).tags(tags)
                        .description("Calls the connector made to the source's API").register(registry);
                Gauge.builder("accord.source.api.budget.remaining", usage, u -> u.apiAllowance()
                        .map(a -> (double) a.remaining()).orElse(Double.NaN)).tags(tags)
                        .description("API calls left in the source's current window, as it last reported")
                        .register(registry);
                Gauge.builder("accord.source.api.budget.limit", usage, u -> u.apiAllowance()
                        .map(a -> (double) a.limit()).orElse(Double.NaN)).tags(tags)
                        .description("The source's API allowance per window, as it last reported").register(registry);
            }
        });
        for (Alert.Type type : Alert.Type.values()) {
            Gauge.builder("accord.alerts", alerts, store -> store.count(type))
                    .tag("type", type.name()).description("Alerts raised, by type").register(registry);
        }
    }

    private static void feed(MeterRegistry registry, IngestStatus status, Tags tags) {
        FunctionCounter.builder("accord.source.records", status, IngestStatus::ingested).tags(tags)
                .description("Records read from the source and delivered to Kafka").register(registry);
        FunctionCounter.builder("accord.source.dead.letters", status, IngestStatus::deadLettered).tags(tags)
                .description("Records the hub could not map").register(registry);
        FunctionCounter.builder("accord.source.failures", status, IngestStatus::failureCount).tags(tags)
                .description("Polls that failed (source down, refused)").register(registry);
        FunctionCounter.builder("accord.source.rate.limited", status, IngestStatus::rateLimitedCount).tags(tags)
                .description("Rate-limit answers from the source").register(registry);
    }

    /**
     * Re-reads the open dead letters per stage (a projection of one attribute, counted here): stages come and go,
     * so the series are rebuilt, on a timer ({@code MetricsConfiguration}).
     */
    public void refreshDeadLetterStages() {
        if (openByStage != null) {
            // Every feed's own stage is always there (0 when clean), so dashboards and alerts have a series.
            java.util.Map<String, Long> byStage = new java.util.TreeMap<>();
            ingest.forEach(p -> byStage.put("ingest." + p.status().system(), 0L));
            erps.forEach(p -> byStage.put("erp." + p.status().system(), 0L));
            byStage.putAll(deadLetters.openCountByStage());
            openByStage.register(byStage.entrySet().stream()
                    .map(e -> io.micrometer.core.instrument.MultiGauge.Row.of(Tags.of("stage", e.getKey()),
                            e.getValue()))
                    .toList(), true);
        }
    }

    private double lagSeconds(IngestStatus status) {
        Instant upTo = status.lastSuccess() != null ? status.lastSuccess() : status.watermark();
        return upTo == null ? Double.NaN : Duration.between(upTo, clock.instant()).toMillis() / 1000.0;
    }
}
