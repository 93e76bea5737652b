package dev.accordhub.sandbox.hubspot;

import dev.accordhub.sandbox.SandboxClock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The portal's objects by type, ordered by numeric id; one lock, objects immutable, so reads hand out the stored ones. */
final class HubSpotStore {

    private final SandboxClock clock;
    private final Map<HubSpotObjectType, TreeMap<Long, HubSpotObject>> objects = new EnumMap<>(HubSpotObjectType.class);
    /** HubSpot ids are large numbers; starting high keeps them from looking like row counts. */
    private long lastId = 5_000_000_000L;

    HubSpotStore(SandboxClock clock) {
        this.clock = clock;
        for (HubSpotObjectType type : HubSpotObjectType.values()) {
            objects.put(type, new TreeMap<>());
        }
    }

    synchronized HubSpotObject create(HubSpotObjectType type, Map<String, String> given) {
        Map<String, String> values = HubSpotPropertyWrite.normalise(type, given, true);
        checkUnique(type, values, null);
        long id = ++lastId;
        String now = HubSpotValues.formatInstant(clock.next());
        Map<String, String> properties = new LinkedHashMap<>(values);
        properties.putIfAbsent("createdate", now);
        properties.put(type.lastModifiedProperty(), now);
        properties.put("hs_object_id", Long.toString(id));
        return save(type, id, properties, false, null);
    }

    synchronized HubSpotObject update(HubSpotObjectType type, String id, Map<String, String> given) {
        HubSpotObject current = get(type, id, false).orElseThrow(HubSpotApiException::notFound);
        Map<String, String> values = HubSpotPropertyWrite.normalise(type, given, false);
        checkUnique(type, values, current.id());
        Map<String, String> properties = new LinkedHashMap<>(current.properties());
        properties.putAll(values);
        properties.put(type.lastModifiedProperty(), HubSpotValues.formatInstant(clock.next()));
        return save(type, Long.parseLong(current.id()), properties, false, null);
    }

    /** What a batch update did: the objects saved, in input order, and the ids that are not there. */
    record BatchUpdate(List<HubSpotObject> saved, List<String> missing) {
    }

    /**
     * {@code batch/update}: every input's properties are checked first, and one invalid value fails the whole batch
     * with nothing written; then each object that exists is updated, in input order. Ids that are not there (or
     * archived) are reported, the others saved all the same.
     */
    synchronized BatchUpdate updateBatch(HubSpotObjectType type, List<Map.Entry<String, Map<String, String>>> inputs) {
        List<Map<String, String>> values = new java.util.ArrayList<>(inputs.size());
        for (Map.Entry<String, Map<String, String>> input : inputs) {
            Map<String, String> normalised = HubSpotPropertyWrite.normalise(type, input.getValue(), false);
            get(type, input.getKey(), false).ifPresent(current -> checkUnique(type, normalised, current.id()));
            values.add(normalised);
        }
        List<HubSpotObject> saved = new java.util.ArrayList<>();
        List<String> missing = new java.util.ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            String id = inputs.get(i).getKey();
            if (get(type, id, false).isEmpty()) {
                missing.add(id);
            } else {
                saved.add(update(type, id, values.get(i)));
            }
        }
        return new BatchUpdate(saved, missing);
    }

    /** Archives, as HubSpot's DELETE does; archiving twice is harmless. */
    synchronized void archive(HubSpotObjectType type, String id) {
        HubSpotObject current = get(type, id, true).orElseThrow(HubSpotApiException::notFound);
        if (!current.archived()) {
            Instant now = clock.next();
            Map<String, String> properties = new LinkedHashMap<>(current.properties());
            properties.put(type.lastModifiedProperty(), HubSpotValues.formatInstant(now));
            save(type, Long.parseLong(current.id()), properties, true, now);
        }
    }

    synchronized Optional<HubSpotObject> get(HubSpotObjectType type, String id, boolean includeArchived) {
        Long key = parseId(id);
        HubSpotObject object = key == null ? null : objects.get(type).get(key);
        return Optional.ofNullable(object).filter(o -> includeArchived || !o.archived());
    }

    /** Objects of the type in id order, either the live ones or the archived ones, as the list API splits them. */
    synchronized List<HubSpotObject> list(HubSpotObjectType type, boolean archived) {
        return objects.get(type).values().stream().filter(o -> o.archived() == archived).toList();
    }

    /** Stores as given, without checks, for seed data and malformed-object tests; ids and stamps are filled in. */
    synchronized HubSpotObject putRaw(HubSpotObjectType type, Map<String, String> given, boolean archived) {
        long id = ++lastId;
        Map<String, String> properties = new LinkedHashMap<>(given);
        String now = HubSpotValues.formatInstant(clock.next());
        properties.putIfAbsent("createdate", now);
        properties.putIfAbsent(type.lastModifiedProperty(), properties.get("createdate"));
        properties.put("hs_object_id", Long.toString(id));
        HubSpotObject saved = save(type, id, properties, archived, null);
        clock.notBefore(saved.updatedAt());
        return saved;
    }

    private HubSpotObject save(HubSpotObjectType type, long id, Map<String, String> properties, boolean archived,
                               Instant archivedAt) {
        Instant created = instantOrEpoch(properties.get("createdate"));
        Instant updated = instantOrEpoch(properties.get(type.lastModifiedProperty()));
        HubSpotObject object = new HubSpotObject(Long.toString(id), properties, created, updated, archived,
                archived && archivedAt == null ? updated : archivedAt);
        objects.get(type).put(id, object);
        return object;
    }

    /** A contact's e-mail is unique in a portal; a second one is refused with 409 naming the existing id. */
    private void checkUnique(HubSpotObjectType type, Map<String, String> values, String ownId) {
        String property = type.uniqueProperty();
        String value = property == null ? null : values.get(property);
        if (value == null || value.isEmpty()) {
            return;
        }
        for (HubSpotObject other : objects.get(type).values()) {
            if (!other.archived() && !other.id().equals(ownId) && value.equalsIgnoreCase(other.property(property))) {
                throw new HubSpotApiException(409, "CONFLICT", "Contact already exists. Existing ID: " + other.id());
            }
        }
    }

    private static Instant instantOrEpoch(String value) {
        Instant instant = value == null ? null : HubSpotValues.instantOrNull(value);
        return instant == null ? Instant.EPOCH : instant;
    }

    private static Long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
