package dev.accordhub.routes.consolidate.survivorship;

import dev.accordhub.model.Conflict;
import dev.accordhub.model.EntityType;
import dev.accordhub.model.SourceRef;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Finds concurrent edits: the incoming change altered a field (its value differs from what the same source said
 * before) while another source of the same golden record, changed within the conflict window, holds a different
 * value for it. Sources only say when a record changed, not which field, so "changed within the window" is the
 * other record's stamp.
 */
public final class ConflictDetector {

    private final Duration window;

    public ConflictDetector(Duration window) {
        this.window = window;
    }

    public <T> List<Conflict> detect(FieldSet<T> set, EntityType entity, String goldenId, T change, T previous,
            List<T> others, Map<String, FieldLineage> won, Instant now) {
        if (previous == null || others.isEmpty()) {
            return List.of();
        }
        Instant changedAt = set.updatedAt().apply(change);
        List<Conflict> conflicts = new ArrayList<>();
        set.fields().forEach((field, read) -> {
            Object value = read.apply(change);
            if (value == null || Objects.equals(value, read.apply(previous))) {
                return;
            }
            List<Conflict.Candidate> competing = new ArrayList<>();
            for (T other : others) {
                Object theirs = read.apply(other);
                if (theirs != null && !theirs.equals(value) && within(set.updatedAt().apply(other), changedAt)) {
                    competing.add(new Conflict.Candidate(set.source().apply(other), theirs));
                }
            }
            if (!competing.isEmpty()) {
                competing.add(new Conflict.Candidate(set.source().apply(change), value));
                competing.sort(Comparator.comparing(c -> c.source().program() + ":" + c.source().externalId()));
                FieldLineage winner = won.get(field);
                conflicts.add(new Conflict(id(goldenId, field, competing), entity, goldenId, field, winner.value(),
                        winner.source(), competing, winner.rule().name(), now));
            }
        });
        return conflicts;
    }

    private boolean within(Instant a, Instant b) {
        return a != null && b != null && Duration.between(a, b).abs().compareTo(window) <= 0;
    }

    private static String id(String goldenId, String field, List<Conflict.Candidate> competing) {
        StringBuilder key = new StringBuilder(goldenId).append('|').append(field);
        for (Conflict.Candidate c : competing) {
            SourceRef s = c.source();
            key.append('|').append(s.program()).append(':').append(s.externalId()).append('@').append(s.version());
        }
        return UUID.nameUUIDFromBytes(key.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }

}
