package dev.accordhub.sandbox.erp;

import java.time.Duration;
import java.util.Objects;

/**
 * How long an ERP sandbox's finance team takes: a request or claim is decided {@code decision} after it arrives, an
 * approved claim is paid {@code payout} after its approval. Zero means at the next run of the process, which runs
 * every {@code tick}.
 */
public record ErpProcessTiming(Duration decision, Duration payout, Duration tick) {

    public static final ErpProcessTiming DEMO = new ErpProcessTiming(Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofMillis(200));
    public static final ErpProcessTiming FAST = new ErpProcessTiming(Duration.ZERO, Duration.ZERO,
            Duration.ofMillis(50));

    public ErpProcessTiming {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(payout, "payout");
        Objects.requireNonNull(tick, "tick");
        if (decision.isNegative() || payout.isNegative() || tick.isZero() || tick.isNegative()) {
            throw new IllegalArgumentException("ERP process delays must be >= 0 and its tick > 0");
        }
    }
}
