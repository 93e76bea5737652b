package dev.accordhub.sandbox.erp.odata;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;
import org.apache.olingo.commons.api.data.Entity;

/**
 * The Olingo entity of each stored row, built once. Every read of a set filters all of its rows as entities, and an
 * idle hub reads each set five times a second: building them anew each time (properties, timestamps, the entity's
 * URI) was most of the sandbox's CPU. Rows are immutable records that the store replaces on every change, so a row
 * maps to one entity for as long as it is stored; the keys are weak, so replaced rows leave the cache with the
 * garbage collector. The entities are shared between requests and only read (filter, ordering, serializer).
 */
final class ODataErpEntityCache {

    private final Map<Record, Entity> entities = Collections.synchronizedMap(new WeakHashMap<>());

    <R extends Record> Entity of(R row, Function<R, Entity> build) {
        Entity entity = entities.get(row);
        if (entity == null) {
            entity = build.apply(row);
            entities.put(row, entity);
        }
        return entity;
    }
}
