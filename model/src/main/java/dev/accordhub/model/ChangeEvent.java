package dev.accordhub.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The envelope of every change the hub writes to Kafka, shaped as a CloudEvent (structured JSON mode).
 * {@code subject} is the key of the record that changed; {@code id} is derived from that key and the source version,
 * so the same change read twice carries the same id.
 *
 * @param <T> the canonical record, absent for a delete
 */
public record ChangeEvent<T>(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        T data) {

    public static final String SPEC_VERSION = "1.0";

    public ChangeEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
    }

    /** A source record was created or updated; {@code subject} is its source key. */
    public static <T> ChangeEvent<T> upserted(EntityType entity, SourceRef ref, T data) {
        String key = ref.key(entity);
        return new ChangeEvent<>(SPEC_VERSION, key + "@" + ref.version().toEpochMilli(),
                "/accord/programs/" + ref.program() + "/" + ref.system(),
                "dev.accordhub." + entity.code() + ".upserted", key, ref.version(), "application/json", data);
    }

    /** A source record was deleted; {@code data} is its last state, so the version and key travel with it. */
    public static <T> ChangeEvent<T> deleted(EntityType entity, SourceRef ref, T data) {
        ChangeEvent<T> upsert = upserted(entity, ref, data);
        return new ChangeEvent<>(SPEC_VERSION, upsert.id(), upsert.source(), "dev.accordhub." + entity.code()
                + ".deleted", upsert.subject(), upsert.time(), upsert.datacontenttype(), data);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isDelete() {
        return type.endsWith(".deleted");
    }
}
