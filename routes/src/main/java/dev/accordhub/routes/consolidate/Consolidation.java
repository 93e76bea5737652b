package dev.accordhub.routes.consolidate;

import dev.accordhub.model.Conflict;
import java.util.List;

/** What applying one source change produced: the changed golden record, and any conflicts it revealed. */
public record Consolidation(GoldenChange golden, List<Conflict> conflicts) {

    public Consolidation {
        conflicts = List.copyOf(conflicts);
    }

    public static Consolidation of(GoldenChange golden) {
        return new Consolidation(golden, List.of());
    }
}
