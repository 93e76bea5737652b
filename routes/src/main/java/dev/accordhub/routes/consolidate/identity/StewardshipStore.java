package dev.accordhub.routes.consolidate.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import dev.accordhub.model.identity.StewardshipTask;
import dev.accordhub.model.identity.XrefEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stewardship tasks and the identity history, in Hazelcast ({@code stewardship}, {@code xref-history}) as JSON so
 * they can be queried by status or record; their durable copies are the compacted topics {@code accord.stewardship}
 * and {@code accord.xref.history}, read back at start-up.
 */
public class StewardshipStore {

    public static final String TASKS = "stewardship";
    public static final String HISTORY = "xref-history";

    private final IMap<String, HazelcastJsonValue> tasks;
    private final IMap<String, HazelcastJsonValue> history;
    private final ObjectMapper json;

    public StewardshipStore(HazelcastInstance hazelcast, ObjectMapper json) {
        this.tasks = hazelcast.getMap(TASKS);
        this.history = hazelcast.getMap(HISTORY);
        this.json = json;
    }

    /** Opens a task for this pair unless one was ever opened for it (a rejected pair is not raised again). */
    public Optional<StewardshipTask> open(String goldenId, String candidateId, double score, List<String> reasons,
            Instant at) {
        String id = UUID.nameUUIDFromBytes(("review|" + goldenId + "|" + candidateId)
                .getBytes(StandardCharsets.UTF_8)).toString();
        if (tasks.containsKey(id)) {
            return Optional.empty();
        }
        StewardshipTask task = new StewardshipTask(id, goldenId, candidateId, score, reasons,
                StewardshipTask.Status.OPEN, at, null, null);
        put(task);
        return Optional.of(task);
    }

    public Optional<StewardshipTask> task(String id) {
        HazelcastJsonValue value = tasks.get(id);
        return value == null ? Optional.empty() : Optional.of(read(value.getValue(), StewardshipTask.class));
    }

    public List<StewardshipTask> tasks(StewardshipTask.Status status) {
        return tasks.values(Predicates.equal("status", status.name())).stream()
                .map(v -> read(v.getValue(), StewardshipTask.class))
                .sorted(Comparator.comparing(StewardshipTask::createdAt).thenComparing(StewardshipTask::id)).toList();
    }

    public void put(StewardshipTask task) {
        tasks.set(task.id(), new HazelcastJsonValue(write(task)));
    }

    public void putRaw(String id, String taskJson) {
        tasks.set(id, new HazelcastJsonValue(taskJson));
    }

    public void record(XrefEntry entry) {
        history.set(entry.commandId(), new HazelcastJsonValue(write(entry)));
    }

    public void recordRaw(String commandId, String entryJson) {
        history.set(commandId, new HazelcastJsonValue(entryJson));
    }

    /** Every merge, unmerge and decision that involved this record, oldest first. */
    public List<XrefEntry> history(String goldenId) {
        return history.values(Predicates.or(Predicates.equal("goldenId", goldenId),
                        Predicates.equal("otherId", goldenId))).stream()
                .map(v -> read(v.getValue(), XrefEntry.class))
                .sorted(Comparator.comparing(XrefEntry::at).thenComparing(XrefEntry::commandId)).toList();
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt " + type.getSimpleName() + " in Hazelcast: " + text, e);
        }
    }
}
