package dev.accordhub.routes.consolidate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accordhub.routes.Topics;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.component.direct.DirectComponent;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The publish step of the consolidation route under retries: a retry after a failed CRM write goes on from that
 * write instead of sending the golden events before it again, and the write keeps the change's correlation id. Topics and the
 * CRM queue are direct routes here, as in {@link PendingGoldenSendsTest}: what matters is what the step sends on each
 * attempt, not the brokers (HubEndToEndIT runs the route against the real ones).
 */
class ConsolidateRoutePublishTest {

    final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    final List<String> taken = new CopyOnWriteArrayList<>();
    final AtomicInteger crmAttempts = new AtomicInteger();
    /** How many attempts the CRM queue refuses. */
    volatile int crmFailures = 1;
    /** How many dead letters the dead-letter topic refuses before it takes them. */
    final AtomicInteger deadLetterRefusals = new AtomicInteger();
    CamelContext camel;
    PendingGoldenSends sends;
    ProducerTemplate crm;

    @BeforeEach
    void start() throws Exception {
        camel = new DefaultCamelContext();
        // "jms:" resolves to direct endpoints: the CRM queue's consumer refuses the first write, as a broker away would.
        camel.addComponent("jms", new DirectComponent());
        sends = new PendingGoldenSends(camel, json, "direct:", "");
        crm = camel.createProducerTemplate();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from("direct:accord.golden.deal").process(e -> taken.add(
                        "golden " + e.getMessage().getHeader(KafkaConstants.KEY) + " " + e.getMessage().getBody()));
                from("direct:" + Topics.DEAD_LETTER).process(e -> {
                    if (deadLetterRefusals.getAndDecrement() > 0) {
                        throw new IllegalStateException("NOT_ENOUGH_REPLICAS");
                    }
                    taken.add("dead-letter " + e.getMessage().getBody());
                });
                from(Topics.outbound("helios")).process(e -> {
                    if (crmAttempts.incrementAndGet() <= crmFailures) {
                        throw new IllegalStateException("AMQ219016: connection failure");
                    }
                    taken.add("crm " + e.getMessage().getHeader("JMSXGroupID") + " " + e.getMessage().getBody()
                            + " corr=" + e.getMessage().getHeader(Topics.CORRELATION_HEADER));
                });
            }
        });
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    /** A change whose consolidation made a golden event, a write into helios's CRM, and another golden event. */
    private Exchange change(String correlation) {
        Exchange e = new DefaultExchange(camel);
        e.getMessage().setHeader(KafkaConstants.KEY, "helios:deal:1");
        e.getMessage().setHeader(KafkaConstants.TOPIC, "accord.ingest.deal");
        e.getMessage().setHeader(Topics.CORRELATION_HEADER, correlation);
        e.getMessage().setBody("{}");
        ConsolidateRoute.toPublish(e, List.of(
                new OutboundRecord("accord.golden.deal", "deal-1", "v1"),
                new OutboundRecord(Topics.outbound("helios"), "deal-1", "write-1"),
                new OutboundRecord("accord.golden.deal", "deal-2", "v2")));
        return e;
    }

    /** What the route does with each change of a batch; consolidation itself already ran ({@link #change}). */
    private void handle(Exchange change) throws Exception {
        new ConsolidateRoute(null, json).handle(change, sends, crm);
        sends.awaitAll();
    }

    @Test
    void aRetryAfterAFailedCrmWriteDoesNotSendTheRecordsBeforeItAgain() throws Exception {
        handle(change("corr-1"));

        assertThat(crmAttempts).hasValue(2);
        // Each once. (Their order across the two stand-ins is Camel's scheduling of direct routes, not Kafka's:
        // PendingGoldenSendsTest checks the order of one topic's records with a sender thread like Kafka's.)
        assertThat(taken).containsExactlyInAnyOrder("golden deal-1 v1", "crm deal-1 write-1 corr=corr-1",
                "golden deal-2 v2");
    }

    @Test
    void aCrmWriteStillFailingAfterTheRetriesBecomesADeadLetterOfItsOwnAndTheRestOfTheChangeGoes() throws Exception {
        crmFailures = Integer.MAX_VALUE;
        handle(change(null));

        assertThat(crmAttempts).as("the first attempt and three retries").hasValue(4);
        assertThat(taken).contains("golden deal-1 v1", "golden deal-2 v2").hasSize(3);
        String letter = taken.stream().filter(t -> t.startsWith("dead-letter ")).findFirst().orElseThrow()
                .substring("dead-letter ".length());
        com.fasterxml.jackson.databind.JsonNode dead = json.readTree(letter);
        // What DeadLetterRetry needs to put the write back on its queue, in its deal's message group.
        assertThat(dead.path("source").asText()).isEqualTo(Topics.outboundQueue("helios"));
        assertThat(dead.path("key").asText()).isEqualTo("deal-1");
        assertThat(dead.path("payload").asText()).isEqualTo("write-1");
        assertThat(dead.path("reason").asText()).contains("AMQ219016");
        assertThat(new dev.accordhub.routes.deadletter.DeadLetterRetry(List.of(), json)
                .plan(json.readValue(letter, dev.accordhub.model.DeadLetter.class)))
                .isEqualTo(new dev.accordhub.routes.deadletter.DeadLetterRetry.Republish(
                        Topics.outboundQueue("helios"), "deal-1", "write-1"));
    }

    @Test
    void aChangeThatCannotBeConsolidatedIsRetriedThenDeadLetteredAsItCameAndTheBatchGoesOn() throws Exception {
        String garbage = "{\"specversion\":\"1.0\", not JSON";
        Exchange change = new DefaultExchange(camel);
        change.getMessage().setHeader(KafkaConstants.KEY, "helios:deal:BROKEN");
        change.getMessage().setHeader(KafkaConstants.TOPIC, "accord.ingest.deal");
        change.getMessage().setBody(garbage);
        // Parsing fails before anything else is used: no consolidator is needed to get there.
        ConsolidationService service = new ConsolidationService(null, null, null, null, json);

        long start = System.nanoTime();
        new ConsolidateRoute(service, json).handle(change, sends, crm);
        sends.awaitAll();

        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).as("three retries, 100 + 200 + 400 ms apart")
                .isGreaterThanOrEqualTo(java.time.Duration.ofMillis(700));
        com.fasterxml.jackson.databind.JsonNode dead = json.readTree(taken.stream()
                .filter(t -> t.startsWith("dead-letter ")).findFirst().orElseThrow().substring("dead-letter ".length()));
        assertThat(dead.path("stage").asText()).isEqualTo(ConsolidateRoute.ROUTE_ID);
        assertThat(dead.path("source").asText()).isEqualTo("accord.ingest.deal");
        assertThat(dead.path("key").asText()).isEqualTo("helios:deal:BROKEN");
        assertThat(dead.path("payload").asText()).isEqualTo(garbage);
        assertThat(dead.path("reason").asText()).startsWith("JsonParseException: ");
        assertThat(taken).hasSize(1);
    }

    @Test
    void aDeadLetterTheTopicRefusesIsWrittenAgainUntilItIsTakenBeforeTheBatchGoesOn() throws Exception {
        deadLetterRefusals.set(1);
        Exchange change = new DefaultExchange(camel);
        change.getMessage().setHeader(KafkaConstants.KEY, "helios:deal:BROKEN");
        change.getMessage().setHeader(KafkaConstants.TOPIC, "accord.ingest.deal");
        change.getMessage().setBody("not JSON");

        new ConsolidateRoute(new ConsolidationService(null, null, null, null, json), json).handle(change, sends, crm);

        // handle returns only once the letter is in: the batch is committed after it, never past a lost change.
        assertThat(deadLetterRefusals.get()).as("refused once, then taken").isNegative();
        assertThat(taken).singleElement().satisfies(t -> assertThat(t).startsWith("dead-letter ")
                .contains("helios:deal:BROKEN"));
    }
}
