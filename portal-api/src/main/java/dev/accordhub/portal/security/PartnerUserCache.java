package dev.accordhub.portal.security;

import com.hazelcast.core.EntryAdapter;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.MapEvent;
import com.hazelcast.query.Predicates;
import dev.accordhub.model.EntityType;
import dev.accordhub.routes.consolidate.GoldenStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the golden model said about a partner user the last time one of their requests came in: their golden id,
 * their company and their roles, by e-mail address. Resolving a partner user takes four grid reads (e-mail → user
 * → the company's source key → golden partner), each a hand-over to a Hazelcast partition thread and back, which
 * was a quarter of what a cached portal read cost.
 *
 * <p>Anything that could change a resolution forgets them all: an entry event of the {@code users} or
 * {@code partners} map, of a company's source key in {@code xref}, or of a {@code user:email:} key in
 * {@code match-keys}. So a user or company deactivated, merged, split or re-pointed is resolved afresh as soon as
 * Hazelcast delivers the event (within milliseconds, from any member of the cluster). A resolution made while such
 * a change was under way is never kept: each carries the generation it started from, and counts only while no
 * event has come since. As a backstop against an event lost with a member, none is used past {@code maxAge}.
 * Deal writes, which touch {@code xref} thousands of times a second in a backfill, are filtered out on the member
 * that makes them and cost no event.
 */
public class PartnerUserCache implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerUserCache.class);
    /** How long a resolution is used at most, whatever the events say. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(10);
    /** Partner users remembered at most; beyond, all are forgotten and remembered again as they come. */
    public static final int DEFAULT_MAX_USERS = 100_000;

    /** One partner user's resolution, as the golden model had it at {@code generation}. */
    public record Resolution(String userId, String partnerId, String partnerKey, Caller.Profile profile) {
    }

    private record Held(Resolution resolution, long generation, long atNanos) {
    }

    private final Map<String, Held> byEmail = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final long maxAgeNanos;
    private final int maxUsers;
    private final LongSupplier nanoClock;
    private final List<Runnable> deregistrations = new ArrayList<>();

    public PartnerUserCache(HazelcastInstance hazelcast) {
        this(hazelcast, DEFAULT_MAX_AGE, DEFAULT_MAX_USERS, System::nanoTime);
    }

    PartnerUserCache(HazelcastInstance hazelcast, Duration maxAge, int maxUsers, LongSupplier nanoClock) {
        this.maxAgeNanos = maxAge.toNanos();
        this.maxUsers = maxUsers;
        this.nanoClock = nanoClock;
        EntryAdapter<Object, Object> forget = new EntryAdapter<>() {
            @Override
            public void onEntryEvent(EntryEvent<Object, Object> event) {
                generation.incrementAndGet();
            }

            @Override
            public void onMapEvent(MapEvent event) {
                generation.incrementAndGet();
            }
        };
        listen(hazelcast.getMap(GoldenStore.USERS), forget, null);
        listen(hazelcast.getMap(GoldenStore.PARTNERS), forget, null);
        listen(hazelcast.getMap(GoldenStore.XREF), forget, "%:" + EntityType.PARTNER.code() + ":%");
        listen(hazelcast.getMap(GoldenStore.MATCH_KEYS), forget, "user:email:%");
    }

    /** Events without values: only that something changed matters. Keys filtered where the map is written. */
    private void listen(IMap<Object, Object> map, EntryAdapter<Object, Object> listener, String keyLike) {
        UUID id = keyLike == null ? map.addEntryListener(listener, false)
                : map.addEntryListener(listener, Predicates.like("__key", keyLike), false);
        deregistrations.add(() -> map.removeEntryListener(id));
    }

    /** The partner user's resolution if one is held that no change has overtaken; null otherwise. */
    public Resolution get(String email) {
        Held held = byEmail.get(email);
        if (held == null) {
            return null;
        }
        if (held.generation() != generation.get() || nanoClock.getAsLong() - held.atNanos() > maxAgeNanos) {
            byEmail.remove(email, held);
            return null;
        }
        return held.resolution();
    }

    /** To be read before the grid reads of a resolution, and given back with it to {@link #put}. */
    public long generation() {
        return generation.get();
    }

    /** Keeps a resolution that started at {@code startedAt} (from {@link #generation}). */
    public void put(String email, long startedAt, Resolution resolution) {
        if (startedAt != generation.get()) {
            return; // something changed while it was read: the next request resolves again
        }
        if (byEmail.size() >= maxUsers) {
            LOG.info("{} partner users' resolutions held: forgetting them all", byEmail.size());
            byEmail.clear();
        }
        byEmail.put(email, new Held(resolution, startedAt, nanoClock.getAsLong()));
    }

    /** How many resolutions are held now (used or not). */
    int size() {
        return byEmail.size();
    }

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
