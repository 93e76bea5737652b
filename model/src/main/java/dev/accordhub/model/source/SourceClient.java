package dev.accordhub.model.source;

import dev.accordhub.model.program.EntityMapping;
import java.time.Instant;

/**
 * Reads changed records of one mapped object from a source system, oldest change first. Implemented per system by
 * the connectors; the ingest engine owns watermarks, mapping and delivery.
 */
public interface SourceClient {

    /** Records modified at or after {@code since}; inclusive, so the caller drops what it already has. */
    SourcePage changedSince(EntityMapping mapping, Instant since);

    SourcePage nextPage(EntityMapping mapping, String cursor);

    /**
     * Records deleted at or after {@code since}, oldest first, for sources whose change feed does not include
     * deletions (HubSpot's search leaves archived objects out); null when {@link #changedSince} already does.
     */
    default SourcePage deletedSince(EntityMapping mapping, Instant since) {
        return null;
    }
}
