package dev.accordhub.portal.common;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** An HTTP answer of the portal API: status, media type and a ready JSON body. */
public record ApiResult(int status, String contentType, String body) {

    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    public static ApiResult ok(String json) {
        return new ApiResult(200, JSON, json);
    }

    /** Writes the answer onto the exchange, dropping request headers that platform-http would echo back. */
    public void writeTo(Exchange exchange) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, contentType);
        message.setBody(body);
    }
}
