package dev.accordhub.routes.deadletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import dev.accordhub.model.DeadLetter;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Dead letters as operators see them, in Hazelcast ({@code dead-letters}): the letter and its status (OPEN,
 * RETRIED, DISCARDED). Letters come from {@code accord.deadletter}; statuses are kept on the compacted
 * {@code accord.deadletter.status}; both are read back at start-up.
 */
public class DeadLetterStore {

    public static final String MAP = "dead-letters";

    public enum Status { OPEN, RETRIED, DISCARDED }

    /** A letter with its handling. */
    public record Entry(DeadLetter letter, Status status, Instant handledAt, String note) {
    }

    private final IMap<String, HazelcastJsonValue> entries;
    private final ObjectMapper json;

    public DeadLetterStore(HazelcastInstance hazelcast, ObjectMapper json) {
        this.entries = hazelcast.getMap(MAP);
        this.json = json;
    }

    /** Records a letter as open unless it is already known (a re-read of the topic keeps its status). */
    public void arrived(DeadLetter letter) {
        entries.putIfAbsent(letter.id(), value(new Entry(letter, Status.OPEN, null, null)));
    }

    public Optional<Entry> get(String id) {
        HazelcastJsonValue value = entries.get(id);
        return value == null ? Optional.empty() : Optional.of(read(value.getValue()));
    }

    public Entry handled(String id, Status status, Instant at, String note) {
        Entry entry = get(id).orElseThrow();
        Entry handled = new Entry(entry.letter(), status, at, note);
        entries.set(id, value(handled));
        return handled;
    }

    public void restore(Entry entry) {
        entries.set(entry.letter().id(), value(entry));
    }

    /** How many letters are in this status, counted in the grid (no letter is read): for the metrics scrape. */
    public long count(Status status) {
        return entries.aggregate(com.hazelcast.aggregation.Aggregators.count(),
                Predicates.equal("status", status.name()));
    }

    /**
     * Letters in this status per stage (the step that gave up: {@code ingest.salesforce}, {@code erp.odata},
     * {@code registration-write-helios}...): only the stage attribute leaves the grid.
     */
    public java.util.Map<String, Long> countByStage(Status status) {
        java.util.Collection<String> stages = entries.project(
                com.hazelcast.projection.Projections.singleAttribute("letter.stage"),
                Predicates.equal("status", status.name()));
        return stages.stream().collect(java.util.stream.Collectors.groupingBy(
                stage -> stage == null ? "unknown" : stage, java.util.TreeMap::new,
                java.util.stream.Collectors.counting()));
    }

    public List<Entry> list(Status status) {
        return entries.values(Predicates.equal("status", status.name())).stream().map(v -> read(v.getValue()))
                .sorted(Comparator.comparing((Entry e) -> e.letter().time()).thenComparing(e -> e.letter().id()))
                .toList();
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Entry read(String text) {
        try {
            return json.readValue(text, Entry.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt dead letter entry: " + text, e);
        }
    }

    private HazelcastJsonValue value(Entry entry) {
        return new HazelcastJsonValue(write(entry));
    }
}
