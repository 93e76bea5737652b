package dev.accordhub.sandbox.hubspot;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One CRM object as stored. Immutable: a write replaces it, so a copy handed out never changes under the reader.
 * {@code createdAt} and {@code updatedAt} mirror {@code createdate} and the last-modified property.
 */
public record HubSpotObject(
        String id,
        Map<String, String> properties,
        Instant createdAt,
        Instant updatedAt,
        boolean archived,
        Instant archivedAt) {

    public HubSpotObject {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** The value, or null when the object does not have the property. */
    public String property(String name) {
        return properties.get(name);
    }
}
