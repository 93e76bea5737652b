package dev.accordhub.connectors.scim;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link ScimStore} in a map, for tests and for embedding without a data grid. */
public final class InMemoryScimStore implements ScimStore {

    private final Map<String, Map<String, JsonNode>> byType = new ConcurrentHashMap<>();

    @Override
    public Optional<JsonNode> get(String type, String id) {
        return Optional.ofNullable(resources(type).get(id)).map(JsonNode::deepCopy);
    }

    @Override
    public List<JsonNode> all(String type) {
        return resources(type).values().stream().map(JsonNode::<JsonNode>deepCopy).toList();
    }

    @Override
    public void put(String type, String id, JsonNode resource) {
        resources(type).put(id, resource.deepCopy());
    }

    @Override
    public void delete(String type, String id) {
        resources(type).remove(id);
    }

    private Map<String, JsonNode> resources(String type) {
        return byType.computeIfAbsent(type, t -> new ConcurrentHashMap<>());
    }
}
