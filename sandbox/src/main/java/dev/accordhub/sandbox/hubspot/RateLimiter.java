package dev.accordhub.sandbox.hubspot;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * HubSpot's per-second limit as a rolling one-second window of accepted requests. Rolling rather than fixed:
 * N+1 requests within any second are refused, so a test causes a 429 without timing itself to a window edge.
 */
final class RateLimiter {

    /** The verdict on one request and what the {@code X-HubSpot-RateLimit-Secondly*} headers report. */
    record Decision(boolean allowed, int limit, int remaining) {
    }

    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final LongSupplier nanoTime;
    private final Deque<Long> accepted = new ArrayDeque<>();
    private int limitPerSecond;

    RateLimiter(int limitPerSecond) {
        this(limitPerSecond, System::nanoTime);
    }

    RateLimiter(int limitPerSecond, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        setLimitPerSecond(limitPerSecond);
    }

    /** 0 switches the limit off. */
    synchronized void setLimitPerSecond(int limitPerSecond) {
        if (limitPerSecond < 0) {
            throw new IllegalArgumentException("rate limit must be >= 0 (0 = unlimited), got " + limitPerSecond);
        }
        this.limitPerSecond = limitPerSecond;
    }

    synchronized int limitPerSecond() {
        return limitPerSecond;
    }

    synchronized Decision tryAcquire() {
        if (limitPerSecond == 0) {
            return new Decision(true, 0, 0);
        }
        long now = nanoTime.getAsLong();
        while (!accepted.isEmpty() && now - accepted.peekFirst() >= WINDOW_NANOS) {
            accepted.removeFirst();
        }
        if (accepted.size() >= limitPerSecond) {
            return new Decision(false, limitPerSecond, 0);
        }
        accepted.addLast(now);
        return new Decision(true, limitPerSecond, limitPerSecond - accepted.size());
    }
}
