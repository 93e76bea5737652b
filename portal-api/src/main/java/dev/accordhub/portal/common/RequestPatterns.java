package dev.accordhub.portal.common;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    /** Route id → its path template; "" for a route that is not a REST operation. */
    private static final Map<String, String> PATTERNS = new ConcurrentHashMap<>();

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
        String pattern = PATTERNS.computeIfAbsent(routeId, id -> {
            Route route = exchange.getContext().getRoute(id);
            if (route != null && route.getEndpoint() instanceof RestEndpoint rest) {
                return BASE + rest.getPath() + (rest.getUriTemplate() == null ? "" : rest.getUriTemplate());
            }
            return "";
        });
        if (!pattern.isEmpty()) {
            ServerHttpObservationFilter.findObservationContext(request).ifPresent(c -> c.setPathPattern(pattern));
        }
    }
}
