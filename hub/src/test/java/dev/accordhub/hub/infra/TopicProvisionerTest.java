package dev.accordhub.hub.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accordhub.routes.infra.TopicProvisioner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub's topics are served by the time {@link TopicProvisioner#ensureTopics} returns, on a fresh broker and on a
 * restarted one: every partition answers at the first asking, and the first idempotent sends to every partition are
 * all taken. (A send that reached a partition before its broker opened it could be refused as out of sequence until
 * its delivery timeout, KAFKA-15591; the timeout here is 10 s instead of 120 s, so such a send fails the test. The
 * race itself is a matter of milliseconds and is not forced here: this checks the contract the hub relies on.)
 */
class TopicProvisionerTest {

    @TempDir
    Path dataDir;

    @Test
    void everyPartitionTakesItsFirstSendsOnAFreshAndARestartedBroker() throws Exception {
        int port;
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir, 0, 0, Map.of())) {
            broker.start();
            port = broker.brokerPort();
            TopicProvisioner.ensureTopics(broker.bootstrapServers(), 3, (short) 1, 3_600_000);
            assertServedAndWritable(broker.bootstrapServers(), "fresh");
        }
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir, port, 0, Map.of())) {
            broker.start();
            TopicProvisioner.ensureTopics(broker.bootstrapServers(), 3, (short) 1, 3_600_000);
            assertServedAndWritable(broker.bootstrapServers(), "restarted");
        }
    }

    private static void assertServedAndWritable(String bootstrap, String which) throws Exception {
        List<TopicPartition> partitions = new ArrayList<>();
        // No retries: a partition not served yet fails the listing instead of being waited for.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.RETRIES_CONFIG, 0))) {
            var topics = admin.describeTopics(admin.listTopics().names().get(10, TimeUnit.SECONDS)).allTopicNames()
                    .get(10, TimeUnit.SECONDS);
            topics.values().forEach(t -> t.partitions().forEach(p -> partitions.add(
                    new TopicPartition(t.name(), p.partition()))));
            assertThat(topics).as(which).containsKeys("accord.ingest.deal", "accord.golden.deal",
                    "accord.deal.commands", "accord.deadletter");
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            assertThat(admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS)).as(which).hasSize(partitions.size());
        }
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (TopicPartition tp : partitions) {
                    sends.add(producer.send(new ProducerRecord<>(tp.topic(), tp.partition(), "k" + round,
                            "{\"round\":" + round + "}")));
                }
            }
            for (Future<RecordMetadata> send : sends) {
                assertThat(send.get(30, TimeUnit.SECONDS).hasOffset()).as(which).isTrue();
            }
        }
    }
}
