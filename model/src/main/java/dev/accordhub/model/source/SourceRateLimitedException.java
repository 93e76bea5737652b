package dev.accordhub.model.source;

import java.time.Duration;

/** The source refused the call for exceeding its request rate; retry no sooner than {@link #retryAfter()}. */
public class SourceRateLimitedException extends SourceUnavailableException {

    private final Duration retryAfter;

    public SourceRateLimitedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
