package dev.accordhub.model;

import java.time.Instant;
import java.util.List;

/**
 * Two or more sources changed the same field of one golden record to different values within the conflict window.
 * Published on {@code accord.conflicts}; the golden record already holds the winner.
 *
 * @param id     derived from the golden id, the field and the competing source versions: a replay keeps it
 * @param values every competing value with its source (program, external id, version)
 * @param rule   the survivorship rule that picked the winner
 */
public record Conflict(String id, EntityType entity, String goldenId, String field, Object winningValue,
        SourceRef winner, List<Candidate> values, String rule, Instant detectedAt) {

    public Conflict {
        values = List.copyOf(values);
    }

    /** One source's value in a conflict. */
    public record Candidate(SourceRef source, Object value) {
    }
}
