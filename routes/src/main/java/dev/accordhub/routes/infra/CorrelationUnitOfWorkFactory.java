package dev.accordhub.routes.infra;

import dev.accordhub.routes.Topics;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.impl.engine.MDCUnitOfWork;
import org.apache.camel.spi.InflightRepository;
import org.apache.camel.spi.UnitOfWork;
import org.apache.camel.spi.UnitOfWorkFactory;
import org.slf4j.MDC;

/**
 * Camel's MDC logging ({@code camel.main.use-mdc-logging}) plus our correlation id: the message header
 * {@link Topics#CORRELATION_HEADER}, which a change carries through Kafka and Artemis, goes into the MDC for as long
 * as the exchange runs, so every log line about it (the route's and our beans') says which change it is. Camel
 * prepares the MDC again before every step, on whatever thread the step runs, and so is the correlation id; when the
 * exchange is done, the thread's MDC gets back the value it had before. Camel picks this factory up from the
 * registry.
 *
 * <p>Camel's own way to carry extra keys ({@code camel.main.mdc-logging-keys-pattern}) is not used: at every step
 * of every exchange it copies the whole MDC and matches each key against the pattern, which came to a tenth of what
 * consolidating a change cost.
 *
 * <p>Requests to the portal API (exchanges of the {@linkplain #REQUEST_SCHEME servlet consumer}) get a lighter
 * unit of work, {@link RequestUnitOfWork}: the same MDC keys, but set once on the request's thread instead of before
 * and after every step, and no copy of the incoming message kept for {@code useOriginalMessage} (the portal's routes
 * answer their errors to the caller; none sends to a dead letter). Camel's MDC work and that copy were a tenth of
 * the CPU a portal read took.
 */
public class CorrelationUnitOfWorkFactory implements UnitOfWorkFactory {

    /** The consumer whose exchanges are requests, answered on the thread that took them: the portal API's. */
    static final String REQUEST_SCHEME = "servlet:";

    private InflightRepository inflight;
    private boolean allowUseOriginalMessage;
    private boolean useBreadcrumb;

    @Override
    public void afterPropertiesConfigured(CamelContext camel) {
        inflight = camel.getInflightRepository();
        allowUseOriginalMessage = Boolean.TRUE.equals(camel.isAllowUseOriginalMessage());
        useBreadcrumb = Boolean.TRUE.equals(camel.isUseBreadcrumb());
    }

    @Override
    public UnitOfWork createUnitOfWork(Exchange exchange) {
        if (isRequest(exchange.getFromEndpoint())) {
            return new RequestUnitOfWork(exchange, inflight, useBreadcrumb);
        }
        return new CorrelatedUnitOfWork(exchange, this);
    }

    private static boolean isRequest(Endpoint from) {
        return from != null && from.getEndpointUri().startsWith(REQUEST_SCHEME);
    }

    private static final class CorrelatedUnitOfWork extends MDCUnitOfWork {

        private final CorrelationUnitOfWorkFactory factory;
        // Set by prepareMDC, which the super constructor calls first: no initialisers here, they would run after it.
        private boolean prepared;
        private String originalCorrelation;

        CorrelatedUnitOfWork(Exchange exchange, CorrelationUnitOfWorkFactory factory) {
            super(exchange, factory.inflight, null, factory.allowUseOriginalMessage, factory.useBreadcrumb);
            this.factory = factory;
        }

        /** At the start and before every step. */
        @Override
        protected void prepareMDC(Exchange exchange) {
            super.prepareMDC(exchange);
            if (!prepared) {
                originalCorrelation = MDC.get(Topics.CORRELATION_HEADER);
                prepared = true;
            }
            Object correlation = exchange.getMessage().getHeader(Topics.CORRELATION_HEADER);
            if (correlation != null) {
                MDC.put(Topics.CORRELATION_HEADER, correlation.toString());
            }
        }

        /** When the exchange is done: Camel's keys, and ours, back to what the thread had. */
        @Override
        public void clear() {
            super.clear();
            if (originalCorrelation == null) {
                MDC.remove(Topics.CORRELATION_HEADER);
            } else {
                MDC.put(Topics.CORRELATION_HEADER, originalCorrelation);
            }
        }

        @Override
        public UnitOfWork newInstance(Exchange exchange) {
            return new CorrelatedUnitOfWork(exchange, factory);
        }
    }
}
