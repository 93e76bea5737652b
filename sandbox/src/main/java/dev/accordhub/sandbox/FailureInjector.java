package dev.accordhub.sandbox;

import java.util.OptionalInt;

/** Test hook: the next N data requests fail with a chosen status, so retry and dead-letter paths can be driven. */
public final class FailureInjector {

    private int remaining;
    private int status;

    public synchronized void failNext(int count, int status) {
        if (count < 0 || status < 400 || status > 599) {
            throw new IllegalArgumentException("count must be >= 0 and status 4xx/5xx, got " + count + "/" + status);
        }
        this.remaining = count;
        this.status = status;
    }

    /** The status to fail this request with, consuming one of the planned failures. */
    public synchronized OptionalInt take() {
        if (remaining == 0) {
            return OptionalInt.empty();
        }
        remaining--;
        return OptionalInt.of(status);
    }

    public synchronized int remaining() {
        return remaining;
    }
}
