package dev.accordhub.model.incentive;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where an ERP feed stands: per kind of document, the ERP's change sequence of the last document read (its change
 * counter: an OData {@code ChangeSeq} property, an interface table's {@code CHANGE_SEQ} column). Sequences only
 * grow, so "after" never skips nor repeats a change.
 */
public record ErpCursor(Map<ErpChange.Kind, Long> positions) {

    public static final ErpCursor START = new ErpCursor(Map.of());

    public ErpCursor {
        positions = Map.copyOf(positions);
    }

    public long position(ErpChange.Kind kind) {
        return positions.getOrDefault(kind, 0L);
    }

    /** This cursor moved to {@code seq} for {@code kind}; never backwards. */
    public ErpCursor with(ErpChange.Kind kind, long seq) {
        if (seq <= position(kind)) {
            return this;
        }
        Map<ErpChange.Kind, Long> moved = new TreeMap<>(positions);
        moved.put(kind, seq);
        return new ErpCursor(moved);
    }
}
