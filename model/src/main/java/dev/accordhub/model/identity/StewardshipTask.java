package dev.accordhub.model.identity;

import java.time.Instant;
import java.util.List;

/**
 * A possible duplicate that matching was not sure enough of: the new golden record {@code goldenId} may be the same
 * company as {@code candidateId}. A data steward accepts (the two are merged) or rejects (they stay apart, and the
 * pair is not raised again). Kept on the compacted topic {@code accord.stewardship}, keyed by id.
 */
public record StewardshipTask(String id, String goldenId, String candidateId, double score, List<String> reasons,
        Status status, Instant createdAt, Instant decidedAt, String decidedBy) {

    public enum Status { OPEN, ACCEPTED, REJECTED }

    public StewardshipTask {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public StewardshipTask decided(Status outcome, Instant at, String by) {
        return new StewardshipTask(id, goldenId, candidateId, score, reasons, outcome, createdAt, at, by);
    }
}
