package dev.accordhub.portal.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.accordhub.connectors.scim.ScimStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * One identity provider's SCIM resources: served from a Hazelcast map, written through to the compacted topic
 * {@code accord.scim.resources} (key {@code <idp>/<type>/<id>}) before a write is answered, so a restart rebuilds
 * them. Writes of one IdP are serialised cluster-wide by a map lock.
 */
public class HazelcastScimStore implements ScimStore {

    public static final String TOPIC = dev.accordhub.routes.Topics.SCIM_RESOURCES;
    public static final String MAP = "scim-resources";

    private final String idp;
    private final IMap<String, String> resources;
    private final ProducerTemplate kafka;
    private final ObjectMapper json;

    public HazelcastScimStore(String idp, HazelcastInstance hazelcast, ProducerTemplate kafka, ObjectMapper json) {
        this.idp = idp;
        this.resources = hazelcast.getMap(MAP);
        this.kafka = kafka;
        this.json = json;
    }

    @Override
    public Optional<JsonNode> get(String type, String id) {
        return Optional.ofNullable(resources.get(key(type, id))).map(this::read);
    }

    @Override
    public List<JsonNode> all(String type) {
        String prefix = idp + "/" + type + "/";
        return resources.entrySet(com.hazelcast.query.Predicates.like("__key", prefix + "%")).stream()
                .filter(e -> e.getKey().startsWith(prefix)).map(e -> read(e.getValue())).toList();
    }

    @Override
    public void put(String type, String id, JsonNode resource) {
        String text = resource.toString();
        publish(key(type, id), text);
        resources.set(key(type, id), text);
    }

    @Override
    public void delete(String type, String id) {
        publish(key(type, id), null);
        resources.delete(key(type, id));
    }

    @Override
    public <T> T atomically(Supplier<T> write) {
        String lock = idp + "/lock";
        try {
            if (!resources.tryLock(lock, 10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("SCIM writes of " + idp + " are stuck: lock not free in 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted waiting for the SCIM lock of " + idp, e);
        }
        try {
            return write.get();
        } finally {
            resources.unlock(lock);
        }
    }

    private void publish(String key, String value) {
        try {
            kafka.asyncRequestBodyAndHeader("kafka:" + TOPIC, value, KafkaConstants.KEY, key).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not record the SCIM change of " + key + ": " + e.getMessage(), e);
        }
    }

    private String key(String type, String id) {
        return idp + "/" + type + "/" + id;
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt SCIM resource in Hazelcast", e);
        }
    }
}
