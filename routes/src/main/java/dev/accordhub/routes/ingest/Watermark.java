package dev.accordhub.routes.ingest;

import dev.accordhub.model.source.SourceRecord;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How far one object of one program has been ingested: the newest source stamp delivered, and the ids delivered
 * at exactly that stamp. The next poll asks for stamps at or after {@code since} (several records can share a
 * stamp, and one committed a moment later must not be skipped) and drops only those ids.
 */
public record Watermark(Instant since, Set<String> idsAtSince) {

    public static final Watermark START = new Watermark(Instant.EPOCH, Set.of());

    public Watermark {
        idsAtSince = Set.copyOf(idsAtSince);
    }

    public boolean alreadyDelivered(SourceRecord rec) {
        return rec.version() != null
                && (rec.version().isBefore(since) || rec.version().equals(since) && idsAtSince.contains(rec.externalId()));
    }

    /** The watermark after delivering these records (in stamp order, none already delivered). */
    public Watermark after(List<SourceRecord> delivered) {
        Instant newest = since;
        Set<String> ids = new HashSet<>(idsAtSince);
        for (SourceRecord rec : delivered) {
            if (rec.version() == null || rec.version().isBefore(newest)) {
                continue;
            }
            if (rec.version().isAfter(newest)) {
                newest = rec.version();
                ids.clear();
            }
            ids.add(rec.externalId());
        }
        return new Watermark(newest, ids);
    }
}
