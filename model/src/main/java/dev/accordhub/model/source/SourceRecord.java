package dev.accordhub.model.source;

import java.time.Instant;
import java.util.Map;

/**
 * One record as a source system returned it, flattened to field name → value, before any mapping.
 *
 * @param rawJson the record exactly as received, kept for dead letters
 */
public record SourceRecord(String externalId, Instant version, boolean deleted, Map<String, Object> fields, String rawJson) {

    public Object field(String name) {
        return name == null ? null : fields.get(name);
    }
}
