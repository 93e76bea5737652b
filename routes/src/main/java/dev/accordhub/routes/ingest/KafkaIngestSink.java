package dev.accordhub.routes.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accordhub.model.ChangeEvent;
import dev.accordhub.model.DeadLetter;
import dev.accordhub.model.EntityType;
import dev.accordhub.routes.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * Delivers a page of change events to {@code accord.ingest.<entity>} and its dead letters to
 * {@code accord.deadletter} through camel-kafka, keyed by source key so one record's changes stay in order.
 * The page is sent in parallel and the call returns when Kafka acknowledged all of it.
 */
public class KafkaIngestSink implements IngestSink {

    private static final long ACK_TIMEOUT_SECONDS = 60;

    private final ProducerTemplate template;
    private final ObjectMapper json;

    public KafkaIngestSink(ProducerTemplate template, ObjectMapper json) {
        this.template = template;
        this.json = json;
    }

    @Override
    public void deliver(List<ChangeEvent<?>> events, List<DeadLetter> deadLetters) {
        List<CompletableFuture<Exchange>> sends = new ArrayList<>(events.size() + deadLetters.size());
        for (ChangeEvent<?> event : events) {
            String entity = event.type().split("\\.")[2]; // dev.accordhub.<entity>.upserted|deleted
            sends.add(send(Topics.ingest(EntityType.fromCode(entity)), event.subject(), event, event.id()));
        }
        for (DeadLetter letter : deadLetters) {
            sends.add(send(Topics.DEAD_LETTER, letter.key() == null ? letter.id() : letter.key(), letter, letter.id()));
        }
        for (CompletableFuture<Exchange> send : sends) {
            Exchange done = await(send);
            if (done.getException() != null) {
                throw new IllegalStateException("Kafka did not take the page: " + done.getException().getMessage(),
                        done.getException());
            }
        }
    }

    private CompletableFuture<Exchange> send(String topic, String key, Object body, String correlation) {
        String text = write(body);
        return template.asyncSend("kafka:" + topic, exchange -> {
            exchange.getMessage().setHeader(KafkaConstants.KEY, key);
            exchange.getMessage().setHeader(Topics.CORRELATION_HEADER, correlation);
            exchange.getMessage().setBody(text);
        });
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static Exchange await(CompletableFuture<Exchange> send) {
        try {
            return send.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the page: " + e.getMessage(), e);
        }
    }
}
