package dev.accordhub.model.identity;

import java.time.Instant;
import java.util.List;

/**
 * One line of a golden record's identity history: a merge (sources that came in from {@code otherId}), an
 * unmerge (the source that left, now record {@code otherId}), or a stewardship decision.
 */
public record XrefEntry(String commandId, IdentityCommand.Type type, String goldenId, String otherId,
        List<String> sourceKeys, String outcome, Instant at, String by) {

    public XrefEntry {
        sourceKeys = sourceKeys == null ? List.of() : List.copyOf(sourceKeys);
    }
}
