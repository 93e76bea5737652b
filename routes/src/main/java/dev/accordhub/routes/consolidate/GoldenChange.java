package dev.accordhub.routes.consolidate;

import dev.accordhub.model.EntityType;

/** A golden record that changed and must be published: its entity, id, and the record. */
public record GoldenChange(EntityType entity, String id, Object record) {
}
