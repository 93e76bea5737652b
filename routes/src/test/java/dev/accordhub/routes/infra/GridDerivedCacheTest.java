package dev.accordhub.routes.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.accordhub.routes.TestHazelcast;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Answers kept over a real Hazelcast member until the maps they come from change. */
class GridDerivedCacheTest {

    static final Duration EVENT = Duration.ofSeconds(10);
    static HazelcastInstance hazelcast;
    IMap<String, String> watched;
    IMap<String, String> filtered;
    GridChanges changes;

    @BeforeAll
    static void start() {
        // One event thread: entry events reach listeners in the order they were raised.
        hazelcast = com.hazelcast.core.Hazelcast.newHazelcastInstance(TestHazelcast.config("grid-derived-cache")
                .setProperty("hazelcast.event.thread.count", "1"));
    }

    @AfterAll
    static void stop() {
        hazelcast.shutdown();
    }

    @BeforeEach
    void watch() {
        watched = hazelcast.getMap("watched");
        filtered = hazelcast.getMap("filtered");
        changes = new GridChanges(hazelcast, Map.of("watched", GridChanges.ALL_KEYS, "filtered", "partner:%"));
    }

    @AfterEach
    void unwatch() {
        changes.close();
        watched.clear();
        filtered.clear();
    }

    @Test
    void anAnswerIsComputedOnceAndKeptUntilItsMapsChange() {
        GridDerivedCache<String> cache = new GridDerivedCache<>("answers", changes, Duration.ofMinutes(1), 100);
        AtomicInteger computed = new AtomicInteger();
        long before = changes.count();
        watched.set("a", "1");
        await().atMost(EVENT).until(() -> changes.count() > before); // its event is through: nothing else is due

        assertThat(cache.get("k", () -> watched.get("a") + "#" + computed.incrementAndGet())).isEqualTo("1#1");
        assertThat(cache.get("k", () -> watched.get("a") + "#" + computed.incrementAndGet())).isEqualTo("1#1");

        watched.set("a", "2");

        await().atMost(EVENT).until(() -> cache.get("k", () -> watched.get("a") + "#" + computed.incrementAndGet())
                .startsWith("2#"));
    }

    @Test
    void aChangeThisMemberCountsItselfIsSeenByTheNextRead() {
        GridDerivedCache<String> cache = new GridDerivedCache<>("answers", changes, Duration.ofMinutes(1), 100);
        cache.get("k", () -> "before");

        changes.changed();

        assertThat(cache.get("k")).as("no event needed").isNull();
        assertThat(cache.get("k", () -> "after")).isEqualTo("after");
    }

    @Test
    void onlyTheWatchedKeysOfAFilteredMapCount() {
        long before = changes.count();

        filtered.set("deal:1", "x");
        filtered.set("partner:1", "y");

        // One event thread: had the first write raised an event, it would have counted before the second's.
        await().atMost(EVENT).until(() -> changes.count() > before);
        assertThat(changes.count()).isEqualTo(before + 1);
    }

    @Test
    void anAnswerOvertakenByAChangeIsNotKept() {
        GridDerivedCache<String> cache = new GridDerivedCache<>("answers", changes, Duration.ofMinutes(1), 100);
        long startedAt = cache.changes();
        watched.set("a", "changed while the answer was read");
        await().atMost(EVENT).until(() -> cache.changes() > startedAt);

        cache.put("k", startedAt, "stale");

        assertThat(cache.size()).isZero();
        assertThat(cache.get("k")).isNull();
    }

    @Test
    void noAnswerIsUsedPastItsMaximumAge() {
        AtomicLong now = new AtomicLong();
        GridDerivedCache<String> cache = new GridDerivedCache<>("answers", changes, Duration.ofSeconds(10), 100,
                now::get);
        cache.put("k", cache.changes(), "v");
        now.set(Duration.ofSeconds(10).toNanos());
        assertThat(cache.get("k")).isEqualTo("v");

        now.set(Duration.ofSeconds(10).toNanos() + 1);

        assertThat(cache.get("k")).isNull();
    }

    @Test
    void pastItsSizeTheCacheStartsAgain() {
        GridDerivedCache<String> cache = new GridDerivedCache<>("answers", changes, Duration.ofMinutes(1), 2);
        cache.put("a", cache.changes(), "1");
        cache.put("b", cache.changes(), "2");

        cache.put("c", cache.changes(), "3");

        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.get("c")).isEqualTo("3");
        assertThat(cache.get("a")).isNull();
    }

    @Test
    void nothingIsCountedOnceClosed() {
        changes.close();
        long before = changes.count();
        GridChanges other = new GridChanges(hazelcast, Map.of("watched", GridChanges.ALL_KEYS));
        try {
            watched.set("a", "3");
            watched.set("b", "4");
            // One event thread: once the second write's event is through, the first's is, for every listener.
            await().atMost(EVENT).until(() -> other.count() >= 2);
            assertThat(changes.count()).isEqualTo(before);
        } finally {
            other.close();
        }
    }
}
