package dev.accordhub.portal.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import dev.accordhub.model.DeadLetter;
import dev.accordhub.model.testing.TestClock;
import dev.accordhub.portal.common.ApiResult;
import dev.accordhub.routes.deadletter.DeadLetterStore;
import dev.accordhub.routes.metrics.RouteMeters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The overview over a real Camel context with the micrometer route policy (as the hub has it) and a real Hazelcast
 * member holding dead letters: states, counts, recent rates, error rates and last errors per route.
 */
class OpsOverviewTest {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    static final TestClock CLOCK = TestClock.at(Instant.parse("2026-11-20T10:00:00Z"));
    static HazelcastInstance hazelcast;
    static CamelContext camel;
    static ProducerTemplate send;
    static OpsOverview overview;
    static DeadLetterStore deadLetters;

    @BeforeAll
    static void start() throws Exception {
        hazelcast = dev.accordhub.routes.TestHazelcast.start("ops-overview");
        deadLetters = new DeadLetterStore(hazelcast, JSON);

        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RouteFailures failures = new RouteFailures(CLOCK);
        camel = new DefaultCamelContext();
        camel.addRoutePolicyFactory(new RouteMeters(meters)); // the hub's route meters
        camel.getManagementStrategy().addEventNotifier(failures);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ok").routeId("ok-route").log("fine");
                from("direct:fail").routeId("failing-route").throwException(new IllegalStateException("ERP said no"));
                from("direct:stopped").routeId("stopped-route").autoStartup(false).log("never");
            }
        });
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(IllegalArgumentException.class).handled(true).log("dead-lettered");
                from("direct:handled").routeId("handled-route")
                        .throwException(new IllegalArgumentException("tier 'Titanium' unknown"));
            }
        });
        camel.start();
        send = camel.createProducerTemplate();
        overview = new OpsOverview(camel, meters, List.of(), List.of(), deadLetters, failures, Duration.ofSeconds(10),
                JSON, CLOCK);
    }

    @AfterAll
    static void stop() throws Exception {
        camel.close();
        hazelcast.shutdown();
    }

    @Test
    void everyRouteWithItsStateCountsRatesAndLastError() throws Exception {
        for (int i = 0; i < 10; i++) {
            send.sendBody("direct:ok", "x");
        }
        assertThat(catchThrowable(() -> send.sendBody("direct:fail", "x"))).hasRootCauseMessage("ERP said no");
        send.sendBody("direct:handled", "x");
        JsonNode first = read(overview.overview());
        assertThat(route(first, "ok-route").path("ratePerSecond").isNull()).as("no baseline yet").isTrue();

        for (int i = 0; i < 5; i++) {
            send.sendBody("direct:ok", "x");
        }
        assertThat(catchThrowable(() -> send.sendBody("direct:fail", "x"))).isNotNull();
        CLOCK.advance(Duration.ofSeconds(2));
        JsonNode body = read(overview.overview());

        JsonNode ok = route(body, "ok-route");
        assertThat(ok.path("state").asText()).isEqualTo("Started");
        assertThat(ok.path("from").asText()).isEqualTo("direct://ok");
        assertThat(ok.path("exchanges").path("total").asLong()).isEqualTo(15);
        assertThat(ok.path("exchanges").path("inflight").asInt()).isZero();
        assertThat(ok.path("ratePerSecond").asDouble()).isEqualTo(2.5);
        assertThat(ok.path("errorRate").asDouble()).isZero();
        assertThat(ok.path("meanMillis").isNumber()).isTrue();
        assertThat(ok.path("lastError").isNull()).isTrue();

        JsonNode failing = route(body, "failing-route");
        assertThat(failing.path("exchanges").path("failed").asLong()).isEqualTo(2);
        assertThat(failing.path("errorRate").asDouble()).isEqualTo(1.0);
        assertThat(failing.path("lastError").path("message").asText())
                .isEqualTo("IllegalStateException: ERP said no");
        assertThat(failing.path("lastError").path("at").asText()).isEqualTo("2026-11-20T10:00:00Z");

        JsonNode handled = route(body, "handled-route");
        assertThat(handled.path("exchanges").path("handled").asLong()).isEqualTo(1);
        assertThat(handled.path("exchanges").path("failed").asLong()).isZero();
        assertThat(handled.path("lastError").path("message").asText()).contains("Titanium");

        JsonNode stopped = route(body, "stopped-route");
        assertThat(stopped.path("state").asText()).isEqualTo("Stopped");
        assertThat(stopped.path("exchanges").path("total").asLong()).isZero();
    }

    @Test
    void openDeadLettersAreCountedByStageAndSource() throws Exception {
        Instant at = Instant.parse("2026-11-20T09:00:00Z");
        deadLetters.arrived(new DeadLetter("d1", "ingest.salesforce", "helios", "k1", "bad tier", "{}", at));
        deadLetters.arrived(new DeadLetter("d2", "ingest.salesforce", "helios", "k2", "bad tier", "{}", at));
        deadLetters.arrived(new DeadLetter("d3", "erp.outbound", "vantage", "k3", "refused", "{}", at));
        deadLetters.arrived(new DeadLetter("d4", "erp.outbound", "vantage", "k4", "refused", "{}", at));
        deadLetters.handled("d4", DeadLetterStore.Status.DISCARDED, at, "by a test");

        JsonNode counts = read(overview.overview()).path("deadLetters");

        assertThat(counts.path("open").asLong()).isEqualTo(3);
        assertThat(counts.path("byStage").toString()).isEqualTo("[{\"stage\":\"erp.outbound\",\"source\":\"vantage\","
                + "\"open\":1},{\"stage\":\"ingest.salesforce\",\"source\":\"helios\",\"open\":2}]");
    }

    private static JsonNode read(ApiResult result) throws Exception {
        assertThat(result.status()).isEqualTo(200);
        return JSON.readTree(result.body());
    }

    private static JsonNode route(JsonNode body, String id) {
        for (JsonNode route : body.path("routes")) {
            if (route.path("id").asText().equals(id)) {
                return route;
            }
        }
        throw new AssertionError("No route " + id + " in " + body);
    }
}
