package dev.accordhub.model;

import java.time.Instant;
import java.util.List;

/** A person who works for a partner company. {@code partnerKey} is the source key of their company. */
public record PartnerUser(
        String id,
        String email,
        String firstName,
        String lastName,
        String title,
        String partnerKey,
        PartnerStatus status,
        Instant updatedAt,
        List<SourceRef> sources) {

    public PartnerUser {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
