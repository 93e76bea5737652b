package dev.accordhub.connectors.erp.odata;

import java.util.Optional;
import org.apache.http.Header;
import org.apache.http.HttpResponse;
import org.apache.http.HttpResponseInterceptor;
import org.apache.http.StatusLine;
import org.apache.http.impl.nio.client.HttpAsyncClientBuilder;

/**
 * Keeps a 429 visible through camel-olingo4 4.17. Olingo's {@code HttpStatusCode} has no 429, so the component's
 * status check fails with a NullPointerException and the answer is lost. This response interceptor on the
 * component's HTTP client turns a 429 into a 503 whose reason phrase keeps the original status and Retry-After;
 * {@link ODataErpErrorClassifier} reads it back as a rate limit.
 */
final class ODataErpThrottleAdapter {

    static final String MARKER = "Too Many Requests; Retry-After=";

    private ODataErpThrottleAdapter() {
    }

    static HttpAsyncClientBuilder httpClientBuilder() {
        return HttpAsyncClientBuilder.create().useSystemProperties().addInterceptorLast(throttleInterceptor());
    }

    static HttpResponseInterceptor throttleInterceptor() {
        return (HttpResponse response, org.apache.http.protocol.HttpContext context) -> {
            if (response.getStatusLine().getStatusCode() == 429) {
                Header retryAfter = response.getFirstHeader("Retry-After");
                response.setStatusCode(503);
                response.setReasonPhrase(MARKER + (retryAfter == null ? "" : retryAfter.getValue().trim()));
            }
        };
    }

    /** The Retry-After of a 429 the interceptor rewrote, in seconds as the server sent it ("" when it sent none). */
    static Optional<String> throttledRetryAfter(StatusLine status) {
        String reason = status.getReasonPhrase();
        if (status.getStatusCode() == 503 && reason != null && reason.startsWith(MARKER)) {
            return Optional.of(reason.substring(MARKER.length()));
        }
        return Optional.empty();
    }
}
