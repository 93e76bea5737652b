package dev.accordhub.hub.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedKafkaBrokerTest {

    private static final String TOPIC = "accord.events";

    @TempDir
    Path dataDir;

    @Test
    void dataAndClusterIdSurviveRestart() throws Exception {
        String firstClusterId;
        int firstPort;

        long t0 = System.nanoTime();
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir, 0, 0, Map.of())) {
            broker.start();
            System.out.printf("first start (format + startup) took %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            firstClusterId = broker.clusterId();
            firstPort = broker.brokerPort();
            assertNotNull(firstClusterId);
            assertEquals("127.0.0.1:" + firstPort, broker.bootstrapServers());
            assertTrue(Files.exists(dataDir.resolve("meta.properties")));

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                assertEquals(firstClusterId, admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS));
                NewTopic topic = new NewTopic(TOPIC, 3, (short) 1)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }

            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps(broker.bootstrapServers()))) {
                for (int i = 1; i <= 3; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, "key-" + i, "value-" + i)).get(30, TimeUnit.SECONDS);
                }
            }
            broker.close();
            broker.close(); // idempotent
        }

        // Brand-new instance on the same directory, re-using the same client port.
        long t1 = System.nanoTime();
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir, firstPort, 0, Map.of())) {
            broker.start();
            System.out.printf("restart took %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t1));
            assertEquals(firstClusterId, broker.clusterId());
            assertEquals(firstPort, broker.brokerPort());

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                assertEquals(firstClusterId, admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS));
                ConfigResource res = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
                Config cfg = admin.describeConfigs(List.of(res)).all().get(30, TimeUnit.SECONDS).get(res);
                assertEquals(TopicConfig.CLEANUP_POLICY_COMPACT, cfg.get(TopicConfig.CLEANUP_POLICY_CONFIG).value());
                assertEquals(Set.of(TOPIC), admin.listTopics().names().get(30, TimeUnit.SECONDS));
            }

            Map<String, String> seen = new HashMap<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps(broker.bootstrapServers()))) {
                consumer.subscribe(List.of(TOPIC));
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ZERO).untilAsserted(() -> {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        seen.put(r.key(), r.value());
                    }
                    assertEquals(Map.of("key-1", "value-1", "key-2", "value-2", "key-3", "value-3"), seen);
                });
            }
        }
    }

    @Test
    void rejectsManagedProperties() {
        assertThrows(IllegalArgumentException.class,
                () -> new EmbeddedKafkaBroker(dataDir, 0, 0, Map.of("log.dirs", "/tmp/x")));
    }

    @Test
    void startTwiceFails() {
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir, 0, 0, Map.of())) {
            broker.start();
            assertThrows(IllegalStateException.class, broker::start);
        }
    }

    private static Map<String, Object> producerProps(String bootstrap) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    }

    private static Map<String, Object> consumerProps(String bootstrap) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "restart-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    }
}
