package dev.accordhub.model;

import java.time.Instant;
import java.util.List;

/**
 * A person who works for a partner company. {@code partnerKey} is the source key of their company; {@code roles}
 * (partner-admin, partner-sales, partner-marketing, partner-finance) come from the identity providers.
 */
public record PartnerUser(
        String id,
        String email,
        String firstName,
        String lastName,
        String title,
        String partnerKey,
        PartnerStatus status,
        Instant updatedAt,
        List<SourceRef> sources,
        List<String> roles) {

    public PartnerUser {
        sources = sources == null ? List.of() : List.copyOf(sources);
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** A user as a CRM knows them: no roles. */
    public PartnerUser(String id, String email, String firstName, String lastName, String title, String partnerKey,
            PartnerStatus status, Instant updatedAt, List<SourceRef> sources) {
        this(id, email, firstName, lastName, title, partnerKey, status, updatedAt, sources, List.of());
    }
}
