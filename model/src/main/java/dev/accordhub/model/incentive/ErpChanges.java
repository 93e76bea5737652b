package dev.accordhub.model.incentive;

import java.util.List;

/**
 * One read of an ERP feed: the changes, oldest first per kind; the documents that could not be mapped (an unknown
 * status code, a missing amount), each with its reason and raw form, for the dead letter; the cursor after all of
 * them; and whether more are waiting. A rejected document never stalls the feed: once fixed in the ERP its next
 * change is read like any other.
 */
public record ErpChanges(List<ErpChange> changes, List<Rejected> rejected, ErpCursor cursor, boolean more) {

    /** A document the connector could not map: where it is, why, and what it said. */
    public record Rejected(String program, ErpChange.Kind kind, long seq, String documentId, String reason,
            String raw) {

        /** The dead letter's key, like {@link ErpChange#key()}. */
        public String key() {
            return program + ":" + kind + ":" + documentId;
        }
    }

    public ErpChanges {
        changes = List.copyOf(changes);
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
    }

    public ErpChanges(List<ErpChange> changes, ErpCursor cursor, boolean more) {
        this(changes, List.of(), cursor, more);
    }
}
