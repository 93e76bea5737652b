package dev.accordhub.routes.consolidate;

import dev.accordhub.model.Conflict;
import dev.accordhub.model.identity.StewardshipTask;
import dev.accordhub.model.identity.XrefEntry;
import java.util.List;

/**
 * What one change or identity command produced: the golden records that changed (a null record is a removal), the
 * conflicts it revealed, the stewardship tasks it opened or decided, and the identity history it wrote.
 */
public record Consolidation(List<GoldenChange> changes, List<Conflict> conflicts, List<StewardshipTask> tasks,
        List<XrefEntry> history) {

    public Consolidation {
        changes = List.copyOf(changes);
        conflicts = List.copyOf(conflicts);
        tasks = List.copyOf(tasks);
        history = List.copyOf(history);
    }

    public static Consolidation of(GoldenChange golden) {
        return new Consolidation(List.of(golden), List.of(), List.of(), List.of());
    }

    /** The single golden change of a source change. */
    public GoldenChange golden() {
        return changes.get(0);
    }
}
