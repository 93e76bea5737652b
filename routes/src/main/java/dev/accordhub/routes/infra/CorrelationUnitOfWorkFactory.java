package dev.accordhub.routes.infra;

import dev.accordhub.routes.Topics;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.engine.MDCUnitOfWork;
import org.apache.camel.spi.InflightRepository;
import org.apache.camel.spi.UnitOfWork;
import org.apache.camel.spi.UnitOfWorkFactory;
import org.slf4j.MDC;

/**
 * Camel's MDC logging ({@code camel.main.use-mdc-logging}) plus our correlation id: the message header
 * {@link Topics#CORRELATION_HEADER}, which a change carries through Kafka and Artemis, goes into the MDC for as long
 * as the exchange runs, so every log line about it (the route's and our beans') says which change it is. With
 * {@code camel.main.mdc-logging-keys-pattern} naming the header, Camel carries it across asynchronous hops and
 * clears it when the exchange is done. Camel picks this factory up from the registry.
 */
public class CorrelationUnitOfWorkFactory implements UnitOfWorkFactory {

    private InflightRepository inflight;
    private String pattern;
    private boolean allowUseOriginalMessage;
    private boolean useBreadcrumb;

    @Override
    public void afterPropertiesConfigured(CamelContext camel) {
        inflight = camel.getInflightRepository();
        pattern = camel.getMDCLoggingKeysPattern() != null ? camel.getMDCLoggingKeysPattern()
                : Topics.CORRELATION_HEADER;
        allowUseOriginalMessage = Boolean.TRUE.equals(camel.isAllowUseOriginalMessage());
        useBreadcrumb = Boolean.TRUE.equals(camel.isUseBreadcrumb());
    }

    @Override
    public UnitOfWork createUnitOfWork(Exchange exchange) {
        return new CorrelatedUnitOfWork(exchange, this);
    }

    private static final class CorrelatedUnitOfWork extends MDCUnitOfWork {

        private final CorrelationUnitOfWorkFactory factory;

        CorrelatedUnitOfWork(Exchange exchange, CorrelationUnitOfWorkFactory factory) {
            super(exchange, factory.inflight, factory.pattern, factory.allowUseOriginalMessage, factory.useBreadcrumb);
            this.factory = factory;
        }

        @Override
        protected void prepareMDC(Exchange exchange) {
            super.prepareMDC(exchange);
            Object correlation = exchange.getMessage().getHeader(Topics.CORRELATION_HEADER);
            if (correlation != null) {
                MDC.put(Topics.CORRELATION_HEADER, correlation.toString());
            }
        }

        @Override
        public UnitOfWork newInstance(Exchange exchange) {
            return new CorrelatedUnitOfWork(exchange, factory);
        }
    }
}
