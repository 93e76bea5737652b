package dev.accordhub.portal.ops;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * The last error of each Camel route, for the ops overview: Camel's meters count failures but keep no message.
 * Listens to failed exchanges and to failures an error handler dealt with (a dead letter, a problem answer) only;
 * every other event is switched off, so the routes pay nothing for it on the happy path.
 */
public class RouteFailures extends EventNotifierSupport {

    /** What went wrong last in a route, and when. */
    public record LastError(String message, Instant at) {
    }

    private static final int MAX_MESSAGE = 300;

    private final Map<String, LastError> last = new ConcurrentHashMap<>();
    private final Clock clock;

    public RouteFailures(Clock clock) {
        this.clock = clock;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreStepEvents(true);
    }

    public Optional<LastError> of(String routeId) {
        return Optional.ofNullable(last.get(routeId));
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeFailedEvent || event instanceof CamelEvent.ExchangeFailureHandledEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((CamelEvent.ExchangeEvent) event).getExchange();
        Throwable cause = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, Throwable.class);
        String route = exchange.getProperty(ExchangePropertyKey.FAILURE_ROUTE_ID, String.class);
        if (route == null) {
            route = exchange.getFromRouteId();
        }
        if (route != null) {
            last.put(route, new LastError(describe(cause), clock.instant()));
        }
    }

    static String describe(Throwable cause) {
        if (cause == null) {
            return "failed (no exception recorded)";
        }
        String text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE - 1) + "…";
    }
}
