package dev.accordhub.routes.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accordhub.routes.Topics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.direct.DirectComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.UnitOfWorkFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * What a log line sees in the MDC, for a portal request (the servlet consumer: {@link RequestUnitOfWork}) and for a
 * change (any other consumer: Camel's MDC unit of work with our correlation id). "servlet:" resolves to direct
 * endpoints here: the factory only goes by the consumer's scheme.
 */
class CorrelationUnitOfWorkFactoryTest {

    final Map<String, Map<String, String>> seen = new ConcurrentHashMap<>();
    final Map<String, Boolean> keptOriginal = new ConcurrentHashMap<>();
    final ExecutorService pool = Executors.newSingleThreadExecutor();
    CamelContext camel;

    @BeforeEach
    void start() throws Exception {
        camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("accord");
        camel.setUseMDCLogging(true);
        camel.setAllowUseOriginalMessage(true);
        camel.getCamelContextExtension().addContextPlugin(UnitOfWorkFactory.class, new CorrelationUnitOfWorkFactory());
        camel.addComponent("servlet", new DirectComponent());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("servlet://partners").routeId("portal-partner")
                        .process(e -> see("request", e))
                        .to("direct:inner")
                        .process(e -> see("request after inner", e));
                from("servlet://claims").routeId("portal-claims")
                        .threads().executorService(pool)
                        .process(e -> see("request on a pool thread", e));
                from("direct:inner").routeId("inner").process(e -> see("inner", e));
                from("direct:change").routeId("consolidate")
                        .process(e -> e.getMessage().setHeader(Topics.CORRELATION_HEADER, "change-1"))
                        .process(e -> see("change", e));
            }
        });
        camel.start();
    }

    @AfterEach
    void stop() throws Exception {
        camel.stop();
        pool.shutdownNow();
        MDC.clear();
    }

    private void see(String where, Exchange exchange) {
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        mdc.put("exchange", exchange.getExchangeId());
        seen.put(where, mdc);
        keptOriginal.put(where, exchange.getUnitOfWork().getOriginalInMessage() != null);
    }

    @Test
    void aRequestsLogLinesCarryItsIdsAndItsThreadGetsItsOwnBack() {
        MDC.put("camel.routeId", "the caller's");
        MDC.put(Topics.CORRELATION_HEADER, "the caller's");

        camel.createProducerTemplate().requestBodyAndHeader("servlet://partners", "", Topics.CORRELATION_HEADER,
                "req-7");

        Map<String, String> request = seen.get("request");
        assertThat(request).containsEntry("camel.routeId", "portal-partner")
                .containsEntry("camel.contextId", "accord")
                .containsEntry("camel.exchangeId", request.get("exchange"))
                .containsEntry(Topics.CORRELATION_HEADER, "req-7")
                .containsKey("camel.messageId");
        assertThat(seen.get("inner")).containsEntry("camel.routeId", "inner")
                .containsEntry("camel.exchangeId", request.get("exchange"));
        assertThat(seen.get("request after inner")).containsEntry("camel.routeId", "portal-partner");

        assertThat(MDC.get("camel.routeId")).isEqualTo("the caller's");
        assertThat(MDC.get(Topics.CORRELATION_HEADER)).isEqualTo("the caller's");
        assertThat(MDC.get("camel.exchangeId")).isNull();
        assertThat(MDC.get("camel.messageId")).isNull();
    }

    /**
     * A step on another thread logs with the request's ids, and that thread keeps none of them after. (The request's
     * own thread keeps them until its next exchange, as with Camel's MDC unit of work: nothing runs there when the
     * exchange ends elsewhere.)
     */
    @Test
    void aRequestsStepOnAnotherThreadLogsWithItsIdsAndLeavesNoneBehind() throws Exception {
        camel.createProducerTemplate().requestBodyAndHeader("servlet://claims", "", Topics.CORRELATION_HEADER,
                "req-8");

        Map<String, String> pooled = seen.get("request on a pool thread");
        assertThat(pooled).containsEntry("camel.routeId", "portal-claims")
                .containsEntry("camel.exchangeId", pooled.get("exchange"))
                .containsEntry(Topics.CORRELATION_HEADER, "req-8");
        // The pool's one thread runs this after the exchange's last step has ended there.
        Map<String, String> poolAfter = pool.submit(MDC::getCopyOfContextMap).get(10, TimeUnit.SECONDS);
        assertThat(poolAfter == null ? Map.of() : poolAfter).doesNotContainKeys("camel.exchangeId",
                "camel.routeId", "camel.messageId", Topics.CORRELATION_HEADER);
    }

    @Test
    void aRequestKeepsNoCopyOfItsMessageAndAChangeDoes() {
        camel.createProducerTemplate().requestBody("servlet://partners", "");
        camel.createProducerTemplate().requestBody("direct:change", "");

        assertThat(keptOriginal).containsEntry("request", false).containsEntry("change", true);
    }

    @Test
    void aCorrelationIdSetByAChangesStepReachesTheNextStepsLogLines() {
        camel.createProducerTemplate().requestBody("direct:change", "");

        assertThat(seen.get("change")).containsEntry(Topics.CORRELATION_HEADER, "change-1")
                .containsEntry("camel.routeId", "consolidate");
        assertThat(MDC.get(Topics.CORRELATION_HEADER)).isNull();
    }
}
