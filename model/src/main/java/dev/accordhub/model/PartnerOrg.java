package dev.accordhub.model;

import java.time.Instant;
import java.util.List;

/**
 * A partner company. A mapper produces one per source record (no id, one source); consolidation produces the golden
 * record (an id, every source it was built from).
 */
public record PartnerOrg(
        String id,
        String name,
        String domain,
        String country,
        Tier tier,
        PartnerType type,
        PartnerStatus status,
        Instant updatedAt,
        List<SourceRef> sources) {

    public PartnerOrg {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
