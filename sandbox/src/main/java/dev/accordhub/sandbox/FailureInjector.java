package dev.accordhub.sandbox;

import java.util.OptionalInt;

/**
 * Test hook: the next N data requests fail with a chosen status, so retry and dead-letter paths can be driven.
 * Failures planned for writes only hit creates, updates and deletes (searches sent as POST are reads).
 */
public final class FailureInjector {

    private int remaining;
    private int status;
    private boolean writesOnly;

    public synchronized void failNext(int count, int status) {
        failNext(count, status, false);
    }

    public synchronized void failNext(int count, int status, boolean writesOnly) {
        if (count < 0 || status < 400 || status > 599) {
            throw new IllegalArgumentException("count must be >= 0 and status 4xx/5xx, got " + count + "/" + status);
        }
        this.remaining = count;
        this.status = status;
        this.writesOnly = writesOnly;
    }

    /** The status to fail this request with, consuming one of the planned failures (writes-only ones skip reads). */
    public synchronized OptionalInt take(SandboxRequest request) {
        if (remaining == 0 || (writesOnly && !isWrite(request))) {
            return OptionalInt.empty();
        }
        remaining--;
        return OptionalInt.of(status);
    }

    public synchronized int remaining() {
        return remaining;
    }

    private static boolean isWrite(SandboxRequest request) {
        return !"GET".equals(request.method()) && !request.rawPath().endsWith("/search");
    }
}
