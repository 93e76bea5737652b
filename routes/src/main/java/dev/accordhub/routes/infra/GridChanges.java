package dev.accordhub.routes.infra;

import com.hazelcast.core.EntryAdapter;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.MapEvent;
import com.hazelcast.query.Predicates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many times some Hazelcast maps have changed, counted from their entry events (from every member of the
 * cluster, without values): what a {@link GridDerivedCache} of answers computed from those maps compares against.
 * A map can be watched for some keys only (a SQL {@code LIKE} pattern on the key); the filter runs on the member
 * that makes the write, so the writes it leaves out raise no event at all.
 */
public final class GridChanges implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GridChanges.class);
    /** Watch every key of a map. */
    public static final String ALL_KEYS = "%";

    private final AtomicLong count = new AtomicLong();
    private final List<Runnable> deregistrations = new ArrayList<>();

    /** @param keysByMap map name → the keys to watch ({@link #ALL_KEYS}, or a {@code LIKE} pattern) */
    public GridChanges(HazelcastInstance hazelcast, Map<String, String> keysByMap) {
        EntryAdapter<Object, Object> counter = new EntryAdapter<>() {
            @Override
            public void onEntryEvent(EntryEvent<Object, Object> event) {
                count.incrementAndGet();
            }

            @Override
            public void onMapEvent(MapEvent event) {
                count.incrementAndGet();
            }
        };
        keysByMap.forEach((name, keys) -> {
            IMap<Object, Object> map = hazelcast.getMap(name);
            UUID id = ALL_KEYS.equals(keys) ? map.addEntryListener(counter, false)
                    : map.addEntryListener(counter, Predicates.like("__key", keys), false);
            deregistrations.add(() -> map.removeEntryListener(id));
        });
    }

    /**
     * Counts a change this member has just made (after the write completed), before its event comes back: whoever
     * reads after this returns sees the change, however late the event.
     */
    public void changed() {
        count.incrementAndGet();
    }

    /** Changes seen so far: a value read before some reads is still current if nothing changed since. */
    public long count() {
        return count.get();
    }

    /** Stops listening. */
    @Override
    public void close() {
        for (Runnable deregistration : deregistrations) {
            try {
                deregistration.run();
            } catch (RuntimeException e) {
                LOG.debug("Entry listener not removed (Hazelcast is stopping?): {}", e.toString());
            }
        }
        deregistrations.clear();
    }
}
