package dev.accordhub.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An opportunity a partner works on. {@code partnerKey} is the source key of the partner company in the deal's own
 * program; the golden partner is found through the cross-reference, so partner merges never rewrite deals.
 */
public record Deal(
        String id,
        String name,
        String partnerKey,
        String customerName,
        Money amount,
        DealStage stage,
        LocalDate closeDate,
        Instant updatedAt,
        List<SourceRef> sources) {

    public Deal {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
