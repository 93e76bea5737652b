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

    /** Open letters per stage (the step that gave up: {@code ingest.salesforce}, {@code erp.odata}, a write route). */
    public java.util.Map<String, Long> openCountByStage() {
        return openByStage().stream().collect(java.util.stream.Collectors.groupingBy(OpenCount::stage,
                java.util.TreeMap::new, java.util.stream.Collectors.summingLong(OpenCount::open)));
    }

    /** Where the open letters are, by stage and source: counted from two attributes, no payload is read. */
    public List<OpenCount> openByStage() {
        java.util.Map<List<String>, Long> counts = new java.util.TreeMap<>(
                Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
        for (Object[] row : entries.project(com.hazelcast.projection.Projections.multiAttribute("letter.stage",
                "letter.source"), Predicates.equal("status", Status.OPEN.name()))) {
            counts.merge(List.of(String.valueOf(row[0]), String.valueOf(row[1])), 1L, Long::sum);
        }
        return counts.entrySet().stream().map(e -> new OpenCount(e.getKey().get(0), e.getKey().get(1), e.getValue()))
                .toList();
    }

    /** Open letters of one stage and source. */
    public record OpenCount(String stage, String source, long open) {
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
