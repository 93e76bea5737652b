package dev.accordhub.routes.ingest;

import dev.accordhub.model.ChangeEvent;
import dev.accordhub.model.DeadLetter;
import dev.accordhub.model.EntityType;
import dev.accordhub.model.program.EntityMapping;
import dev.accordhub.model.program.MappingException;
import dev.accordhub.model.program.ProgramRecordMapper;
import dev.accordhub.model.source.SourceClient;
import dev.accordhub.model.source.SourcePage;
import dev.accordhub.model.source.SourceRateLimitedException;
import dev.accordhub.model.source.SourceRecord;
import dev.accordhub.model.source.SourceUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One incremental poll of one object of one program: fetch the records changed since the watermark page by page,
 * map each to a canonical change event (or a dead letter saying why it cannot be), deliver the page, and only then
 * move the watermark. A failure leaves the watermark where it was, so the next poll fetches the page again.
 * Rate limits and outages back off instead of hammering the source.
 *
 * <p>Two paces: called on every tick of its timer (the busy interval), it asks the source each time while changes keep
 * coming. Once a whole idle interval has passed without any, it lets calls pass without asking until the next idle
 * interval is over. A stream of changes is read every ~100 ms (one empty poll in it does not slow it down); a quiet
 * source is asked no more often than before, plus a few polls after each burst.
 */
public class IngestPoller {

    private static final Logger LOG = LoggerFactory.getLogger(IngestPoller.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /**
     * Sources that report deletions separately (HubSpot) are asked for them at most this often: it costs a scan.
     * (Every tenth poll until 2026-11-26, which the 100 ms busy pace made once a second.)
     */
    static final Duration DELETION_CHECK_INTERVAL = Duration.ofSeconds(5);

    private final String key;
    private final EntityType entity;
    private final EntityMapping mapping;
    private final ProgramRecordMapper mapper;
    private final SourceClient client;
    private final CheckpointStore checkpoints;
    private final IngestSink sink;
    private final Clock clock;
    private final IngestStatus status;
    private final Duration idleInterval;
    private Instant notBefore = Instant.MIN;
    private Instant lastFound = Instant.MIN;
    private int failuresInRow;
    private Instant deletionsDue = Instant.MIN;

    /** Asks the source on every call (one pace). */
    public IngestPoller(EntityType entity, ProgramRecordMapper mapper, SourceClient client,
            CheckpointStore checkpoints, IngestSink sink, Clock clock) {
        this(entity, mapper, client, checkpoints, sink, clock, Duration.ZERO);
    }

    /**
     * @param idleInterval once this long has passed without changes, how long calls pass without asking the source
     *                     (zero: every call asks)
     */
    public IngestPoller(EntityType entity, ProgramRecordMapper mapper, SourceClient client,
            CheckpointStore checkpoints, IngestSink sink, Clock clock, Duration idleInterval) {
        this.idleInterval = idleInterval;
        this.entity = entity;
        this.mapper = mapper;
        this.mapping = mapper.program().entity(entity);
        this.key = mapper.program().id() + ":" + entity.code();
        this.client = client;
        this.checkpoints = checkpoints;
        this.sink = sink;
        this.clock = clock;
        this.status = new IngestStatus(mapper.program().id(), mapper.program().system(), entity);
    }

    public String key() {
        return key;
    }

    public IngestStatus status() {
        return status;
    }

    /**
     * Runs one poll, unless backing off or idle; returns the number of records delivered (events and dead letters).
     * Never throws.
     */
    public synchronized int poll() {
        Instant now = clock.instant();
        if (now.isBefore(notBefore)) {
            return 0;
        }
        int delivered = 0;
        try {
            Watermark watermark = checkpoints.get(key);
            SourcePage page = client.changedSince(mapping, watermark.since());
            while (true) {
                delivered += deliver(page, watermark, key);
                watermark = checkpoints.get(key);
                if (!page.hasMore()) {
                    break;
                }
                page = client.nextPage(mapping, page.nextCursor());
            }
            if (!now.isBefore(deletionsDue)) {
                String deletedKey = key + ":deleted";
                Watermark deletedMark = checkpoints.get(deletedKey);
                SourcePage deleted = client.deletedSince(mapping, deletedMark.since());
                if (deleted != null) {
                    delivered += deliver(deleted, deletedMark, deletedKey);
                }
                deletionsDue = now.plus(DELETION_CHECK_INTERVAL);
            }
            failuresInRow = 0;
            status.succeeded(clock.instant(), checkpoints.get(key).since());
            Instant done = clock.instant();
            if (delivered > 0) {
                lastFound = done;
            } else if (!done.isBefore(lastFound.plus(idleInterval))) {
                notBefore = done.plus(idleInterval);
            }
        } catch (SourceRateLimitedException e) {
            notBefore = clock.instant().plus(e.retryAfter());
            status.rateLimited(clock.instant(), e.getMessage());
            LOG.info("{}: rate limited by the source, next poll after {} ({} records delivered first)", key,
                    e.retryAfter(), delivered);
        } catch (SourceUnavailableException e) {
            backOff(e);
        } catch (RuntimeException e) {
            backOff(e);
        }
        return delivered;
    }

    private int deliver(SourcePage page, Watermark watermark, String checkpoint) {
        List<SourceRecord> fresh = page.records().stream().filter(r -> !watermark.alreadyDelivered(r)).toList();
        if (fresh.isEmpty()) {
            return 0;
        }
        List<ChangeEvent<?>> events = new ArrayList<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        for (SourceRecord rec : fresh) {
            try {
                events.add(toEvent(rec));
            } catch (MappingException | IllegalArgumentException e) {
                deadLetters.add(new DeadLetter(UUID.randomUUID().toString(), "ingest." + mapper.program().system(),
                        key, rec.externalId() == null ? null : key + ":" + rec.externalId(), e.getMessage(),
                        rec.rawJson(), clock.instant()));
                LOG.warn("{}: record {} sent to the dead letter topic: {}", key, rec.externalId(), e.getMessage());
            }
        }
        sink.deliver(events, deadLetters);
        checkpoints.put(checkpoint, watermark.after(fresh));
        status.delivered(events.size(), deadLetters.size());
        return fresh.size();
    }

    private ChangeEvent<?> toEvent(SourceRecord rec) {
        return switch (entity) {
            case PARTNER -> {
                var org = mapper.toPartner(rec);
                yield event(rec, org.sources().get(0), org);
            }
            case USER -> {
                var user = mapper.toUser(rec);
                yield event(rec, user.sources().get(0), user);
            }
            case DEAL -> {
                var deal = mapper.toDeal(rec);
                yield event(rec, deal.sources().get(0), deal);
            }
        };
    }

    private <T> ChangeEvent<T> event(SourceRecord rec, dev.accordhub.model.SourceRef ref, T data) {
        return rec.deleted() ? ChangeEvent.deleted(entity, ref, data) : ChangeEvent.upserted(entity, ref, data);
    }

    private void backOff(RuntimeException e) {
        failuresInRow++;
        long seconds = Math.min(1L << Math.min(failuresInRow - 1, 5), MAX_BACKOFF.toSeconds());
        notBefore = clock.instant().plusSeconds(seconds);
        status.failed(clock.instant(), e.getMessage());
        LOG.warn("{}: poll failed ({} in a row), next try in {} s: {}", key, failuresInRow, seconds, e.toString());
    }
}
