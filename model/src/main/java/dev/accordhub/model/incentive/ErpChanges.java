package dev.accordhub.model.incentive;

import java.util.List;

/** One read of an ERP feed: the changes, oldest first per kind; the cursor after them; whether more are waiting. */
public record ErpChanges(List<ErpChange> changes, ErpCursor cursor, boolean more) {

    public ErpChanges {
        changes = List.copyOf(changes);
    }
}
