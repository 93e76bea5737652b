package dev.accordhub.sandbox.salesforce;

import dev.accordhub.sandbox.SandboxClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The org's records, one lock for all: writes are rare next to reads and a query must see one consistent state.
 * Records leave the store only as copies.
 */
final class SalesforceStore {

    /** What an upsert did, for the 201 / 200 answer. */
    record UpsertResult(String id, boolean created) {
    }

    private final SalesforceSchema schema;
    private final SandboxClock clock;
    private final SalesforceIds ids = new SalesforceIds();
    private final Map<String, Map<String, Map<String, Object>>> recordsByType = new HashMap<>();

    SalesforceStore(SalesforceSchema schema, SandboxClock clock) {
        this.schema = schema;
        this.clock = clock;
    }

    SalesforceSchema schema() {
        return schema;
    }

    synchronized String create(String typeName, Map<String, Object> fields) {
        SObjectType type = schema.require(typeName);
        Map<String, Object> values = SalesforceWriteFields.resolve(type, fields, null);
        return insert(type, values);
    }

    synchronized void update(String typeName, String id, Map<String, Object> fields) {
        checkedUpdate(typeName, id, fields).run();
    }

    /**
     * One record's update in an sObject Collections request: its id and the fields it sets, or why the request
     * cannot even say that ({@code malformed}: it fails in its place).
     */
    record Update(String type, String id, Map<String, Object> fields, SalesforceApiException malformed) {
    }

    /**
     * Updates in the order given, under one hold of the lock: each one's failure in its place (null where it
     * succeeded). With {@code allOrNone}, every update is checked before any is made, and one failure makes none.
     */
    synchronized List<SalesforceApiException> updateAll(List<Update> updates, boolean allOrNone) {
        List<SalesforceApiException> failures = new ArrayList<>(updates.size());
        List<Runnable> checked = new ArrayList<>(updates.size());
        for (Update u : updates) {
            if (u.malformed() != null) {
                failures.add(u.malformed());
                continue;
            }
            try {
                Runnable write = checkedUpdate(u.type(), u.id(), u.fields());
                if (allOrNone) {
                    checked.add(write);
                } else {
                    write.run();
                }
                failures.add(null);
            } catch (SalesforceApiException e) {
                failures.add(e);
            }
        }
        if (allOrNone && failures.stream().allMatch(java.util.Objects::isNull)) {
            checked.forEach(Runnable::run);
        }
        return failures;
    }

    /** Checks an update against the record as it is now; the write it returns makes it. */
    private Runnable checkedUpdate(String typeName, String id, Map<String, Object> fields) {
        SObjectType type = schema.require(typeName);
        Map<String, Object> record = live(type, id).orElseThrow(SalesforceApiException::notFound);
        Map<String, Object> values = SalesforceWriteFields.resolve(type, fields, record.get("Id").toString());
        Map<String, Object> after = new LinkedHashMap<>(record);
        after.putAll(values);
        SalesforceWriteFields.checkRequired(type, after);
        checkReferences(type, values);
        return () -> {
            record.putAll(values);
            stampWrite(record);
        };
    }

    synchronized UpsertResult upsert(String typeName, String externalIdField, String value, Map<String, Object> fields) {
        SObjectType type = schema.require(typeName);
        SalesforceField key = type.externalIdField(externalIdField, true);
        // The key is in the URL; camel-salesforce may also send it in the body, as null. The URL wins.
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.keySet().removeIf(name -> name.equalsIgnoreCase(key.name()));
        List<Map<String, Object>> matches = findLive(type, key, value);
        if (matches.size() > 1) {
            throw new SalesforceApiException(300, "MULTIPLE_CHOICES",
                    "More than one record found for external id field " + key.name() + " = " + value);
        }
        if (matches.size() == 1) {
            String id = matches.get(0).get("Id").toString();
            update(typeName, id, body);
            return new UpsertResult(id, false);
        }
        if (key.name().equals("Id")) {
            throw SalesforceApiException.notFound();
        }
        Map<String, Object> values = SalesforceWriteFields.resolve(type, body, null);
        values.put(key.name(), value);
        return new UpsertResult(insert(type, values), true);
    }

    /** Moves the record to the recycle bin: {@code queryAll} still sees it, with IsDeleted = true. */
    synchronized void delete(String typeName, String id) {
        SObjectType type = schema.require(typeName);
        Map<String, Object> record = live(type, id).orElseThrow(SalesforceApiException::notFound);
        record.put("IsDeleted", true);
        stampWrite(record);
    }

    synchronized Optional<Map<String, Object>> get(String typeName, String id) {
        SObjectType type = schema.require(typeName);
        return live(type, id).map(LinkedHashMap::new);
    }

    synchronized List<Map<String, Object>> findByExternalId(String typeName, String field, String value) {
        SObjectType type = schema.require(typeName);
        SalesforceField key = type.externalIdField(field, false);
        return findLive(type, key, value).stream().<Map<String, Object>>map(LinkedHashMap::new).toList();
    }

    /** Copies of every record of the type in creation order, the recycle bin included if asked. */
    synchronized List<Map<String, Object>> snapshot(String typeName, boolean includeDeleted) {
        return snapshot(typeName, includeDeleted, record -> true);
    }

    /**
     * Copies of the records the filter accepts. The filter sees the stored records themselves, under the store's
     * lock, and must only read them: a query copies its matches, not the whole object, which every poll of an idle
     * hub used to do.
     */
    synchronized List<Map<String, Object>> snapshot(String typeName, boolean includeDeleted,
                                                    Predicate<Map<String, Object>> filter) {
        SObjectType type = schema.require(typeName);
        return records(type).values().stream()
                .filter(r -> includeDeleted || !Boolean.TRUE.equals(r.get("IsDeleted")))
                .filter(filter)
                .<Map<String, Object>>map(LinkedHashMap::new)
                .toList();
    }

    /**
     * Inserts as given, without any check, for seed data and for tests of malformed records. Missing system fields
     * are filled in; given timestamps are kept, and later writes are stamped after them.
     */
    synchronized String putRaw(String typeName, Map<String, Object> fields) {
        SObjectType type = schema.require(typeName);
        Map<String, Object> record = new LinkedHashMap<>();
        fields.forEach((name, value) -> record.put(type.field(name).map(SalesforceField::name).orElse(name), value));
        Instant now = clock.next();
        record.putIfAbsent("Id", ids.next(type.keyPrefix()));
        record.putIfAbsent("IsDeleted", false);
        record.putIfAbsent("CreatedDate", now);
        record.putIfAbsent("LastModifiedDate", record.get("CreatedDate"));
        record.putIfAbsent("SystemModstamp", record.get("LastModifiedDate"));
        if (record.get("SystemModstamp") instanceof Instant stamp) {
            clock.notBefore(stamp);
        }
        records(type).put(record.get("Id").toString(), record);
        return record.get("Id").toString();
    }

    private String insert(SObjectType type, Map<String, Object> values) {
        SalesforceWriteFields.checkRequired(type, values);
        checkReferences(type, values);
        Map<String, Object> record = new LinkedHashMap<>();
        for (SalesforceField field : type.fields()) {
            record.put(field.name(), null);
        }
        record.putAll(defaultsOnCreate(type));
        record.putAll(values);
        String id = ids.next(type.keyPrefix());
        Instant now = clock.next();
        record.put("Id", id);
        record.put("IsDeleted", false);
        record.put("CreatedDate", now);
        record.put("LastModifiedDate", now);
        record.put("SystemModstamp", now);
        records(type).put(id, record);
        return id;
    }

    private static Map<String, Object> defaultsOnCreate(SObjectType type) {
        return switch (type.name()) {
            case SalesforceSchema.ACCOUNT -> Map.of("IsPartner", false);
            case SalesforceSchema.OPPORTUNITY -> Map.of("CurrencyIsoCode", "USD");
            default -> Map.of();
        };
    }

    private void checkReferences(SObjectType type, Map<String, Object> values) {
        for (SalesforceField field : type.fields()) {
            Object target = values.get(field.name());
            if (field.referenceTo() != null && target != null
                    && live(schema.require(field.referenceTo()), target.toString()).isEmpty()) {
                throw new SalesforceApiException(400, "INVALID_CROSS_REFERENCE_KEY",
                        field.name() + ": id value of incorrect type: " + target, List.of(field.name()));
            }
        }
    }

    private void stampWrite(Map<String, Object> record) {
        Instant now = clock.next();
        record.put("LastModifiedDate", now);
        record.put("SystemModstamp", now);
    }

    /** A record by its 18- or 15-character id, unless it is in the recycle bin. */
    private Optional<Map<String, Object>> live(SObjectType type, String id) {
        Map<String, Map<String, Object>> records = records(type);
        Map<String, Object> record = id.length() == 15 ? records.get(SalesforceIds.withSuffix(id)) : records.get(id);
        return Optional.ofNullable(record).filter(r -> !Boolean.TRUE.equals(r.get("IsDeleted")));
    }

    private List<Map<String, Object>> findLive(SObjectType type, SalesforceField key, String value) {
        if (key.name().equals("Id")) {
            return live(type, value).map(List::of).orElse(List.of());
        }
        List<Map<String, Object>> matches = new ArrayList<>();
        for (Map<String, Object> record : records(type).values()) {
            Object stored = record.get(key.name());
            if (!Boolean.TRUE.equals(record.get("IsDeleted")) && stored != null
                    && stored.toString().equalsIgnoreCase(value)) {
                matches.add(record);
            }
        }
        return matches;
    }

    private Map<String, Map<String, Object>> records(SObjectType type) {
        return recordsByType.computeIfAbsent(type.name(), k -> new LinkedHashMap<>());
    }
}
