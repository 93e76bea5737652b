package dev.accordhub.model.identity;

import java.time.Instant;

/**
 * An operator's decision about partner identities, applied by the consolidation route in order with source changes
 * and kept on {@code accord.identity.commands} as the record of every merge and unmerge.
 *
 * <ul>
 *   <li>MERGE: {@code otherId}'s sources move into {@code goldenId}; {@code otherId} is removed.</li>
 *   <li>UNMERGE: {@code sourceKey} leaves {@code goldenId} and becomes a record of its own again.</li>
 *   <li>ACCEPT / REJECT: the decision on stewardship task {@code taskId} (accept merges its two records).</li>
 * </ul>
 */
public record IdentityCommand(String id, Type type, String goldenId, String otherId, String sourceKey, String taskId,
        Instant requestedAt, String requestedBy) {

    public enum Type { MERGE, UNMERGE, ACCEPT, REJECT }
}
