package dev.accordhub.routes.infra;

import dev.accordhub.routes.Topics;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.impl.engine.DefaultUnitOfWork;
import org.apache.camel.impl.engine.MDCUnitOfWork;
import org.apache.camel.spi.InflightRepository;
import org.apache.camel.spi.UnitOfWork;
import org.slf4j.MDC;

/**
 * A request's unit of work. It puts Camel's MDC keys (exchange, message, context and route id, breadcrumb and
 * Camel correlation id when there are) and our correlation id on the thread that created it, once, and gives
 * that thread its previous values back when the exchange is done. A step that runs on another thread (an
 * asynchronous component) gets the keys there for as long as it runs, as with {@link MDCUnitOfWork}. Steps on
 * the request's own thread cost nothing: nothing on that thread can have changed the keys in between but a nested
 * exchange, whose own unit of work gives them back when it is done.
 *
 * <p>Unlike {@link MDCUnitOfWork}, a correlation header set by a step does not reach the MDC; the portal's routes
 * set none.
 */
final class RequestUnitOfWork extends DefaultUnitOfWork {

    private static final String[] KEYS = {MDC_EXCHANGE_ID, MDC_MESSAGE_ID, MDC_CAMEL_CONTEXT_ID, MDC_ROUTE_ID,
            MDC_BREADCRUMB_ID, MDC_CORRELATION_ID, Topics.CORRELATION_HEADER};
    /** Where the route id is in {@link #KEYS}: the one key that changes while the exchange runs. */
    private static final int ROUTE = 3;

    private final InflightRepository inflight;
    private final boolean useBreadcrumb;
    private final Thread owner;
    private final String[] original = new String[KEYS.length];
    /** This exchange's value of each of {@link #KEYS}, null where it has none. */
    private final String[] values;

    RequestUnitOfWork(Exchange exchange, InflightRepository inflight, boolean useBreadcrumb) {
        super(exchange, inflight, false, useBreadcrumb);
        this.inflight = inflight;
        this.useBreadcrumb = useBreadcrumb;
        owner = Thread.currentThread();
        Object correlation = exchange.getMessage().getHeader(Topics.CORRELATION_HEADER);
        values = new String[] {exchange.getExchangeId(), exchange.getMessage().getMessageId(),
                exchange.getContext().getName(), null /* the route: pushRoute */,
                exchange.getIn().getHeader(Exchange.BREADCRUMB_ID, String.class),
                exchange.getProperty(ExchangePropertyKey.CORRELATION_ID, String.class),
                correlation == null ? null : correlation.toString()};
        for (int i = 0; i < KEYS.length; i++) {
            original[i] = MDC.get(KEYS[i]);
        }
        put();
    }

    private void put() {
        for (int i = 0; i < KEYS.length; i++) {
            if (values[i] != null) {
                MDC.put(KEYS[i], values[i]);
            }
        }
    }

    /** On the request's thread: the values it had before. On any other: none of ours. */
    private void clear() {
        boolean home = Thread.currentThread() == owner;
        for (int i = 0; i < KEYS.length; i++) {
            if (home && original[i] != null) {
                MDC.put(KEYS[i], original[i]);
            } else if (values[i] != null || home) {
                MDC.remove(KEYS[i]);
            }
        }
    }

    @Override
    public void pushRoute(Route route) {
        super.pushRoute(route);
        routeId(route);
    }

    @Override
    public Route popRoute() {
        Route popped = super.popRoute();
        routeId(getRoute());
        return popped;
    }

    private void routeId(Route route) {
        values[ROUTE] = route == null ? null : route.getRouteId();
        if (values[ROUTE] != null) {
            MDC.put(MDC_ROUTE_ID, values[ROUTE]);
        } else {
            MDC.remove(MDC_ROUTE_ID);
        }
    }

    @Override
    public boolean isBeforeAfterProcess() {
        return true;
    }

    @Override
    public AsyncCallback beforeProcess(Processor processor, Exchange exchange, AsyncCallback callback) {
        if (Thread.currentThread() == owner) {
            return callback;
        }
        put();
        // Cleared when the step is done, in place of afterProcess (which only DefaultUnitOfWork's own callback calls).
        return doneSync -> {
            try {
                callback.done(doneSync);
            } finally {
                if (Thread.currentThread() != owner) {
                    clear();
                }
            }
        };
    }

    @Override
    public void done(Exchange exchange) {
        super.done(exchange);
        clear();
    }

    @Override
    public void reset() {
        super.reset();
        clear();
    }

    @Override
    public UnitOfWork createChildUnitOfWork(Exchange childExchange) {
        UnitOfWork child = new RequestUnitOfWork(childExchange, inflight, useBreadcrumb);
        child.setParentUnitOfWork(this);
        return child;
    }

    @Override
    public String toString() {
        return "RequestUnitOfWork";
    }
}
