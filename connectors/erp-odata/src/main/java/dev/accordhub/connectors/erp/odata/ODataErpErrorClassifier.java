package dev.accordhub.connectors.erp.odata;

import dev.accordhub.model.incentive.ErpRejectedException;
import dev.accordhub.model.source.SourceRateLimitedException;
import dev.accordhub.model.source.SourceUnavailableException;
import java.time.Duration;
import java.util.Optional;
import org.apache.http.Header;
import org.apache.olingo.client.api.communication.ODataClientErrorException;

/**
 * Sorts what camel-olingo4 throws into what the hub does next: connection failures, timeouts and 5xx are
 * {@link SourceUnavailableException} (retry later); 429 is {@link SourceRateLimitedException} with Retry-After;
 * 401 means the token is stale (the client fetches a new one once); any other 4xx is {@link ErpRejectedException}
 * carrying the ERP's own message, since sending the same document again cannot help.
 */
public final class ODataErpErrorClassifier {

    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private ODataErpErrorClassifier() {
    }

    /** The HTTP status the ERP answered, when the failure is an answer at all (not a refused connection). */
    public static Optional<Integer> status(Throwable failure) {
        return odataError(failure).map(e -> e.getStatusLine().getStatusCode());
    }

    public static boolean isUnauthorized(Throwable failure) {
        return status(failure).filter(s -> s == 401).isPresent();
    }

    /** 409: the ERP already has a document with this key. */
    public static boolean isConflict(Throwable failure) {
        return status(failure).filter(s -> s == 409).isPresent();
    }

    /** The exception the hub should see for this failure of {@code operation} (e.g. "read MdfClaims"). */
    public static RuntimeException classify(Throwable failure, String operation) {
        if (failure instanceof SourceUnavailableException || failure instanceof ErpRejectedException) {
            return (RuntimeException) failure;
        }
        Optional<ODataClientErrorException> answer = odataError(failure);
        if (answer.isEmpty()) {
            // No HTTP answer we can read: a refused connection, a timeout, or an error page that is not OData.
            return new SourceUnavailableException("ERP unreachable on " + operation + ": " + describe(failure),
                    failure);
        }
        int status = answer.get().getStatusLine().getStatusCode();
        String message = message(answer.get());
        if (status == 429) {
            return new SourceRateLimitedException("ERP throttled " + operation + ": " + message,
                    retryAfter(answer.get()));
        }
        Optional<String> rewritten = ODataErpThrottleAdapter.throttledRetryAfter(answer.get().getStatusLine());
        if (rewritten.isPresent()) {
            return new SourceRateLimitedException("ERP throttled " + operation + " (429): " + message,
                    seconds(rewritten.get()));
        }
        if (status >= 500 || status == 401 || status == 408) {
            return new SourceUnavailableException("ERP answered " + status + " on " + operation + ": " + message,
                    answer.get());
        }
        return new ErpRejectedException("ERP refused " + operation + " (" + status + "): " + message, answer.get());
    }

    private static Optional<ODataClientErrorException> odataError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ODataClientErrorException e && e.getStatusLine() != null) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static String message(ODataClientErrorException e) {
        if (e.getODataError() != null && e.getODataError().getMessage() != null) {
            return e.getODataError().getMessage();
        }
        return e.getStatusLine().getReasonPhrase();
    }

    private static Duration retryAfter(ODataClientErrorException e) {
        // camel-olingo4 does not hand the answer's headers on; a server's Retry-After is used when they are there.
        Header[] headers = e.getHeaderInfo();
        if (headers != null) {
            for (Header header : headers) {
                if (header.getName().equalsIgnoreCase("Retry-After")) {
                    return seconds(header.getValue());
                }
            }
        }
        return DEFAULT_RETRY_AFTER;
    }

    /** Retry-After in seconds; an HTTP date or nothing falls back to one second. */
    private static Duration seconds(String value) {
        try {
            return Duration.ofSeconds(Math.max(Long.parseLong(value.trim()), 0));
        } catch (NumberFormatException e) {
            return DEFAULT_RETRY_AFTER;
        }
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? String.valueOf(failure) : failure.getMessage() + " (" + root + ")";
    }
}
