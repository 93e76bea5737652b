package dev.accordhub.connectors.scim;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Told after each successful write, in the order of the writes, while the write lock is still held: keep it quick
 * and do not call back into the service. A group whose members changed because a user was deleted is reported too.
 */
@FunctionalInterface
public interface ScimChangeListener {

    ScimChangeListener NONE = (type, resource, id) -> { };

    /**
     * @param type      resource type name, {@code User} or {@code Group}
     * @param resource  the stored resource after the write, or null when it was deleted
     * @param id        the resource id
     */
    void changed(String type, JsonNode resource, String id);
}
