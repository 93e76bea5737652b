package dev.accordhub.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Hands out write timestamps in millisecond precision that only ever move forward, one millisecond at least per
 * call: a consumer polling {@code SystemModstamp > last} must see every write, even two in the same millisecond.
 */
public final class SandboxClock {

    private final Clock clock;
    private Instant last = Instant.EPOCH;

    public SandboxClock() {
        this(Clock.systemUTC());
    }

    public SandboxClock(Clock clock) {
        this.clock = clock;
    }

    public synchronized Instant next() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        last = now.isAfter(last) ? now : last.plusMillis(1);
        return last;
    }

    /** Seeded data may carry stamps close to now; later writes must still land after them. */
    public synchronized void notBefore(Instant seen) {
        Instant millis = seen.truncatedTo(ChronoUnit.MILLIS);
        if (millis.isAfter(last)) {
            last = millis;
        }
    }
}
