package dev.accordhub.portal.common;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.component.rest.RestEndpoint;
import org.apache.camel.http.common.HttpMessage;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Names a portal request in Spring's {@code http.server.requests} metric by its REST path template
 * ({@code /api/v1/partners/{id}}), as Spring MVC does for its own handlers: the portal's servlet is not Spring
 * MVC's, so without it every portal request would be counted under {@code uri="UNKNOWN"}.
 */
public final class RequestPatterns {

    /** Where the portal's servlet is mapped; the REST paths are relative to it. */
    public static final String BASE = "/api/v1";

    private RequestPatterns() {
    }

    /**
     * Names the exchange's HTTP request after the REST operation that took it; nothing outside an HTTP request.
     * Called as the request arrives ({@code interceptFrom("rest:*")} in each builder of REST operations), while the
     * exchange still holds the servlet's message.
     */
    public static void name(Exchange exchange) {
        HttpMessage message = exchange.getMessage(HttpMessage.class);
        HttpServletRequest request = message == null ? null : message.getRequest();
        String routeId = exchange.getFromRouteId();
        if (request == null || routeId == null) {
            return;
        }
        // Looked up each time, not kept by route id: ids like route7 are handed out anew by each Camel context.
        Route route = exchange.getContext().getRoute(routeId);
        if (route != null && route.getEndpoint() instanceof RestEndpoint rest) {
            String pattern = BASE + rest.getPath() + (rest.getUriTemplate() == null ? "" : rest.getUriTemplate());
            ServerHttpObservationFilter.findObservationContext(request).ifPresent(c -> c.setPathPattern(pattern));
        }
    }
}
