package dev.accordhub.routes.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accordhub.routes.TopicReader;
import dev.accordhub.routes.Topics;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Watermarks, kept in the compacted topic {@code accord.checkpoints} (key = {@code program:entity}) and read back
 * in full at start-up, so a restarted hub polls on from where it stopped. A write returns once Kafka has it.
 */
public class CheckpointStore implements AutoCloseable {

    private final Map<String, Watermark> watermarks = new ConcurrentHashMap<>();
    private final ObjectMapper json;
    private final KafkaProducer<String, String> producer;

    public CheckpointStore(String bootstrapServers, ObjectMapper json) {
        this.json = json;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "accord-checkpoints");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        TopicReader.readAll(bootstrapServers, Topics.CHECKPOINTS, (key, value) -> {
            if (value == null) {
                watermarks.remove(key);
            } else {
                watermarks.put(key, read(value));
            }
        });
    }

    public Watermark get(String key) {
        return watermarks.getOrDefault(key, Watermark.START);
    }

    public void put(String key, Watermark watermark) {
        try {
            producer.send(new ProducerRecord<>(Topics.CHECKPOINTS, key, json.writeValueAsString(watermark)))
                    .get(30, TimeUnit.SECONDS);
            watermarks.put(key, watermark);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while saving the watermark of " + key, e);
        } catch (ExecutionException | TimeoutException | IOException e) {
            throw new IllegalStateException("Could not save the watermark of " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private Watermark read(String value) {
        try {
            return json.readValue(value, Watermark.class);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable checkpoint " + value, e);
        }
    }
}
