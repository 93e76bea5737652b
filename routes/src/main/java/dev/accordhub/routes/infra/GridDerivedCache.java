package dev.accordhub.routes.infra;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers computed from Hazelcast maps (a caller's resolution, a fund's balance), kept until those maps change.
 * Each answer carries the {@link GridChanges} count read before it was computed, and is used only while no change
 * has come since: so an answer that a change overtook while it was being read is never used, and every change is
 * seen as soon as Hazelcast delivers its event (within milliseconds, from any member). As a backstop against an
 * event lost with a member, no answer is used past {@code maxAge}. Past {@code maxEntries} all are forgotten and
 * computed again as they are asked for.
 */
public final class GridDerivedCache<V> {

    private static final Logger LOG = LoggerFactory.getLogger(GridDerivedCache.class);

    private record Held<V>(V value, long changes, long atNanos) {
    }

    private final Map<String, Held<V>> held = new ConcurrentHashMap<>();
    private final GridChanges changes;
    private final long maxAgeNanos;
    private final int maxEntries;
    private final LongSupplier nanoClock;
    private final String what;

    public GridDerivedCache(String what, GridChanges changes, Duration maxAge, int maxEntries) {
        this(what, changes, maxAge, maxEntries, System::nanoTime);
    }

    public GridDerivedCache(String what, GridChanges changes, Duration maxAge, int maxEntries, LongSupplier nanoClock) {
        this.what = what;
        this.changes = changes;
        this.maxAgeNanos = maxAge.toNanos();
        this.maxEntries = maxEntries;
        this.nanoClock = nanoClock;
    }

    /** The answer held for the key if no change has overtaken it; null otherwise. */
    public V get(String key) {
        Held<V> known = held.get(key);
        if (known == null) {
            return null;
        }
        if (known.changes() != changes.count() || nanoClock.getAsLong() - known.atNanos() > maxAgeNanos) {
            held.remove(key, known);
            return null;
        }
        return known.value();
    }

    /** To be read before the grid reads of an answer, and given back with it to {@link #put}. */
    public long changes() {
        return changes.count();
    }

    /** Keeps an answer whose reads started at {@code startedAt} (from {@link #changes}). */
    public void put(String key, long startedAt, V value) {
        if (startedAt != changes.count()) {
            return; // something changed while it was read: the next caller computes it again
        }
        if (held.size() >= maxEntries) {
            LOG.info("{} {} held: forgetting them all", held.size(), what);
            held.clear();
        }
        held.put(key, new Held<>(value, startedAt, nanoClock.getAsLong()));
    }

    /** The held answer, or one computed now (and kept if nothing changed meanwhile). */
    public V get(String key, Supplier<V> compute) {
        V known = get(key);
        if (known != null) {
            return known;
        }
        long startedAt = changes();
        V computed = compute.get();
        if (computed != null) {
            put(key, startedAt, computed);
        }
        return computed;
    }

    /** How many answers are held now (current or not). */
    public int size() {
        return held.size();
    }
}
