package dev.accordhub.routes.infra;

import dev.accordhub.model.EntityType;
import dev.accordhub.routes.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the hub's topics when they are missing. Ingest, golden and checkpoint topics are compacted: the latest
 * value per key is kept forever, which is what lets a restarted hub rebuild its state. Dead letters are kept for
 * a configurable time, and so are conflict events.
 */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

    private TopicProvisioner() {
    }

    public static void ensureTopics(String bootstrapServers, int partitions, short replication, long deadLetterRetentionMs) {
        List<NewTopic> wanted = new ArrayList<>();
        for (EntityType entity : EntityType.values()) {
            wanted.add(compacted(Topics.ingest(entity), partitions, replication));
            wanted.add(compacted(Topics.golden(entity), partitions, replication));
        }
        wanted.add(compacted(Topics.CHECKPOINTS, 1, replication));
        wanted.add(compacted(Topics.XREF_HISTORY, partitions, replication));
        wanted.add(compacted(Topics.DEAD_LETTER_STATUS, partitions, replication));
        wanted.add(compacted(Topics.STEWARDSHIP, partitions, replication));
        wanted.add(compacted(Topics.SCIM_RESOURCES, partitions, replication));
        wanted.add(compacted(Topics.ERP_CHANGES, partitions, replication));
        wanted.add(compacted(Topics.REGISTRATIONS_HELD, partitions, replication));
        // One partition: commands apply in the order operators gave them; kept forever as the audit log.
        wanted.add(new NewTopic(Topics.IDENTITY_COMMANDS, 1, replication).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, "-1")));
        wanted.add(new NewTopic(Topics.DEAL_COMMANDS, partitions, replication).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, "-1")));
        wanted.add(new NewTopic(Topics.MDF_COMMANDS, partitions, replication).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, "-1")));
        for (String log : List.of(Topics.DEAD_LETTER, Topics.CONFLICTS, Topics.ALERTS)) {
            wanted.add(new NewTopic(log, partitions, replication).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                    TopicConfig.RETENTION_MS_CONFIG, Long.toString(deadLetterRetentionMs))));
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                LOG.info("Created Kafka topics {}", missing.stream().map(NewTopic::name).toList());
            }
            awaitServed(admin, wanted.stream().map(NewTopic::name).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating Kafka topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot create the hub's Kafka topics at " + bootstrapServers + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Returns once the leader of every partition of these topics answers for it. A created topic is not served at
     * once (the controller has recorded it, the broker opens its partitions a moment later), nor are a restarted
     * broker's. An idempotent producer whose first request reaches a partition in that moment, while a later request
     * gets in after it, then sees every retry of the first refused as out of sequence until its delivery timeout
     * (KAFKA-15591; seen here as an ingest poll stuck for 120 s on a fresh broker), and the retried records land
     * after the later ones. The hub's producers start after this.
     */
    static void awaitServed(Admin admin, List<String> topics) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SERVED_TIMEOUT_SECONDS);
        while (true) {
            try {
                Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
                admin.describeTopics(topics).allTopicNames().get(SERVED_TIMEOUT_SECONDS, TimeUnit.SECONDS).values()
                        .forEach(topic -> topic.partitions().forEach(p -> partitions.put(
                                new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
                admin.listOffsets(partitions).all().get(SERVED_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw new TimeoutException("The hub's topics are not served yet: " + e.getCause().getMessage());
                }
                LOG.debug("Topics not served yet ({}); asking again", e.getCause().toString());
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
    }

    private static final long SERVED_TIMEOUT_SECONDS = 30;

    private static NewTopic compacted(String name, int partitions, short replication) {
        return new NewTopic(name, partitions, replication).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "60000"));
    }
}
