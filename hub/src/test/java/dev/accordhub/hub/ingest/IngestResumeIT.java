package dev.accordhub.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accordhub.connectors.salesforce.SalesforceConnector;
import dev.accordhub.hub.infra.EmbeddedKafkaBroker;
import dev.accordhub.model.EntityType;
import dev.accordhub.model.program.EntityMapping;
import dev.accordhub.model.program.ProgramDefinition;
import dev.accordhub.model.program.ProgramRecordMapper;
import dev.accordhub.model.source.SourcePage;
import dev.accordhub.model.testing.TestClock;
import dev.accordhub.routes.TopicReader;
import dev.accordhub.routes.Topics;
import dev.accordhub.routes.infra.TopicProvisioner;
import dev.accordhub.routes.ingest.CheckpointStore;
import dev.accordhub.routes.ingest.IngestPoller;
import dev.accordhub.routes.ingest.KafkaIngestSink;
import dev.accordhub.routes.ingest.Watermark;
import dev.accordhub.routes.programs.ProgramLoader;
import dev.accordhub.sandbox.salesforce.SalesforceSandbox;
import dev.accordhub.sandbox.seed.DemoData;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source that fails in the middle of a paged read: the pages before the failure are delivered and
 * checkpointed, the poll backs off, and the next poll resumes after them — every record once, none twice.
 * Real Kafka, real camel-salesforce against the Salesforce sandbox answering 503 on the second page. And the two
 * paces: asked again at once while changes come, after the idle interval once none did.
 */
class IngestResumeIT {

    static final int PARTNERS = 30;
    static final int PAGE = 10;

    @TempDir
    Path dataDir;
    EmbeddedKafkaBroker kafka;
    SalesforceSandbox salesforce;
    DefaultCamelContext camel;
    CheckpointStore checkpoints;
    final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    final TestClock clock = TestClock.at(Instant.parse("2026-11-25T12:00:00Z"));

    @BeforeEach
    void start() {
        kafka = new EmbeddedKafkaBroker(dataDir.resolve("kafka"), 0, 0, Map.of());
        kafka.start();
        TopicProvisioner.ensureTopics(kafka.bootstrapServers(), 3, (short) 1, 3_600_000);
        salesforce = SalesforceSandbox.builder().clientId("accord-demo").clientSecret("accord-demo-secret")
                .queryBatchSize(PAGE).seed(DemoData.generate(3, PARTNERS, Instant.parse("2026-11-20T00:00:00Z")))
                .start();
        camel = new DefaultCamelContext();
        KafkaComponent kafkaComponent = new KafkaComponent();
        kafkaComponent.getConfiguration().setBrokers(kafka.bootstrapServers());
        camel.addComponent("kafka", kafkaComponent);
        checkpoints = new CheckpointStore(kafka.bootstrapServers(), json);
    }

    @AfterEach
    void stop() {
        checkpoints.close();
        camel.stop();
        salesforce.close();
        kafka.close();
    }

    @Test
    void aFailureOnTheSecondPageLosesNothingAndDuplicatesNothing() {
        ProgramDefinition helios = helios();
        SalesforceConnector connector = new SalesforceConnector(camel, helios, json);
        camel.start();
        FailingAfterFirstPage source = new FailingAfterFirstPage(connector);
        IngestPoller poller = new IngestPoller(EntityType.PARTNER, new ProgramRecordMapper(helios), source,
                checkpoints, new KafkaIngestSink(camel.createProducerTemplate(), json), clock);

        int first = poller.poll();

        assertThat(first).isEqualTo(PAGE);
        assertThat(poller.status().failing()).isTrue();
        assertThat(poller.status().lastError()).contains("503");
        assertThat(poller.poll()).as("backing off").isZero();

        clock.advance(Duration.ofSeconds(2));
        int second = poller.poll();

        assertThat(first + second).isEqualTo(PARTNERS);
        assertThat(poller.status().failing()).isFalse();
        List<String> ids = new ArrayList<>();
        TopicReader.readAll(kafka.bootstrapServers(), Topics.ingest(EntityType.PARTNER), (key, value) -> ids.add(key));
        assertThat(ids).hasSize(PARTNERS).doesNotHaveDuplicates();
        assertThat(poller.poll()).as("nothing new at the source").isZero();
    }

    @Test
    void asksAtTheBusyPaceWhileChangesComeAndAtTheIdlePaceOnceNoneCameForAWhile() {
        ProgramDefinition helios = helios();
        CountingClient source = new CountingClient(new SalesforceConnector(camel, helios, json));
        camel.start();
        IngestPoller poller = new IngestPoller(EntityType.PARTNER, new ProgramRecordMapper(helios), source,
                checkpoints, new KafkaIngestSink(camel.createProducerTemplate(), json), clock, Duration.ofMillis(500));

        assertThat(poller.poll()).isEqualTo(PARTNERS);
        int reads = source.reads;
        for (int tick = 1; tick <= 5; tick++) {
            clock.advance(Duration.ofMillis(100));
            assertThat(poller.poll()).as("nothing new").isZero();
            assertThat(source.reads).as("%d ms after changes were found: asked", tick * 100).isGreaterThan(reads);
            reads = source.reads;
        }

        // 500 ms without changes: idle until 500 ms after that last poll.
        for (int tick = 1; tick <= 4; tick++) {
            clock.advance(Duration.ofMillis(100));
            poller.poll();
        }
        assertThat(source.reads).as("within the idle interval").isEqualTo(reads);

        clock.advance(Duration.ofMillis(100));
        poller.poll();
        assertThat(source.reads).as("once the idle interval is over").isGreaterThan(reads);
        assertThat(poller.status().failing()).isFalse();
    }

    @Test
    void asksForDeletionsEveryFiveSecondsHoweverOftenItPolls() {
        ProgramDefinition helios = helios();
        CountingClient source = new CountingClient(new SalesforceConnector(camel, helios, json));
        camel.start();
        IngestPoller poller = new IngestPoller(EntityType.PARTNER, new ProgramRecordMapper(helios), source,
                checkpoints, new KafkaIngestSink(camel.createProducerTemplate(), json), clock);

        // The seeded partners first. A poll that fails (it happened once: a fresh broker refused the very first
        // sends for 120 s, KAFKA-15591, before TopicProvisioner waited for the partitions to be served) backs off,
        // at most 30 s of this clock: past that, every poll below finds nothing new to send.
        boolean delivered = false;
        for (int attempt = 0; attempt < 5 && !delivered; attempt++) {
            poller.poll();
            delivered = !poller.status().failing()
                    && !Watermark.START.equals(checkpoints.get(poller.key()));
            clock.advance(Duration.ofSeconds(31));
        }
        assertThat(delivered).as("the partners delivered").isTrue();
        source.reads = 0;
        source.deletionChecks = 0;

        for (int tick = 0; tick < 120; tick++) { // 12 s at 100 ms
            poller.poll();
            clock.advance(Duration.ofMillis(100));
        }

        assertThat(source.reads).as("changes: on every poll").isEqualTo(120);
        assertThat(source.deletionChecks).as("deletions: at 0, 5 and 10 s").isEqualTo(3);
    }

    private ProgramDefinition helios() {
        return new ProgramLoader(text -> text
                .replace("${accord.sandbox.salesforce.url}", salesforce.baseUrl())
                .replaceAll("\\$\\{[A-Z_]+:([^}]*)}", "$1"))
                .load(Path.of("../config/programs")).stream().filter(p -> p.id().equals("helios")).findFirst()
                .orElseThrow();
    }

    /** The real connector, counting the reads (first pages and next pages) it is asked for. */
    private static final class CountingClient implements dev.accordhub.model.source.SourceClient {
        private final SalesforceConnector delegate;
        int reads;

        CountingClient(SalesforceConnector delegate) {
            this.delegate = delegate;
        }

        @Override
        public SourcePage changedSince(EntityMapping mapping, Instant since) {
            reads++;
            return delegate.changedSince(mapping, since);
        }

        @Override
        public SourcePage nextPage(EntityMapping mapping, String cursor) {
            reads++;
            return delegate.nextPage(mapping, cursor);
        }

        int deletionChecks;

        @Override
        public SourcePage deletedSince(EntityMapping mapping, Instant since) {
            deletionChecks++;
            return delegate.deletedSince(mapping, since);
        }
    }

    /** The real connector; after the first page of the first read, the sandbox is told to fail the next call. */
    private final class FailingAfterFirstPage implements dev.accordhub.model.source.SourceClient {
        private final SalesforceConnector delegate;
        private boolean failed;

        FailingAfterFirstPage(SalesforceConnector delegate) {
            this.delegate = delegate;
        }

        @Override
        public SourcePage changedSince(EntityMapping mapping, Instant since) {
            SourcePage page = delegate.changedSince(mapping, since);
            if (!failed) {
                failed = true;
                salesforce.failNext(1, 503);
            }
            return page;
        }

        @Override
        public SourcePage nextPage(EntityMapping mapping, String cursor) {
            return delegate.nextPage(mapping, cursor);
        }
    }
}
