package dev.accordhub.routes.incentive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accordhub.model.DeadLetter;
import dev.accordhub.model.incentive.ErpChange;
import dev.accordhub.model.incentive.ErpChanges;
import dev.accordhub.model.incentive.ErpClient;
import dev.accordhub.model.incentive.ErpCursor;
import dev.accordhub.model.source.SourceRateLimitedException;
import dev.accordhub.routes.Topics;
import dev.accordhub.routes.ingest.IngestStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one program's ERP feed: reads what changed after the cursor, page by page, delivers each page to
 * {@code accord.erp.changes} (keyed per document; a document the connector could not map goes to
 * {@code accord.deadletter} with its reason) and only then moves the cursor. A failure leaves the cursor where
 * it was, so the page is read again (the hub drops what it already has by sequence); outages back off, doubling up to
 * 10 s, and rate limits wait as the ERP says.
 */
public class ErpPoller {

    private static final Logger LOG = LoggerFactory.getLogger(ErpPoller.class);
    /** An ERP back from an outage is read again within this; its feed is a handful of cheap reads. */
    private static final long MAX_BACKOFF_SECONDS = 10;

    private final String program;
    private final String system;
    private final ErpClient client;
    private final ProducerTemplate kafka;
    private final ObjectMapper json;
    private final int pageSize;
    private final Clock clock;
    private final IngestStatus status;
    private volatile ErpCursor cursor = ErpCursor.START;
    private Instant notBefore = Instant.MIN;
    private int failuresInRow;

    public ErpPoller(String program, String system, ErpClient client, ProducerTemplate kafka, ObjectMapper json,
            int pageSize, Clock clock) {
        this.program = program;
        this.system = system;
        this.client = client;
        this.kafka = kafka;
        this.json = json;
        this.pageSize = pageSize;
        this.clock = clock;
        this.status = new IngestStatus(program, "erp-" + system, null);
    }

    public String program() {
        return program;
    }

    public IngestStatus status() {
        return status;
    }

    public ErpCursor cursor() {
        return cursor;
    }

    /** Where to start after a restart: what the hub already holds (rebuilt from Kafka). */
    public void resumeFrom(ErpCursor from) {
        this.cursor = from;
    }

    /** Runs one poll; returns the number of changes delivered. Never throws. */
    public synchronized int poll() {
        if (clock.instant().isBefore(notBefore)) {
            return 0;
        }
        int delivered = 0;
        try {
            ErpChanges page;
            do {
                page = client.changesAfter(cursor, pageSize);
                deliver(page.changes(), page.rejected());
                delivered += page.changes().size();
                cursor = page.cursor();
            } while (page.more());
            failuresInRow = 0;
            status.succeeded(clock.instant(), clock.instant());
            if (delivered > 0) {
                status.delivered(delivered, 0);
                LOG.debug("{} ERP: {} change(s) delivered", program, delivered);
            }
        } catch (SourceRateLimitedException e) {
            notBefore = clock.instant().plus(e.retryAfter());
            status.rateLimited(clock.instant(), e.getMessage());
            LOG.info("{} ERP: rate limited, next poll after {}", program, e.retryAfter());
        } catch (RuntimeException e) {
            failuresInRow++;
            long seconds = Math.min(1L << Math.min(failuresInRow - 1, 5), MAX_BACKOFF_SECONDS);
            notBefore = clock.instant().plusSeconds(seconds);
            status.failed(clock.instant(), e.getMessage());
            LOG.warn("{} ERP: poll failed ({} in a row), next try in {} s: {}", program, failuresInRow, seconds,
                    e.toString());
        }
        return delivered;
    }

    private void deliver(List<ErpChange> changes, List<ErpChanges.Rejected> rejected) {
        List<CompletableFuture<Exchange>> sends = new ArrayList<>(changes.size() + rejected.size());
        for (ErpChange change : changes) {
            sends.add(send(Topics.ERP_CHANGES, change.key(), write(change), change.key()));
        }
        for (ErpChanges.Rejected document : rejected) {
            DeadLetter letter = new DeadLetter(UUID.randomUUID().toString(), "erp." + system, program + ":erp",
                    document.key(), document.reason(), document.raw(), clock.instant());
            LOG.warn("{} ERP: document {} sent to the dead letter topic: {}", program, document.key(),
                    document.reason());
            sends.add(send(Topics.DEAD_LETTER, document.key(), write(letter), document.key()));
        }
        for (CompletableFuture<Exchange> send : sends) {
            Exchange done;
            try {
                done = send.get(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Kafka", e);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("Kafka did not acknowledge the ERP changes: " + e.getMessage(), e);
            }
            if (done.getException() != null) {
                throw new IllegalStateException("Kafka did not take the ERP changes: "
                        + done.getException().getMessage(), done.getException());
            }
        }
    }

    private CompletableFuture<Exchange> send(String topic, String key, String body, String correlation) {
        return kafka.asyncSend("kafka:" + topic, exchange -> {
            exchange.getMessage().setHeader(KafkaConstants.KEY, key);
            exchange.getMessage().setHeader(Topics.CORRELATION_HEADER, correlation);
            exchange.getMessage().setBody(body);
        });
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value, e);
        }
    }
}
