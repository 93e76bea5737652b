package dev.accordhub.routes.metrics;

import dev.accordhub.model.EntityType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Source change → golden model: from the source's own stamp of a change to the moment consolidation applied it
 * ({@code accord_source_to_golden_seconds}, a histogram per program and entity, with buckets for the 250 ms target).
 * A change older than the live window when applied is a backfill or a catch-up after an outage, not latency: it is
 * counted in {@code accord_source_to_golden_backfill_total} instead, so a restart does not drown the histogram.
 */
public class ChangeLatency {

    private final MeterRegistry registry;
    private final Duration liveWindow;
    private final Clock clock;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> backfill = new ConcurrentHashMap<>();

    public ChangeLatency(MeterRegistry registry, Duration liveWindow, Clock clock) {
        this.registry = registry;
        this.liveWindow = liveWindow;
        this.clock = clock;
    }

    /** Registers the series of a program's object up front, so they exist (empty) before its first change. */
    public ChangeLatency expect(String program, EntityType entity) {
        timer(program, entity);
        backfill(program, entity);
        return this;
    }

    public void applied(String program, EntityType entity, Instant sourceStamp) {
        if (sourceStamp == null) {
            return;
        }
        Duration latency = Duration.between(sourceStamp, clock.instant());
        if (latency.compareTo(liveWindow) > 0) {
            backfill(program, entity).increment();
            return;
        }
        timer(program, entity).record(latency.isNegative() ? Duration.ZERO : latency);
    }

    private Timer timer(String program, EntityType entity) {
        return timers.computeIfAbsent(program + ':' + entity.code(), k -> Timer.builder("accord.source.to.golden")
                .tags("program", program, "entity", entity.code())
                .description("From a change's source stamp to the golden model holding it")
                .publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofSeconds(2))
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(liveWindow)
                .register(registry));
    }

    private Counter backfill(String program, EntityType entity) {
        return backfill.computeIfAbsent(program + ':' + entity.code(), k -> Counter.builder(
                        "accord.source.to.golden.backfill")
                .tags("program", program, "entity", entity.code())
                .description("Changes applied longer after their source stamp than the live window")
                .register(registry));
    }
}
