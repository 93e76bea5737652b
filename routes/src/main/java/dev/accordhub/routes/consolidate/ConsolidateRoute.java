package dev.accordhub.routes.consolidate;

import dev.accordhub.model.EntityType;
import dev.accordhub.routes.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.support.EventHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Kafka ingest topics, identity and deal-registration commands → consolidation → Hazelcast and the compacted
 * golden topics (plus conflicts, stewardship tasks, identity history, alerts, and writes into the CRMs' Artemis
 * queues). Starts only once the golden model has been rebuilt from Kafka ({@link GoldenModelLoader}).
 *
 * <p>The consumer hands over a poll at a time (Camel's Kafka batching mode, up to 2,000 changes): one exchange per
 * poll instead of one per change, because the per-exchange machinery (unit of work, redelivery copy, route policy,
 * MDC) cost as much as consolidating the change itself. Each change of the batch is still handled on its own, as
 * the shared error handling would: a few quick retries, then a dead letter with its payload and the reason, and the
 * batch goes on. Offsets are committed per partition, after the whole batch's golden events and Hazelcast writes are
 * acknowledged ({@link PendingGoldenSends}); so a crash or a stop at any point replays changes, never skips them,
 * and consolidation is idempotent.
 */
public class ConsolidateRoute extends RouteBuilder {

    public static final String ROUTE_ID = "consolidate";
    /** Per batching route: changes handled, and those of them that became dead letters (see OpsOverview). */
    public static final String RECORDS_METER = "accord.route.records";
    public static final String DEAD_LETTERED_METER = "accord.route.records.dead.lettered";

    private static final Logger LOG = LoggerFactory.getLogger(ConsolidateRoute.class);
    /** As the shared error handling ({@code ErrorHandlingConfiguration}): 3 retries after 100, 200, 400 ms. */
    static final int MAX_RETRIES = 3;
    static final long FIRST_RETRY_DELAY_MS = 100;
    /** While even a dead letter cannot be written, the batch waits (and is not committed) rather than lose it. */
    private static final long DEAD_LETTER_RETRY_DELAY_MS = 2_000;

    private final ConsolidationService service;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final Counter records;
    private final Counter deadLettered;

    public ConsolidateRoute(ConsolidationService service, com.fasterxml.jackson.databind.ObjectMapper json) {
        this(service, json, null);
    }

    /** @param meters where the changes handled and dead-lettered are counted (null: not counted) */
    public ConsolidateRoute(ConsolidationService service, com.fasterxml.jackson.databind.ObjectMapper json,
            MeterRegistry meters) {
        this.service = service;
        this.json = json;
        this.records = meters == null ? null : Counter.builder(RECORDS_METER).tag("routeId", ROUTE_ID)
                .description("Changes the route handled (it takes them a Kafka poll at a time)").register(meters);
        this.deadLettered = meters == null ? null : Counter.builder(DEAD_LETTERED_METER).tag("routeId", ROUTE_ID)
                .description("Changes the route could not handle, sent to the dead letters").register(meters);
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
                + "&autoOffsetReset=earliest&maxPollRecords=2000&maxPartitionFetchBytes=4194304"
                // A poll's changes go as one batch at the next poll at the latest (batchingIntervalMs=0), and a
                // poll with nothing new returns after 20 ms: a lone change waits at most that long to be handled.
                + "&batching=true&batchingIntervalMs=0&pollTimeoutMs=20"
                // Committed by consolidateBatch, per partition, once the batch's writes are acknowledged; never by
                // the client on its own (it would commit what a poll returned before it was handled).
                + "&autoCommitEnable=false&allowManualCommit=true&breakOnFirstError=true")
                .routeId(ROUTE_ID).autoStartup(false)
                // Failures are handled per change inside the batch; one escaping means the batch is not committed.
                .errorHandler(noErrorHandler())
                .process(e -> consolidateBatch(e, sends, crm)).id("consolidate-batch");
    }

    private void consolidateBatch(Exchange batch, PendingGoldenSends sends, ProducerTemplate crm) throws Exception {
        @SuppressWarnings("unchecked")
        List<Exchange> changes = batch.getMessage().getBody(List.class);
        if (changes == null || changes.isEmpty()) {
            return;
        }
        Map<String, KafkaManualCommit> lastOfPartition = new LinkedHashMap<>();
        String before = MDC.get(Topics.CORRELATION_HEADER);
        beginBatch(changes);
        try {
            for (Exchange change : changes) {
                if (!DEAL_INGEST.equals(change.getMessage().getHeader(KafkaConstants.TOPIC))) {
                    // Partners, users, commands read the maps in other ways than the batch's deals: they see its writes.
                    service.flushWrites();
                }
                Object correlation = change.getMessage().getHeader(Topics.CORRELATION_HEADER);
                if (correlation != null) {
                    MDC.put(Topics.CORRELATION_HEADER, correlation.toString());
                } else {
                    MDC.remove(Topics.CORRELATION_HEADER);
                }
                handle(change, sends, crm);
                Message m = change.getMessage();
                KafkaManualCommit commit = m.getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
                if (commit != null) {
                    lastOfPartition.put(m.getHeader(KafkaConstants.TOPIC) + "-" + m.getHeader(KafkaConstants.PARTITION),
                            commit);
                }
                if (sends.pending() >= PendingGoldenSends.MAX_PENDING) {
                    service.flushWrites();
                    awaitWrites(sends, batch.getContext());
                }
            }
        } finally {
            service.endBatch();
            if (before == null) {
                MDC.remove(Topics.CORRELATION_HEADER);
            } else {
                MDC.put(Topics.CORRELATION_HEADER, before);
            }
        }
        awaitWrites(sends, batch.getContext()); // the writes held back went at endBatch
        lastOfPartition.values().forEach(KafkaManualCommit::commit);
        if (records != null) {
            records.increment(changes.size());
        }
    }

    /**
     * Asks for the golden deals the batch's deal changes are checked against all at once (their key is the source
     * key), and holds the batch's deal writes back to hand them over together ({@link GoldenStore#beginBatch}).
     */
    private void beginBatch(List<Exchange> changes) {
        List<String> dealKeys = new java.util.ArrayList<>();
        for (Exchange change : changes) {
            Message m = change.getMessage();
            String key = m.getHeader(KafkaConstants.KEY, String.class);
            if (key != null && DEAL_INGEST.equals(m.getHeader(KafkaConstants.TOPIC))) {
                dealKeys.add(key);
            }
        }
        service.beginBatch(dealKeys);
    }

    private static final String DEAL_INGEST = Topics.ingest(EntityType.DEAL);

    /**
     * One change: consolidated, then published, with up to {@link #MAX_RETRIES} retries of the step that failed
     * (a retried publish goes on after the records that already left); after that, a dead letter with the change
     * and the reason, and the batch goes on.
     */
    void handle(Exchange change, PendingGoldenSends sends, ProducerTemplate crm) throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                if (change.getProperty(OUTBOUND) == null) {
                    consolidate(change, sends);
                }
                publish(change, sends, crm, attempt >= MAX_RETRIES);
                return;
            } catch (Exception failure) {
                if (attempt >= MAX_RETRIES) {
                    deadLetter(change, failure, sends);
                    return;
                }
                long delay = FIRST_RETRY_DELAY_MS << attempt;
                LOG.warn("Consolidating {} from {} failed (attempt {} of {}), retrying in {} ms: {}",
                        change.getMessage().getHeader(KafkaConstants.KEY),
                        change.getMessage().getHeader(KafkaConstants.TOPIC), attempt + 1, MAX_RETRIES + 1, delay,
                        failure.toString());
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(delay));
            }
        }
    }

    /** The change as it came, with the reason; the operators' view shows it as the route's last error. */
    private void deadLetter(Exchange change, Exception failure, PendingGoldenSends sends) throws Exception {
        Message m = change.getMessage();
        String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        String body = change.getProperty(SOURCE_BODY) != null ? change.getProperty(SOURCE_BODY, String.class)
                : m.getBody(String.class);
        String topic = m.getHeader(KafkaConstants.TOPIC, String.class);
        String key = m.getHeader(KafkaConstants.KEY, String.class);
        untilWritten(change.getContext(), () -> sends.deadLetterChange(topic, key, reason, body));
        if (deadLettered != null) {
            deadLettered.increment();
        }
        change.setProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, failure);
        change.setProperty(ExchangePropertyKey.FAILURE_ROUTE_ID, ROUTE_ID);
        EventHelper.notifyExchangeFailureHandled(change.getContext(), change, null, true, "kafka:" + Topics.DEAD_LETTER);
    }

    /** Waits for the batch's Kafka sends and Hazelcast writes; a change whose write was refused is dead-lettered. */
    private static void awaitWrites(PendingGoldenSends sends, CamelContext camel) throws Exception {
        untilWritten(camel, sends::awaitAll);
    }

    private interface Write {
        void run() throws Exception;
    }

    /**
     * A dead letter that Kafka refuses is tried again, every 2 s, for as long as it takes: the batch is not committed
     * meanwhile, so nothing is lost, and nothing goes on past it. When the hub stops, it gives up: the batch is then
     * consumed again at the next start.
     */
    private static void untilWritten(CamelContext camel, Write write) throws Exception {
        while (true) {
            try {
                write.run();
                return;
            } catch (Exception e) {
                if (camel.isStopping() || camel.isStopped()) {
                    throw e;
                }
                LOG.error("Consolidation cannot write a dead letter; trying again in {} ms (nothing is committed "
                        + "meanwhile)", DEAD_LETTER_RETRY_DELAY_MS, e);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(DEAD_LETTER_RETRY_DELAY_MS));
            }
        }
    }

    private void consolidate(Exchange e, PendingGoldenSends sends) throws Exception {
        Message m = e.getMessage();
        String topic = m.getHeader(KafkaConstants.TOPIC, String.class);
        String body = m.getBody(String.class);
        String key = m.getHeader(KafkaConstants.KEY, String.class);
        List<OutboundRecord> out = service.apply(topic, body);
        e.setProperty(SOURCE_TOPIC, topic);
        e.setProperty(SOURCE_KEY, key);
        e.setProperty(SOURCE_BODY, body);
        toPublish(e, out);
        // Waited for with the golden events, before the commit; a write that failed dead-letters this change.
        sends.track(service.takeWritesBehind(), topic, key, body);
    }

    /** The change's outbound records, for {@link #publish}. */
    static void toPublish(Exchange e, List<OutboundRecord> records) {
        e.setProperty(OUTBOUND, records);
        // Kept across retries: a retried publish goes on after the records that already left.
        e.setProperty(PUBLISHED, new AtomicInteger());
    }

    /**
     * Publishes a change's outbound records in the order consolidation made them: golden events, conflicts,
     * stewardship and history to Kafka without waiting for each acknowledgement ({@link PendingGoldenSends}); writes
     * into a CRM to its Artemis queue, persistent, in order per deal (message group = deal id), one by one. A CRM
     * write that fails is retried from that record on; on the last attempt it becomes a dead letter of its own and
     * the rest of the change still goes.
     *
     * @param lastAttempt whether a failure now is final (no retry follows)
     */
    static void publish(Exchange e, PendingGoldenSends sends, ProducerTemplate crm, boolean lastAttempt)
            throws Exception {
        @SuppressWarnings("unchecked")
        List<OutboundRecord> records = e.getProperty(OUTBOUND, List.class);
        AtomicInteger published = e.getProperty(PUBLISHED, AtomicInteger.class);
        Map<String, Object> headers = e.getMessage().getHeaders();
        for (int i = published.get(); i < records.size(); i++) {
            OutboundRecord record = records.get(i);
            if (record.topic().startsWith("jms:")) {
                Map<String, Object> jmsHeaders = new HashMap<>();
                headers.forEach((name, value) -> {
                    if (!name.startsWith("kafka.") && !name.equals(KafkaConstants.MANUAL_COMMIT)) {
                        jmsHeaders.put(name, value);
                    }
                });
                jmsHeaders.put("JMSXGroupID", record.key());
                Exchange sent = crm.send(record.topic(), ExchangePattern.InOnly, out -> {
                    out.getMessage().setHeaders(jmsHeaders);
                    out.getMessage().setBody(record.value());
                });
                if (sent.getException() != null) {
                    if (!lastAttempt) {
                        throw sent.getException(); // retried from this record on
                    }
                    // A dead letter of its own, which a retry puts back on the queue; the change's other records go.
                    sends.deadLetterCrmWrite(record.topic().substring("jms:queue:".length()), record.key(),
                            record.value(), sent.getException().toString());
                }
            } else {
                Map<String, Object> kafkaHeaders = new HashMap<>(headers);
                kafkaHeaders.remove(KafkaConstants.TOPIC);
                kafkaHeaders.remove(KafkaConstants.MANUAL_COMMIT);
                kafkaHeaders.put(KafkaConstants.KEY, record.key());
                sends.send(kafkaHeaders, record.value(), record.topic(), e.getProperty(SOURCE_TOPIC, String.class),
                        e.getProperty(SOURCE_KEY, String.class), e.getProperty(SOURCE_BODY, String.class));
            }
            published.set(i + 1);
        }
    }
}
