package dev.accordhub.routes.consolidate;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accordhub.model.DeadLetter;
import dev.accordhub.routes.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.component.kafka.KafkaConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka records consolidation publishes (golden events, conflicts, stewardship, history, alerts), sent without
 * waiting for each acknowledgement: the consolidation thread goes on with the next change while Kafka takes them,
 * and the producer batches them. Before the consolidation route commits a batch of changes, every one of them has
 * been acknowledged ({@link #awaitAll}), so a committed offset never covers a golden event
 * Kafka does not hold. A record Kafka refused makes its source change a dead letter, with the reason, as a failed
 * change always does. The Hazelcast writes consolidation makes without waiting ({@link GoldenStore#putBehind}) are
 * tracked here the same way ({@link #track}).
 *
 * <p>Each record is handed to the Kafka producer on the calling thread, in the order consolidation made them: Kafka
 * keeps that order per key, so the compacted golden topic ends with the newest state of every record. (A
 * {@code ProducerTemplate.asyncSend} would not do: it sends from a thread pool, where two states of one record can
 * overtake each other and a rebuild would then load the older one.)
 *
 * <p>Used by the one consolidation consumer thread only.
 */
public class PendingGoldenSends {

    private static final Logger LOG = LoggerFactory.getLogger(PendingGoldenSends.class);
    /** Waits here at the latest, whatever the batch: bounds the memory and a retry's re-delivery. */
    static final int MAX_PENDING = 5_000;
    private static final long ACK_TIMEOUT_SECONDS = 60;

    private final CamelContext camel;
    private final ObjectMapper json;
    private final List<Pending> pending = new ArrayList<>();
    /** One started producer per topic, stopped with the Camel context. */
    private final Map<String, AsyncProducer> producers = new HashMap<>();

    /**
     * One write not waited for yet (a Kafka send, or a Hazelcast write behind), where it went, and the source change
     * it came from (for its dead letter).
     */
    private record Pending(CompletableFuture<?> write, String target, String sourceTopic, String sourceKey,
            String sourceBody) {
    }

    private final String scheme;
    private final String options;

    /**
     * Its own Kafka producers linger 5 ms (the component's default is 0, for the routes that wait for each send) and
     * fill batches of up to 128 KB per partition (the client's default is 16 KB, about 20 golden events): nothing
     * here waits for one record, and a poll's events in fewer, larger requests cost the producer and the broker less
     * CPU (bench/README.md: the 5 ms linger took the machine's CPU in a backfill from 89% to 75%; with 128 KB batches
     * the backfill's Kafka traffic alone, forwarded by plain clients, ran 1.45 times as fast as with 16 KB).
     */
    public PendingGoldenSends(CamelContext camel, ObjectMapper json) {
        this(camel, json, "kafka:", "?lingerMs=5&producerBatchSize=" + BATCH_BYTES);
    }

    /** The producers' batch size per partition, in bytes. */
    static final int BATCH_BYTES = 131_072;

    /**
     * @param scheme where topics are, as an endpoint prefix: {@code kafka:} (tests: routes that stand in for it)
     * @param options endpoint options after the topic, from {@code ?}, or ""
     */
    PendingGoldenSends(CamelContext camel, ObjectMapper json, String scheme, String options) {
        this.camel = camel;
        this.json = json;
        this.scheme = scheme;
        this.options = options;
    }

    /**
     * Sends one record to Kafka asynchronously.
     *
     * @param headers the headers a {@code to("kafka:...")} would have sent (the key, the correlation id, ...); taken
     *                as given, without another copy here (the message copies them into its own header map)
     * @param sourceBody the change it came from, kept until the send is acknowledged
     */
    public void send(Map<String, Object> headers, Object body, String topic, String sourceTopic, String sourceKey,
            String sourceBody) throws Exception {
        AsyncProducer producer = producer(topic);
        Exchange out = exchange(producer, headers, body);
        // Hands the record to the Kafka client here, on this thread; the future completes with the acknowledgement.
        CompletableFuture<Exchange> send = producer.processAsync(out);
        pending.add(new Pending(send, "Kafka topic " + topic, sourceTopic, sourceKey, sourceBody));
    }

    /**
     * Waits for Hazelcast writes a change made without waiting ({@link GoldenStore#takeWritesBehind}) with its
     * sends: before the batch is committed, and a write that failed makes the change a dead letter.
     */
    public void track(List<GoldenStore.WriteBehind> writes, String sourceTopic, String sourceKey, String sourceBody) {
        for (GoldenStore.WriteBehind w : writes) {
            pending.add(new Pending(w.done(), "Hazelcast map " + w.map(), sourceTopic, sourceKey, sourceBody));
        }
    }

    /** An outgoing exchange with these headers (no copy here: the message makes its own) and body. */
    private static Exchange exchange(AsyncProducer producer, Map<String, Object> headers, Object body) {
        Exchange out = producer.getEndpoint().createExchange(ExchangePattern.InOnly);
        out.getMessage().setHeaders(headers);
        out.getMessage().setBody(body);
        return out;
    }

    private AsyncProducer producer(String topic) throws Exception {
        AsyncProducer producer = producers.get(topic);
        if (producer == null) {
            producer = camel.getEndpoint(endpointUri(topic)).createAsyncProducer();
            camel.addService(producer, true, true);
            producers.put(topic, producer);
        }
        return producer;
    }

    /** The endpoint this sends a topic's records to. */
    String endpointUri(String topic) {
        return scheme + topic + options;
    }

    public int pending() {
        return pending.size();
    }

    /**
     * Waits for every pending write; a source change whose writes Kafka or Hazelcast refused becomes a dead letter.
     * If a dead letter cannot be written either, this throws, and the dead letters not written yet are written first
     * by the next call: the caller retries until they are, and commits only then.
     */
    public void awaitAll() throws Exception {
        try {
            for (Pending p : pending) {
                Object done;
                try {
                    done = p.write().get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    refused.add(new Refused(p, e.getCause() != null ? e.getCause().toString() : e.toString()));
                    continue;
                }
                if (done instanceof Exchange sent && sent.getException() != null) {
                    refused.add(new Refused(p, sent.getException().toString()));
                }
            }
        } finally {
            pending.clear();
        }
        while (!refused.isEmpty()) {
            Refused r = refused.get(0);
            deadLetter(r.write(), r.reason());
            refused.remove(0);
        }
    }

    /** A write Kafka or Hazelcast refused, whose source change is still to be dead-lettered. */
    private record Refused(Pending write, String reason) {
    }

    private final List<Refused> refused = new ArrayList<>();

    private void deadLetter(Pending p, String reason) throws Exception {
        deadLetter(p.sourceTopic(), p.sourceKey(), "Could not write to " + p.target() + ": " + reason, p.sourceBody());
    }

    /**
     * A write into a CRM's queue that could not be sent even after the retries: a dead letter of its own, with the
     * queue as its source, so that retrying it puts the write back on the queue (replaying the change it came from
     * would not: consolidation finds nothing changed and makes no write).
     *
     * @param queue the Artemis queue, e.g. {@code accord.outbound.helios}
     * @param key its message group (the deal or user)
     */
    public void deadLetterCrmWrite(String queue, String key, String write, String reason) throws Exception {
        deadLetter(queue, key, "Could not write to Artemis queue " + queue + ": " + reason, write);
    }

    /**
     * A change consolidation could not handle even after the retries, as it came from its topic, with the reason.
     *
     * @param topic the topic it came from, e.g. {@code accord.ingest.deal}
     * @param key its Kafka key (the source key)
     */
    public void deadLetterChange(String topic, String key, String reason, String change) throws Exception {
        deadLetter(topic, key, reason, change);
    }

    private void deadLetter(String source, String sourceKey, String why, String payload) throws Exception {
        DeadLetter letter = new DeadLetter(UUID.randomUUID().toString(), ConsolidateRoute.ROUTE_ID, source,
                sourceKey, why, payload, Instant.now());
        LOG.error("Dead letter {} for {}: {}", letter.id(), sourceKey, why);
        String text = json.writeValueAsString(letter);
        // Synchronous. If even this fails, the caller does not commit the batch, and tries again (ConsolidateRoute).
        AsyncProducer producer = producer(Topics.DEAD_LETTER);
        String key = sourceKey == null ? letter.id() : sourceKey;
        Exchange out = exchange(producer, new HashMap<>(Map.of(KafkaConstants.KEY, key)), text);
        producer.process(out);
        if (out.getException() != null) {
            throw out.getException();
        }
    }
}
