package dev.accordhub.connectors.scim;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where SCIM resources live. Resources are stored as the service renders them minus anything that depends on the
 * request (meta.location, $ref, a user's groups). Implementations must not hand out nodes that they keep: the
 * service never mutates what it gets, but callers of the store might.
 */
public interface ScimStore {

    Optional<JsonNode> get(String type, String id);

    List<JsonNode> all(String type);

    void put(String type, String id, JsonNode resource);

    void delete(String type, String id);

    /**
     * Runs one write (read, check uniqueness, store) so that no other write interleaves. The default serialises
     * the writes of this JVM; a store shared by several hub members overrides it with a cluster-wide lock.
     */
    default <T> T atomically(Supplier<T> write) {
        synchronized (this) {
            return write.get();
        }
    }
}
