package dev.accordhub.routes.ingest;

import dev.accordhub.model.EntityType;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** What an operator needs to know about one ingest or ERP poller ({@code entity} null for an ERP feed): when it last worked, what failed, how much flowed. */
public class IngestStatus {

    private final String program;
    private final String system;
    private final EntityType entity;
    private final AtomicLong ingested = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile Instant lastSuccess;
    private volatile Instant watermark;
    private volatile Instant lastErrorAt;
    private volatile String lastError;
    private volatile boolean failing;

    public IngestStatus(String program, String system, EntityType entity) {
        this.program = program;
        this.system = system;
        this.entity = entity;
    }

    public void delivered(int events, int deadLetters) {
        ingested.addAndGet(events);
        deadLettered.addAndGet(deadLetters);
    }

    public void succeeded(Instant at, Instant watermark) {
        this.lastSuccess = at;
        this.watermark = watermark;
        this.failing = false;
    }

    public void rateLimited(Instant at, String message) {
        rateLimited.incrementAndGet();
        this.lastErrorAt = at;
        this.lastError = message;
    }

    public void failed(Instant at, String message) {
        failures.incrementAndGet();
        this.lastErrorAt = at;
        this.lastError = message;
        this.failing = true;
    }

    public String program() { return program; }
    public String system() { return system; }
    public EntityType entity() { return entity; }
    public long ingested() { return ingested.get(); }
    public long deadLettered() { return deadLettered.get(); }
    public long rateLimitedCount() { return rateLimited.get(); }
    public long failureCount() { return failures.get(); }
    public Instant lastSuccess() { return lastSuccess; }
    public Instant watermark() { return watermark; }
    public Instant lastErrorAt() { return lastErrorAt; }
    public String lastError() { return lastError; }
    /** The last poll failed (a rate limit alone does not count: it only delays). */
    public boolean failing() { return failing; }
}
