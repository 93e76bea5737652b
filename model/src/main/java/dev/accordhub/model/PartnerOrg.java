package dev.accordhub.model;

import java.time.Instant;
import java.util.List;

/**
 * A partner company. A mapper produces one per source record (no id, one source); consolidation produces the golden
 * record (an id, every source it was built from). {@code territory} and {@code vertical} are canonical codes from
 * the program's maps; {@code taxId} (VAT / EIN, upper-case, no separators) and {@code duns} (9 digits) are exact
 * identity keys when a source has them; {@code city} and {@code postalCode} (head office) tell namesakes apart.
 */
public record PartnerOrg(
        String id,
        String name,
        String domain,
        String country,
        String city,
        String postalCode,
        Tier tier,
        PartnerType type,
        String territory,
        String vertical,
        String taxId,
        String duns,
        PartnerStatus status,
        Instant updatedAt,
        List<SourceRef> sources) {

    public PartnerOrg {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
