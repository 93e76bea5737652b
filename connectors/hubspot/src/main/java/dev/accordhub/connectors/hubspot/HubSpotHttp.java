package dev.accordhub.connectors.hubspot;

import dev.accordhub.model.source.SourceRateLimitedException;
import dev.accordhub.model.source.SourceUnavailableException;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;

/**
 * The HTTP calls of the HubSpot connector, through camel-http, with HubSpot's answers classified: 429 becomes
 * {@link SourceRateLimitedException} carrying Retry-After, 5xx and network failures {@link SourceUnavailableException}.
 */
final class HubSpotHttp {

    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private final ProducerTemplate template;
    private final String baseUrl;
    private final dev.accordhub.model.source.ApiUsageTracker usage = new dev.accordhub.model.source.ApiUsageTracker();

    HubSpotHttp(CamelContext camel, String baseUrl) {
        this.template = camel.createProducerTemplate();
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    record Answer(int status, String body) {
    }

    Answer send(String method, String path, String query, String contentType, String body,
            Map<String, String> headers) {
        usage.called();
        Exchange result = template.send(baseUrl + path + "?throwExceptionOnFailure=false", exchange -> {
            Message in = exchange.getMessage();
            in.setHeader(Exchange.HTTP_METHOD, method);
            if (contentType != null) {
                in.setHeader(Exchange.CONTENT_TYPE, contentType);
            }
            if (query != null) {
                in.setHeader(Exchange.HTTP_QUERY, query);
            }
            headers.forEach(in::setHeader);
            in.setBody(body);
        });
        if (result.getException() != null) {
            throw new SourceUnavailableException("HubSpot unreachable at " + baseUrl + ": "
                    + result.getException().getMessage(), result.getException());
        }
        Message out = result.getMessage();
        recordAllowance(out);
        int status = out.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String text = out.getBody(String.class);
        if (status == 429) {
            throw new SourceRateLimitedException("HubSpot rate limit reached: " + text,
                    retryAfter(out.getHeader("Retry-After", String.class)));
        }
        if (status >= 500) {
            throw new SourceUnavailableException("HubSpot answered " + status + " on " + path + ": " + text);
        }
        return new Answer(status, text);
    }

    dev.accordhub.model.source.ApiUsageTracker usage() {
        return usage;
    }

    /** HubSpot reports the daily allowance of private apps on every answer; OAuth apps get none. */
    private void recordAllowance(Message out) {
        try {
            String limit = out.getHeader("X-HubSpot-RateLimit-Daily", String.class);
            String remaining = out.getHeader("X-HubSpot-RateLimit-Daily-Remaining", String.class);
            if (limit != null && remaining != null) {
                long max = Long.parseLong(limit.trim());
                usage.reported(max - Long.parseLong(remaining.trim()), max, java.time.Instant.now());
            }
        } catch (NumberFormatException e) {
            // An unreadable header is no allowance: the meters show none rather than a wrong one.
        }
    }

    private static Duration retryAfter(String header) {
        try {
            return header == null ? DEFAULT_RETRY_AFTER : Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return DEFAULT_RETRY_AFTER;
        }
    }
}
