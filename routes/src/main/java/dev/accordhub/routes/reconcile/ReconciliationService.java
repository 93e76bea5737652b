package dev.accordhub.routes.reconcile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.map.IMap;
import dev.accordhub.routes.reconcile.ReconciliationReport.SourceReport;
import dev.accordhub.routes.reconcile.ReconciliationReport.SourceStatus;
import dev.accordhub.routes.reconcile.ReconciliationReport.Status;
import dev.accordhub.routes.reconcile.ReconciliationReport.Totals;
import dev.accordhub.routes.reconcile.ReconciliationReport.Trigger;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs reconciliation, one run at a time, on a thread of its own: every source in turn, a failed source noted and
 * the next one read. The run in progress is readable at any moment; finished reports are kept in the Hazelcast
 * map {@code reconciliation-runs} (the last {@code keep-runs}).
 */
public class ReconciliationService implements AutoCloseable {

    public static final String RUNS = "reconciliation-runs";
    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationService.class);

    private final List<Reconciler> sources;
    private final IMap<String, HazelcastJsonValue> runs;
    private final ObjectMapper json;
    private final ReconciliationProperties properties;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "accord-reconciliation");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Run> current = new AtomicReference<>();
    /** The newest finished run, kept at hand: meters read it on every scrape. */
    private volatile ReconciliationReport lastFinished;

    ReconciliationService(List<Reconciler> sources, HazelcastInstance hazelcast, ObjectMapper json,
            ReconciliationProperties properties, Clock clock) {
        this.sources = List.copyOf(sources);
        this.runs = hazelcast.getMap(RUNS);
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts a run unless one is in progress (empty then: see {@link #current()}). */
    public synchronized Optional<ReconciliationReport> start(Trigger trigger) {
        if (current.get() != null) {
            return Optional.empty();
        }
        Run run = new Run(UUID.randomUUID().toString(), trigger, clock.instant(), sources.stream()
                .map(s -> new SourceProgress(s.program(), s.system(), s.feed())).toList());
        current.set(run);
        LOG.info("Reconciliation {} started ({}), {} source(s)", run.id, trigger, sources.size());
        worker.execute(() -> execute(run));
        return Optional.of(run.snapshot(null, Status.RUNNING));
    }

    /** The run in progress, with its counters as they are now. */
    public Optional<ReconciliationReport> current() {
        Run run = current.get();
        return run == null ? Optional.empty() : Optional.of(run.snapshot(null, Status.RUNNING));
    }

    /** The newest finished run. */
    public Optional<ReconciliationReport> last() {
        ReconciliationReport known = lastFinished;
        return known != null ? Optional.of(known) : history().stream().findFirst();
    }

    /** Finished runs, newest first. */
    public List<ReconciliationReport> history() {
        return runs.values().stream().map(v -> read(v.getValue()))
                .sorted(Comparator.comparing(ReconciliationReport::startedAt).reversed()).toList();
    }

    public ReconciliationProperties properties() {
        return properties;
    }

    private void execute(Run run) {
        ReconciliationReport finished;
        try {
            for (int i = 0; i < sources.size(); i++) {
                Reconciler source = sources.get(i);
                SourceProgress progress = run.progress.get(i);
                try {
                    source.run(progress, run.startedAt);
                } catch (RuntimeException e) {
                    progress.status = SourceStatus.FAILED;
                    progress.error = e.getMessage();
                    LOG.warn("Reconciliation {}: {}:{} not reconciled: {}", run.id, source.program(),
                            source.feed(), e.getMessage());
                }
            }
        } finally {
            boolean failed = run.progress.stream().anyMatch(p -> p.status != SourceStatus.DONE);
            finished = run.snapshot(clock.instant(), failed ? Status.FAILED : Status.COMPLETED);
            keep(finished);
            current.set(null);
        }
        LOG.info("Reconciliation {} {}: {} record(s) checked, {} drifted, {} repaired", run.id,
                finished.status().name().toLowerCase(java.util.Locale.ROOT), finished.totals().checked(),
                finished.totals().drift(), finished.totals().repaired());
    }

    private void keep(ReconciliationReport report) {
        runs.set(report.id(), new HazelcastJsonValue(write(report)));
        lastFinished = report;
        List<ReconciliationReport> all = history();
        for (ReconciliationReport old : all.subList(Math.min(all.size(), properties.keepRuns()), all.size())) {
            runs.delete(old.id());
        }
    }

    private String write(ReconciliationReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the reconciliation report", e);
        }
    }

    private ReconciliationReport read(String text) {
        try {
            return json.readValue(text, ReconciliationReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt reconciliation report in Hazelcast: " + text, e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    private record Run(String id, Trigger trigger, Instant startedAt, List<SourceProgress> progress) {

        ReconciliationReport snapshot(Instant finishedAt, Status status) {
            List<SourceReport> reports = progress.stream().map(SourceProgress::snapshot).toList();
            return new ReconciliationReport(id, trigger, startedAt, finishedAt, status, reports, Totals.of(reports));
        }
    }
}
