package dev.accordhub.routes.reconcile;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Spaces a run's calls to a source at most {@code callsPerSecond} apart, and waits out what the source asks. */
class Pacer {

    private final long intervalNanos;
    private long next = System.nanoTime();

    Pacer(double callsPerSecond) {
        this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / callsPerSecond);
    }

    synchronized void acquire() {
        long now = System.nanoTime();
        if (next > now) {
            pause(Duration.ofNanos(next - now));
            now = System.nanoTime();
        }
        next = Math.max(next, now) + intervalNanos;
    }

    void pause(Duration duration) {
        try {
            TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReconciliationAbortedException("the run was interrupted (hub stopping)");
        }
    }
}
