package dev.accordhub.routes.consolidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accordhub.routes.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.KafkaEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Topics are routes here that take each record on a thread of their own, as a Kafka producer's sender does, and
 * acknowledge (or refuse) it only when the test lets them: what matters is when the consolidation thread waits and in
 * which order records leave it, not the broker.
 */
class PendingGoldenSendsTest {

    final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    final List<String> taken = new CopyOnWriteArrayList<>();
    final CountDownLatch release = new CountDownLatch(1);
    /** How many dead letters the dead-letter topic refuses before it takes them. */
    final java.util.concurrent.atomic.AtomicInteger deadLetterRefusals = new java.util.concurrent.atomic.AtomicInteger();
    CamelContext camel;
    PendingGoldenSends sends;

    @BeforeEach
    void start() throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:accord.golden.deal").threads(1).process(e -> {
                    release.await(10, TimeUnit.SECONDS);
                    if (e.getMessage().getBody(String.class).contains("refuse")) {
                        throw new IllegalStateException("record too large");
                    }
                    taken.add(e.getMessage().getHeader(KafkaConstants.KEY) + "=" + e.getMessage().getBody());
                });
                from("direct:" + Topics.DEAD_LETTER).process(e -> {
                    if (deadLetterRefusals.getAndDecrement() > 0) {
                        throw new IllegalStateException("NOT_ENOUGH_REPLICAS");
                    }
                    taken.add("dead-letter " + e.getMessage().getBody(String.class));
                });
            }
        });
        camel.start();
        sends = new PendingGoldenSends(camel, json, "direct:", "");
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    /** A golden record's headers, as the consolidation route hands them over: its own map, with the key. */
    private static Map<String, Object> headers(String key) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(KafkaConstants.KEY, key);
        headers.put(Topics.CORRELATION_HEADER, "corr-" + key);
        return headers;
    }

    @Test
    void sendsWithoutWaitingAndWaitsForEveryAcknowledgementWhenTheBatchIsDone() throws Exception {
        sends.send(headers("d1"), "{\"v\":1}", "accord.golden.deal", "accord.ingest.deal", "helios:deal:1", "{}");
        sends.send(headers("d2"), "{\"v\":2}", "accord.golden.deal", "accord.ingest.deal", "helios:deal:2", "{}");
        assertThat(sends.pending()).isEqualTo(2);
        assertThat(taken).isEmpty(); // the consolidation thread was not held up by the broker

        release.countDown();
        sends.awaitAll();
        assertThat(sends.pending()).isZero();
        assertThat(taken).containsExactlyInAnyOrder("d1={\"v\":1}", "d2={\"v\":2}");
    }

    @Test
    void successiveStatesOfOneRecordLeaveInTheOrderTheyWereMade() throws Exception {
        // Kafka keeps the order it is handed per key; the compacted topic's last value must be the newest state.
        release.countDown();
        List<String> made = new java.util.ArrayList<>();
        for (int v = 0; v < 500; v++) {
            made.add("d1={\"v\":" + v + "}");
            sends.send(headers("d1"), "{\"v\":" + v + "}", "accord.golden.deal", "accord.ingest.deal",
                    "helios:deal:1", "{}");
        }
        sends.awaitAll();
        assertThat(taken).containsExactlyElementsOf(made);
    }

    @Test
    void aDeadLetterTheTopicRefusesFailsTheWaitAndIsWrittenByTheNextOne() throws Exception {
        release.countDown();
        deadLetterRefusals.set(1);
        sends.send(headers("d1"), "{\"refuse\":true}", "accord.golden.deal", "accord.ingest.deal", "helios:deal:1",
                "{\"subject\":\"helios:deal:1\"}");

        // The route does not commit the batch when this throws, and waits again.
        assertThatThrownBy(sends::awaitAll).hasMessageContaining("NOT_ENOUGH_REPLICAS");
        assertThat(taken).isEmpty();

        sends.awaitAll();
        assertThat(taken).singleElement().satisfies(t -> assertThat(t).startsWith("dead-letter ")
                .contains("helios:deal:1").contains("record too large"));
    }

    @Test
    void aRecordKafkaRefusesMakesItsSourceChangeADeadLetterWithTheReason() throws Exception {
        release.countDown();
        sends.send(headers("d1"), "{\"refuse\":true}", "accord.golden.deal", "accord.ingest.deal", "helios:deal:1",
                "{\"subject\":\"helios:deal:1\"}");
        sends.send(headers("d2"), "{\"v\":2}", "accord.golden.deal", "accord.ingest.deal", "helios:deal:2", "{}");
        sends.awaitAll();

        assertThat(taken).contains("d2={\"v\":2}");
        String letter = taken.stream().filter(t -> t.startsWith("dead-letter ")).findFirst().orElseThrow()
                .substring("dead-letter ".length());
        JsonNode dead = json.readTree(letter);
        assertThat(dead.path("stage").asText()).isEqualTo(ConsolidateRoute.ROUTE_ID);
        assertThat(dead.path("source").asText()).isEqualTo("accord.ingest.deal");
        assertThat(dead.path("key").asText()).isEqualTo("helios:deal:1");
        assertThat(dead.path("payload").asText()).isEqualTo("{\"subject\":\"helios:deal:1\"}");
        assertThat(dead.path("reason").asText()).contains("accord.golden.deal").contains("record too large");
    }
    @Test
    void aHazelcastWriteBehindThatFailedMakesItsSourceChangeADeadLetterAndIsWaitedForBeforeTheCommit()
            throws Exception {
        release.countDown();
        java.util.concurrent.CompletableFuture<Void> deals = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<Void> xref = new java.util.concurrent.CompletableFuture<>();
        sends.track(List.of(new GoldenStore.WriteBehind("deals", deals), new GoldenStore.WriteBehind("xref", xref)),
                "accord.ingest.deal", "helios:deal:3", "{\"subject\":\"helios:deal:3\"}");
        assertThat(sends.pending()).isEqualTo(2);

        Thread hazelcast = new Thread(() -> {
            deals.complete(null);
            xref.completeExceptionally(new IllegalStateException("member left"));
        });
        hazelcast.start();
        sends.awaitAll();

        assertThat(sends.pending()).isZero();
        assertThat(taken).hasSize(1);
        JsonNode dead = json.readTree(taken.get(0).substring("dead-letter ".length()));
        assertThat(dead.path("key").asText()).isEqualTo("helios:deal:3");
        assertThat(dead.path("payload").asText()).isEqualTo("{\"subject\":\"helios:deal:3\"}");
        assertThat(dead.path("reason").asText()).contains("Hazelcast map xref").contains("member left")
                .doesNotContain("deals");
    }

    @Test
    void itsKafkaProducersLingerAndFillLargeBatches() throws Exception {
        try (CamelContext kafka = new DefaultCamelContext()) {
            kafka.start();
            PendingGoldenSends real = new PendingGoldenSends(kafka, json);
            // An option Camel does not know fails here, as it would fail every golden event in the hub.
            KafkaEndpoint endpoint = kafka.getEndpoint(real.endpointUri("accord.golden.deal"), KafkaEndpoint.class);
            assertThat(endpoint.getConfiguration().getTopic()).isEqualTo("accord.golden.deal");
            assertThat(endpoint.getConfiguration().getLingerMs()).isEqualTo(5);
            assertThat(endpoint.getConfiguration().getProducerBatchSize()).isEqualTo(131_072);
        }
    }
}
