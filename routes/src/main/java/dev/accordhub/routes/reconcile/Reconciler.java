package dev.accordhub.routes.reconcile;

import dev.accordhub.model.source.SourceApiUsage;
import dev.accordhub.model.source.SourceRateLimitedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * One source a reconciliation run compares with what the hub holds: its calls go through {@link #call}, paced,
 * within the source's reported API budget, waiting out rate limits and brief outages.
 */
abstract class Reconciler {

    private static final int MAX_FAILURES = 3;
    /** An allowance read longer ago says little (daily windows reset): the next call reads a fresh one. */
    private static final Duration BUDGET_READING_MAX_AGE = Duration.ofMinutes(10);

    protected final ReconciliationProperties properties;
    protected final Clock clock;
    private final Object client;
    private final Pacer pacer;

    Reconciler(Object client, ReconciliationProperties properties, Pacer pacer, Clock clock) {
        this.client = client;
        this.properties = properties;
        this.pacer = pacer;
        this.clock = clock;
    }

    abstract String program();

    abstract String system();

    abstract String feed();

    /** Reads the whole source, counting into {@code progress}; throws to give the source up. */
    abstract void run(SourceProgress progress, Instant runStarted);

    protected <T> T call(SourceProgress progress, Supplier<T> request) {
        Duration waited = Duration.ZERO;
        int failures = 0;
        while (true) {
            checkBudget();
            pacer.acquire();
            progress.apiCalls.incrementAndGet();
            try {
                return request.get();
            } catch (SourceRateLimitedException e) {
                progress.rateLimited.incrementAndGet();
                waited = waited.plus(e.retryAfter());
                if (waited.compareTo(properties.maxRateLimitWait()) > 0) {
                    throw new ReconciliationAbortedException("rate limited by the source for more than "
                            + properties.maxRateLimitWait().toSeconds() + " s in all: " + e.getMessage());
                }
                pacer.pause(e.retryAfter());
            } catch (RuntimeException e) {
                if (++failures >= MAX_FAILURES) {
                    throw new ReconciliationAbortedException("the source failed " + failures + " times in a row: "
                            + e.getMessage());
                }
                pacer.pause(Duration.ofSeconds(1L << failures));
            }
        }
    }

    private void checkBudget() {
        if (client instanceof SourceApiUsage usage) {
            usage.apiAllowance().filter(a -> a.at().isAfter(clock.instant().minus(BUDGET_READING_MAX_AGE)))
                    .filter(a -> a.remainingShare() < properties.minRemainingBudget()).ifPresent(a -> {
                        throw new ReconciliationAbortedException(String.format(
                                "stopped to save the source's API budget: %d of %d calls left (under %.0f%%)",
                                a.remaining(), a.limit(), properties.minRemainingBudget() * 100));
                    });
        }
    }
}
