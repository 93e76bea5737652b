package dev.accordhub.connectors.salesforce;

import dev.accordhub.model.source.SourceUnavailableException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.component.salesforce.api.dto.RestError;

/**
 * Sorts Salesforce failures into retry-able ({@link SourceUnavailableException}: 5xx, API limit exceeded, network)
 * and fatal (bad query, bad credentials, missing permission), which need a person.
 */
public final class SalesforceErrorClassifier {

    private SalesforceErrorClassifier() {
    }

    public static RuntimeException classify(Throwable failure) {
        if (failure instanceof SalesforceException sf) {
            boolean limit = sf.getErrors() != null && sf.getErrors().stream()
                    .map(RestError::getErrorCode).anyMatch("REQUEST_LIMIT_EXCEEDED"::equals);
            if (sf.getStatusCode() >= 500 || sf.getStatusCode() == 429 || limit) {
                return new SourceUnavailableException("Salesforce answered " + sf.getStatusCode() + ": "
                        + sf.getMessage(), sf);
            }
            if (sf.getStatusCode() == 0 && isNetwork(sf.getCause())) {
                return new SourceUnavailableException("Salesforce unreachable: " + sf.getMessage(), sf);
            }
            return new IllegalStateException("Salesforce refused the call (" + sf.getStatusCode() + "): "
                    + sf.getMessage(), sf);
        }
        if (isNetwork(failure)) {
            return new SourceUnavailableException("Salesforce unreachable: " + failure.getMessage(), failure);
        }
        return failure instanceof RuntimeException re ? re : new IllegalStateException(failure.getMessage(), failure);
    }

    private static boolean isNetwork(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IOException || c instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
