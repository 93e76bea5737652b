package dev.accordhub.routes.incentive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import dev.accordhub.model.registration.Alert;
import java.util.Comparator;
import java.util.List;

/**
 * The alerts operators see ({@code alerts} map, keyed by alert id, rebuilt from {@code accord.alerts}). Alert ids
 * name their finding, so {@link #raise} tells a new finding from one already raised.
 */
public class AlertStore {

    public static final String MAP = "alerts";

    private final IMap<String, HazelcastJsonValue> alerts;
    private final ObjectMapper json;

    public AlertStore(HazelcastInstance hazelcast, ObjectMapper json) {
        this.alerts = hazelcast.getMap(MAP);
        this.json = json;
    }

    /** Records the alert; true if it is new, false if the same finding was raised before. */
    public boolean raise(Alert alert) {
        return alerts.putIfAbsent(alert.id(), new HazelcastJsonValue(write(alert))) == null;
    }

    /** An alert event read back from {@code accord.alerts} (at start-up, or raised by another part of the hub). */
    public void restore(String eventJson) {
        try {
            Alert alert = json.treeToValue(json.readTree(eventJson).path("data"), Alert.class);
            alerts.putIfAbsent(alert.id(), new HazelcastJsonValue(write(alert)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("Not an alert event: " + eventJson, e);
        }
    }

    /** The alert as the CloudEvents-shaped JSON {@code accord.alerts} carries ({@code source} e.g. /accord/incentives). */
    public String event(Alert alert, String source) {
        var event = new dev.accordhub.model.ChangeEvent<>(dev.accordhub.model.ChangeEvent.SPEC_VERSION, alert.id(),
                source, "dev.accordhub.alert." + alert.type().name().toLowerCase(java.util.Locale.ROOT),
                alert.subject(), alert.time(), "application/json", alert);
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write alert " + alert.id(), e);
        }
    }

    /** The newest first; {@code type} null for all. */
    public List<Alert> list(Alert.Type type, int limit) {
        var values = type == null ? alerts.values() : alerts.values(Predicates.equal("type", type.name()));
        return values.stream().map(v -> read(v.getValue()))
                .sorted(Comparator.comparing(Alert::time).reversed().thenComparing(Alert::id)).limit(limit).toList();
    }

    /** How many alerts of this type were raised, counted in the grid (no alert is read): for the metrics scrape. */
    public long count(Alert.Type type) {
        return alerts.aggregate(com.hazelcast.aggregation.Aggregators.count(), Predicates.equal("type", type.name()));
    }

    public Alert get(String id) {
        HazelcastJsonValue value = alerts.get(id);
        return value == null ? null : read(value.getValue());
    }

    public String write(Alert alert) {
        try {
            return json.writeValueAsString(alert);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write alert " + alert.id(), e);
        }
    }

    private Alert read(String value) {
        try {
            return json.readValue(value, Alert.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt alert: " + value, e);
        }
    }
}
