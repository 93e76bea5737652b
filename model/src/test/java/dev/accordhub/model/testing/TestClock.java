package dev.accordhub.model.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test drives: it stands still until {@link #advance moved}, or ({@link #ticking}) moves one step at every
 * read, so each timestamp taken is distinct and later than the last. Shared with the other modules' tests through
 * this module's test jar.
 */
public final class TestClock extends Clock {

    private final Duration step;
    private Instant now;

    private TestClock(Instant start, Duration step) {
        this.now = start;
        this.step = step;
    }

    /** Stands at {@code start} until moved. */
    public static TestClock at(Instant start) {
        return new TestClock(start, Duration.ZERO);
    }

    /** Reads {@code start + step} first, then one step later at every read. */
    public static TestClock ticking(Instant start, Duration step) {
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("A ticking clock needs a positive step, not " + step);
        }
        return new TestClock(start, step);
    }

    public synchronized void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public synchronized Instant instant() {
        now = now.plus(step);
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
