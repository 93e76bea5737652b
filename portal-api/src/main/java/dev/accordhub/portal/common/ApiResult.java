package dev.accordhub.portal.common;

import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** An HTTP answer of the portal API: status, media type, a ready JSON body and any response headers of its own. */
public record ApiResult(int status, String contentType, String body, Map<String, String> headers) {

    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    public ApiResult {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public ApiResult(int status, String contentType, String body) {
        this(status, contentType, body, Map.of());
    }

    public static ApiResult ok(String json) {
        return new ApiResult(200, JSON, json);
    }

    public ApiResult withHeader(String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(headers);
        more.put(name, value);
        return new ApiResult(status, contentType, body, more);
    }

    /** Writes the answer onto the exchange, dropping request headers the HTTP binding would echo back. */
    public void writeTo(Exchange exchange) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, contentType);
        headers.forEach(message::setHeader);
        message.setBody(body);
    }
}
