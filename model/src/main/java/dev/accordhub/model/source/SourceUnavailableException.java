package dev.accordhub.model.source;

/** A retry-able failure of a source system: 5xx, timeouts, rate limits. Fatal failures use other exceptions. */
public class SourceUnavailableException extends RuntimeException {

    public SourceUnavailableException(String message) {
        super(message);
    }

    public SourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
