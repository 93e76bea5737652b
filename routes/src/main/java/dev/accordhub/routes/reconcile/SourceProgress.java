package dev.accordhub.routes.reconcile;

import dev.accordhub.routes.reconcile.ReconciliationReport.Drift;
import dev.accordhub.routes.reconcile.ReconciliationReport.SourceReport;
import dev.accordhub.routes.reconcile.ReconciliationReport.SourceStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The counters of one source while a run reads it; the API and the dashboard read snapshots of it. */
final class SourceProgress {

    static final int MAX_SAMPLES = 20;

    final String program;
    final String system;
    final String feed;
    volatile SourceStatus status = SourceStatus.PENDING;
    volatile String error;
    final AtomicLong sourceCount = new AtomicLong();
    final AtomicLong goldenCount = new AtomicLong();
    final AtomicLong checked = new AtomicLong();
    final AtomicLong missing = new AtomicLong();
    final AtomicLong stale = new AtomicLong();
    final AtomicLong orphaned = new AtomicLong();
    final AtomicLong mismatched = new AtomicLong();
    final AtomicLong unmappable = new AtomicLong();
    final AtomicLong repaired = new AtomicLong();
    final AtomicLong apiCalls = new AtomicLong();
    final AtomicLong rateLimited = new AtomicLong();
    private final List<Drift> samples = new ArrayList<>();

    SourceProgress(String program, String system, String feed) {
        this.program = program;
        this.system = system;
        this.feed = feed;
    }

    synchronized void sample(Drift drift) {
        if (samples.size() < MAX_SAMPLES) {
            samples.add(drift);
        }
    }

    synchronized SourceReport snapshot() {
        return new SourceReport(program, system, feed, status, sourceCount.get(), goldenCount.get(), checked.get(),
                missing.get(), stale.get(), orphaned.get(), mismatched.get(), unmappable.get(), repaired.get(),
                apiCalls.get(), rateLimited.get(), error, List.copyOf(samples));
    }
}
