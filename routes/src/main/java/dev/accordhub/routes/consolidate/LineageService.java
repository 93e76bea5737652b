package dev.accordhub.routes.consolidate;

import dev.accordhub.model.EntityType;
import dev.accordhub.model.PartnerOrg;
import dev.accordhub.model.SourceRef;
import dev.accordhub.routes.consolidate.survivorship.FieldLineage;
import dev.accordhub.routes.consolidate.survivorship.FieldSet;
import dev.accordhub.routes.consolidate.survivorship.Survivorship;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lineage of a golden partner: for each field, the source, source version and rule its value came from.
 * Worked out from the stored source snapshots with the same survivorship the consolidator uses, so it always
 * matches the golden record and needs no storage of its own.
 */
public class LineageService {

    private final GoldenStore store;
    private final Survivorship survivorship;

    public LineageService(GoldenStore store, Survivorship survivorship) {
        this.store = store;
        this.survivorship = survivorship;
    }

    public Optional<List<FieldLineage>> partnerLineage(String goldenId) {
        PartnerOrg golden = store.get(EntityType.PARTNER, goldenId, PartnerOrg.class);
        if (golden == null) {
            return Optional.empty();
        }
        List<PartnerOrg> snapshots = new ArrayList<>();
        for (SourceRef ref : golden.sources()) {
            PartnerOrg snapshot = store.sourceRecord(ref.key(EntityType.PARTNER), PartnerOrg.class);
            if (snapshot != null) {
                snapshots.add(snapshot);
            }
        }
        return Optional.of(List.copyOf(survivorship.lineage(FieldSet.PARTNER, snapshots).values()));
    }
}
