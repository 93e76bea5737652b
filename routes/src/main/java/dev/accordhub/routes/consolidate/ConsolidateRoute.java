package dev.accordhub.routes.consolidate;

import dev.accordhub.model.EntityType;
import dev.accordhub.routes.Topics;
import dev.accordhub.routes.deadletter.ErrorHandlingConfiguration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * Kafka ingest topics, identity and deal-registration commands → consolidation → Hazelcast and the compacted
 * golden topics (plus conflicts, stewardship tasks, identity history, alerts, and writes into the CRMs' Artemis
 * queues). Starts only once the golden
 * model has been rebuilt from Kafka ({@link GoldenModelLoader}).
 */
public class ConsolidateRoute extends RouteBuilder {

    public static final String ROUTE_ID = "consolidate";

    private final ConsolidationService service;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    public ConsolidateRoute(ConsolidationService service, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    private static final String SOURCE_TOPIC = "accordSourceTopic";
    private static final String SOURCE_KEY = "accordSourceKey";
    private static final String SOURCE_BODY = "accordSourceBody";
    private static final String OUTBOUND = "accordOutbound";
    private static final String PUBLISHED = "accordPublished";

    @Override
    public void configure() {
        PendingGoldenSends sends = new PendingGoldenSends(getCamelContext(), json);
        ProducerTemplate crm = getCamelContext().createProducerTemplate();
        String topics = String.join(",", Topics.ingest(EntityType.PARTNER), Topics.ingest(EntityType.USER),
                Topics.ingest(EntityType.DEAL), Topics.IDENTITY_COMMANDS, Topics.DEAL_COMMANDS);
        from("kafka:" + topics + "?groupId={{accord.consolidate.group-id:accord-consolidate}}"
                + "&autoOffsetReset=earliest&maxPollRecords=500&pollTimeoutMs=1000"
                // If even the dead letter cannot be written, retry the record rather than commit past it.
                + "&breakOnFirstError=true"
                // Offsets are still committed by the Kafka client when it polls; this only marks the last record
                // of each poll (kafka.LAST_POLL_RECORD), where the golden events sent so far must be acknowledged.
                + "&allowManualCommit=true")
                .routeId(ROUTE_ID).routeConfigurationId(ErrorHandlingConfiguration.ID).autoStartup(false)
                // However the change ends (applied, dead-lettered), before the next poll Kafka holds what it sent.
                .process(e -> e.getExchangeExtension().addOnCompletion(sends.awaitWhenDone())).id("await-golden-acks")
                // Two steps, plain calls, no split: every step of this route runs once per change, and each costs
                // a copy of the exchange for redelivery, a unit of work, MDC; with a split per outbound record and
                // simple-language paths they were a third of what consolidating a change cost.
                .process(e -> consolidate(e, sends)).id("consolidate-change")
                .process(e -> publish(e, sends, crm)).id("publish");
    }

    private void consolidate(Exchange e, PendingGoldenSends sends) throws Exception {
        Message m = e.getMessage();
        String topic = m.getHeader(KafkaConstants.TOPIC, String.class);
        String body = m.getBody(String.class);
        e.setProperty(SOURCE_TOPIC, topic);
        e.setProperty(SOURCE_KEY, m.getHeader(KafkaConstants.KEY, String.class));
        e.setProperty(SOURCE_BODY, body);
        toPublish(e, service.apply(topic, body));
        // Waited for with the golden events, before the next poll; a write that failed dead-letters this change.
        sends.track(service.takeWritesBehind(), topic, e.getProperty(SOURCE_KEY, String.class), body);
    }

    /** Whether this is the error handler's last redelivery of the exchange (none configured: the first attempt). */
    private static boolean retriesSpent(Exchange e) {
        Integer counter = e.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class);
        Integer max = e.getMessage().getHeader(Exchange.REDELIVERY_MAX_COUNTER, Integer.class);
        return counter != null && max != null && counter >= max;
    }

    /** The change's outbound records, for {@link #publish}. */
    static void toPublish(Exchange e, List<OutboundRecord> records) {
        e.setProperty(OUTBOUND, records);
        // Shared with the copies redelivery makes: a retried publish goes on after the records that already left.
        e.setProperty(PUBLISHED, new AtomicInteger());
    }

    /**
     * Publishes a change's outbound records in the order consolidation made them: golden events, conflicts,
     * stewardship and history to Kafka without waiting for each acknowledgement ({@link PendingGoldenSends}); writes
     * into a CRM to its Artemis queue, persistent, in order per deal (message group = deal id), one by one. A CRM
     * write that fails is retried by the error handler from that record on; on the last retry it becomes a dead
     * letter of its own and the rest of the change still goes.
     */
    static void publish(Exchange e, PendingGoldenSends sends, ProducerTemplate crm) throws Exception {
        @SuppressWarnings("unchecked")
        List<OutboundRecord> records = e.getProperty(OUTBOUND, List.class);
        AtomicInteger published = e.getProperty(PUBLISHED, AtomicInteger.class);
        Map<String, Object> headers = e.getMessage().getHeaders();
        for (int i = published.get(); i < records.size(); i++) {
            OutboundRecord record = records.get(i);
            if (record.topic().startsWith("jms:")) {
                Map<String, Object> jmsHeaders = new HashMap<>();
                headers.forEach((name, value) -> {
                    if (!name.startsWith("kafka.")) {
                        jmsHeaders.put(name, value);
                    }
                });
                jmsHeaders.put("JMSXGroupID", record.key());
                Exchange sent = crm.send(record.topic(), ExchangePattern.InOnly, out -> {
                    out.getMessage().setHeaders(jmsHeaders);
                    out.getMessage().setBody(record.value());
                });
                if (sent.getException() != null) {
                    if (!retriesSpent(e)) {
                        throw sent.getException(); // retried from this record on
                    }
                    // A dead letter of its own, which a retry puts back on the queue; the change's other records go.
                    sends.deadLetterCrmWrite(record.topic().substring("jms:queue:".length()), record.key(),
                            record.value(), sent.getException().toString());
                }
            } else {
                Map<String, Object> kafkaHeaders = new HashMap<>(headers);
                kafkaHeaders.remove(KafkaConstants.TOPIC);
                kafkaHeaders.put(KafkaConstants.KEY, record.key());
                sends.send(kafkaHeaders, record.value(), record.topic(), e.getProperty(SOURCE_TOPIC, String.class),
                        e.getProperty(SOURCE_KEY, String.class), e.getProperty(SOURCE_BODY, String.class));
            }
            published.set(i + 1);
        }
    }
}
