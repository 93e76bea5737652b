package dev.accordhub.routes.consolidate;

import dev.accordhub.model.EntityType;

/**
 * A golden record that changed and must be published: its entity, id, and the record.
 *
 * @param json the record as written to Hazelcast, if known, so publishing does not serialise it again; or null
 */
public record GoldenChange(EntityType entity, String id, Object record, String json) {

    public GoldenChange(EntityType entity, String id, Object record) {
        this(entity, id, record, null);
    }
}
