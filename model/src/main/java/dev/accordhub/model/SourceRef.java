package dev.accordhub.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a canonical record came from: the source system, the acquired program that owns it, the record's id there,
 * and the source's own version of it (its last-modified stamp). The version decides which change is newer.
 */
public record SourceRef(String system, String program, String externalId, Instant version) {

    public SourceRef {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(version, "version");
    }

    /** The stable key of one source record of the given kind, e.g. {@code helios:partner:0015g00000ABCDEAA1}. */
    public String key(EntityType entity) {
        return SourceKeys.of(program, entity, externalId);
    }

    public boolean isNewerThan(SourceRef other) {
        return other == null || version.isAfter(other.version);
    }
}
