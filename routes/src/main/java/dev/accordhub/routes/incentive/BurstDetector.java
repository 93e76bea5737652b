package dev.accordhub.routes.incentive;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * Bulk nomination: a partner submitting far more than it usually does. Counts the submissions in the window ending
 * at the newest one, and compares with the partner's own average per window over the baseline period before it.
 * A partner without history is held to the minimum alone, so a first busy day of a new partner is not a burst
 * until it reaches that.
 */
public class BurstDetector {

    /** What was found: the count in the window, the baseline average per window, and the window's bucket. */
    public record Burst(long recent, double baselinePerWindow, long bucket) {
    }

    private final Duration window;
    private final Duration baseline;
    private final double factor;
    private final int minimum;

    public BurstDetector(IntegrityProperties properties) {
        this.window = properties.bulkWindow();
        this.baseline = properties.bulkBaseline();
        this.factor = properties.bulkFactor();
        this.minimum = properties.bulkMinimum();
    }

    /** Whether the submission at {@code now} makes a burst, given the partner's submission times (it included). */
    public Optional<Burst> check(Collection<Instant> submissions, Instant now) {
        Instant windowStart = now.minus(window);
        Instant baselineStart = windowStart.minus(baseline);
        long recent = submissions.stream().filter(t -> t.isAfter(windowStart) && !t.isAfter(now)).count();
        long before = submissions.stream().filter(t -> t.isAfter(baselineStart) && !t.isAfter(windowStart)).count();
        double windows = (double) baseline.toMillis() / window.toMillis();
        double perWindow = before / windows;
        if (recent >= minimum && recent >= factor * perWindow) {
            return Optional.of(new Burst(recent, perWindow, now.toEpochMilli() / window.toMillis()));
        }
        return Optional.empty();
    }

    public Duration window() {
        return window;
    }
}
