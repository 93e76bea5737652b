package dev.accordhub.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An opportunity a partner works on. {@code partnerKey} is the source key of the partner company in the deal's own
 * program; the golden partner is found through the cross-reference, so partner merges never rewrite deals.
 * {@code registration} is set when the deal is (or came from) a partner's registration through the portal.
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
        List<SourceRef> sources,
        DealRegistration registration) {

    public Deal {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** A deal that is no registration. */
    public Deal(String id, String name, String partnerKey, String customerName, Money amount, DealStage stage,
            LocalDate closeDate, Instant updatedAt, List<SourceRef> sources) {
        this(id, name, partnerKey, customerName, amount, stage, closeDate, updatedAt, sources, null);
    }

    public Deal withRegistration(DealRegistration newRegistration) {
        return new Deal(id, name, partnerKey, customerName, amount, stage, closeDate, updatedAt, sources,
                newRegistration);
    }
}
