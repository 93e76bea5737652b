package dev.accordhub.routes.reconcile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accordhub.model.incentive.ErpChange;
import dev.accordhub.model.incentive.ErpChanges;
import dev.accordhub.model.incentive.ErpClient;
import dev.accordhub.model.incentive.ErpCursor;
import dev.accordhub.routes.Topics;
import dev.accordhub.routes.incentive.IncentiveStore;
import dev.accordhub.routes.incentive.StoredDocument;
import dev.accordhub.routes.reconcile.ReconciliationReport.Drift;
import dev.accordhub.routes.reconcile.ReconciliationReport.SourceStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares one program's ERP (funds, requests, claims, payouts, rates) with the documents the hub holds: the whole
 * change feed is read from its start, and a document the hub lacks, or holds at an older change sequence, is sent
 * again to {@code accord.erp.changes}, where the incentive service takes it like any change (sequences only move
 * forward, so a repair seen twice is applied once). Same sequence, other content is reported as mismatched. ERP
 * documents are never deleted, and a submission the ERP has not taken yet is the outbound queue's business, not
 * drift: the hub's side is not scanned for orphans.
 */
class ErpReconciler extends Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(ErpReconciler.class);

    private final String program;
    private final String system;
    private final ErpClient client;
    private final IncentiveStore store;
    private final ProducerTemplate kafka;
    private final ObjectMapper json;
    private final RecordHashes hashes;
    private final int pageSize;

    ErpReconciler(String program, String system, ErpClient client, IncentiveStore store, ProducerTemplate kafka,
            ObjectMapper json, int pageSize, ReconciliationProperties properties, Pacer pacer, Clock clock) {
        super(client, properties, pacer, clock);
        this.program = program;
        this.system = system;
        this.client = client;
        this.store = store;
        this.kafka = kafka;
        this.json = json;
        this.hashes = new RecordHashes(json);
        this.pageSize = pageSize;
    }

    @Override
    String program() {
        return program;
    }

    @Override
    String system() {
        return system;
    }

    @Override
    String feed() {
        return "erp";
    }

    @Override
    void run(SourceProgress progress, Instant runStarted) {
        progress.status = SourceStatus.RUNNING;
        progress.goldenCount.set(store.countFromErp(program));
        ErpCursor cursor = ErpCursor.START;
        ErpChanges page;
        do {
            ErpCursor from = cursor;
            page = call(progress, () -> client.changesAfter(from, pageSize));
            List<ErpChange> repairs = new ArrayList<>();
            for (ErpChange change : page.changes()) {
                compare(change, progress, repairs);
            }
            progress.checked.addAndGet(page.rejected().size());
            progress.unmappable.addAndGet(page.rejected().size());
            repair(repairs, progress);
            cursor = page.cursor();
        } while (page.more());
        progress.goldenCount.set(store.countFromErp(program));
        progress.status = SourceStatus.DONE;
    }

    private void compare(ErpChange change, SourceProgress progress, List<ErpChange> repairs) {
        progress.checked.incrementAndGet();
        progress.sourceCount.incrementAndGet();
        StoredDocument held = store.get(change.kind(), program, change.documentId());
        if (held == null) {
            drift(progress, progress.missing, new Drift(change.key(), "missing", null, null));
            repairs.add(change);
        } else if (change.seq() > held.change().seq()) {
            drift(progress, progress.stale, new Drift(change.key(), "stale", null, null));
            repairs.add(change);
        } else if (change.seq() == held.change().seq()
                && !hashes.of(write(change)).equals(hashes.of(write(held.change())))) {
            drift(progress, progress.mismatched, new Drift(change.key(), "mismatched", null, null));
        }
    }

    private static void drift(SourceProgress progress, java.util.concurrent.atomic.AtomicLong counter, Drift drift) {
        counter.incrementAndGet();
        progress.sample(drift);
    }

    private void repair(List<ErpChange> changes, SourceProgress progress) {
        if (changes.isEmpty() || !properties.repair()) {
            return;
        }
        List<java.util.concurrent.CompletableFuture<Exchange>> sends = new ArrayList<>();
        for (ErpChange change : changes) {
            String body = write(change);
            sends.add(kafka.asyncSend("kafka:" + Topics.ERP_CHANGES, exchange -> {
                exchange.getMessage().setHeader(KafkaConstants.KEY, change.key());
                exchange.getMessage().setHeader(Topics.CORRELATION_HEADER, change.key());
                exchange.getMessage().setBody(body);
            }));
        }
        for (var send : sends) {
            try {
                Exchange done = send.get(60, TimeUnit.SECONDS);
                if (done.getException() != null) {
                    throw new IllegalStateException("Kafka did not take the repair: "
                            + done.getException().getMessage(), done.getException());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReconciliationAbortedException("the run was interrupted (hub stopping)");
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("Kafka did not acknowledge the repair: " + e.getMessage(), e);
            }
        }
        progress.repaired.addAndGet(changes.size());
        LOG.info("Reconciliation {}:erp: sent {} drifted document(s) back through {}", program, changes.size(),
                Topics.ERP_CHANGES);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value, e);
        }
    }
}
