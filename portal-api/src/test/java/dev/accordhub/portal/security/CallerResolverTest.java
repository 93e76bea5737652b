package dev.accordhub.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import dev.accordhub.model.EntityType;
import dev.accordhub.routes.TestHazelcast;
import dev.accordhub.routes.consolidate.GoldenStore;
import dev.accordhub.sandbox.oidc.OidcSandbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Partner users are resolved from a real Hazelcast member, remembered, and resolved again as soon as the golden
 * model changes under them.
 */
class CallerResolverTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration EVENT = Duration.ofSeconds(10);
    static HazelcastInstance hazelcast;
    static OidcSandbox issuer;
    CallerResolver resolver;
    GoldenStore store;
    IMap<String, HazelcastJsonValue> users;
    IMap<String, HazelcastJsonValue> partners;
    IMap<String, String> xref;
    IMap<String, String> matchKeys;

    @BeforeAll
    static void start() {
        // One event thread: entry events reach listeners in the order they were raised (see the deal links' test).
        hazelcast = com.hazelcast.core.Hazelcast.newHazelcastInstance(TestHazelcast.config("caller-resolver")
                .setProperty("hazelcast.event.thread.count", "1"));
        issuer = new OidcSandbox(0, "accord-portal", "secret", "accord-portal", Duration.ofMinutes(5), List.of())
                .start();
    }

    @AfterAll
    static void stop() {
        issuer.close();
        hazelcast.shutdown();
    }

    @BeforeEach
    void goldenModel() {
        users = hazelcast.getMap(GoldenStore.USERS);
        partners = hazelcast.getMap(GoldenStore.PARTNERS);
        xref = hazelcast.getMap(GoldenStore.XREF);
        matchKeys = hazelcast.getMap(GoldenStore.MATCH_KEYS);
        partners.set("p-1", partner("p-1", "Northwind", "ACTIVE"));
        partners.set("p-2", partner("p-2", "Northwind Holdings", "ACTIVE"));
        xref.set("helios:partner:001A", "p-1");
        users.set("u-1", user("u-1", "ana@northwind.example", "helios:partner:001A", "ACTIVE"));
        matchKeys.set("user:email:ana@northwind.example", "u-1");
        store = new GoldenStore(hazelcast, JSON);
        resolver = new CallerResolver(new JwtValidator(issuer.issuer(), "accord-portal", JSON, Clock.systemUTC()),
                new PortalSecurityProperties(issuer.issuer(), "accord-portal", "accord.ops", "accord.channel", null),
                List.of("sales"), hazelcast, JSON, store.identityChanges());
    }

    @AfterEach
    void clear() {
        store.close();
        List.of(users, partners, xref, matchKeys).forEach(IMap::clear);
    }

    @Test
    void aPartnerUserIsResolvedOnceAndThenRemembered() {
        Caller first = resolver.resolve(bearer("ana@northwind.example"));
        assertThat(first.partnerId()).isEqualTo("p-1");
        assertThat(first.userId()).isEqualTo("u-1");
        assertThat(first.profile().partnerName()).isEqualTo("Northwind");
        assertThat(first.profile().roles()).containsExactly("sales");
        assertThat(resolver.cache().size()).isEqualTo(1);
        long reads = gets();

        Caller again = resolver.resolve(bearer("ana@northwind.example"));

        assertThat(again).isEqualTo(first);
        assertThat(gets()).isEqualTo(reads);
    }

    @Test
    void aUserDeactivatedAfterBeingRememberedIsRefused() {
        resolver.resolve(bearer("ana@northwind.example"));

        users.set("u-1", user("u-1", "ana@northwind.example", "helios:partner:001A", "INACTIVE"));

        await().atMost(EVENT).untilAsserted(() -> assertThatThrownBy(
                () -> resolver.resolve(bearer("ana@northwind.example")))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("deactivated"));
    }

    @Test
    void aUserDeactivatedThroughTheGoldenStoreIsRefusedByTheVeryNextRequest() throws Exception {
        resolver.resolve(bearer("ana@northwind.example"));
        var deactivated = (ObjectNode) JSON.readTree(users.get("u-1").getValue());
        deactivated.put("status", "INACTIVE");

        // The member's one event thread is held by another listener, so the write's event cannot arrive meanwhile.
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        IMap<String, String> other = hazelcast.getMap("event-thread-holder");
        UUID holder = other.addEntryListener((EntryAddedListener<String, String>) event -> {
            holding.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }, false);
        try {
            other.set("hold", "on");
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            long counted = resolver.cache().changes();

            store.putRaw(EntityType.USER, "u-1", deactivated.toString());

            // The store's own write counted before it returned; its event has not come yet.
            assertThat(resolver.cache().changes()).isEqualTo(counted + 1);
            assertThatThrownBy(() -> resolver.resolve(bearer("ana@northwind.example")))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("deactivated");
        } finally {
            release.countDown();
            other.removeEntryListener(holder);
        }
    }

    @Test
    void theUsersOfACompanyDeactivatedAfterwardsAreRefused() {
        resolver.resolve(bearer("ana@northwind.example"));

        partners.set("p-1", partner("p-1", "Northwind", "TERMINATED"));

        await().atMost(EVENT).untilAsserted(() -> assertThatThrownBy(
                () -> resolver.resolve(bearer("ana@northwind.example")))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("no longer active"));
    }

    @Test
    void aCompanyMergedIntoAnotherIsFollowed() {
        resolver.resolve(bearer("ana@northwind.example"));

        xref.set("helios:partner:001A", "p-2"); // only the link moves: the user's company is now p-2

        await().atMost(EVENT).until(() -> "p-2".equals(resolver.resolve(bearer("ana@northwind.example")).partnerId()));
        assertThat(resolver.resolve(bearer("ana@northwind.example")).profile().partnerName())
                .isEqualTo("Northwind Holdings");
    }

    @Test
    void anEmailMovedToAnotherUserIsFollowed() {
        resolver.resolve(bearer("ana@northwind.example"));
        users.set("u-2", user("u-2", "ana@northwind.example", "helios:partner:001A", "ACTIVE"));
        long before = resolver.cache().changes();

        matchKeys.set("user:email:ana@northwind.example", "u-2");

        await().atMost(EVENT).until(() -> "u-2".equals(resolver.resolve(bearer("ana@northwind.example")).userId()));
        assertThat(resolver.cache().changes()).isGreaterThan(before);
    }

    @Test
    void dealLinksAndOtherMatchKeysForgetNothing() {
        resolver.resolve(bearer("ana@northwind.example"));
        long before = resolver.cache().changes();
        // The member has one event thread, so events reach the listener in the order they were raised: had the
        // deal link or the company's domain raised one, it would have counted before the company's link. Made
        // through the store, they would have counted at once.
        xref.set("helios:deal:006X", "d-1");
        matchKeys.set("partner:domain:northwind.example", "p-1");
        store.link("helios:deal:006Y", "d-2");
        store.claimMatchKey("partner:domain:northwind.test", "p-1");
        xref.set("helios:partner:001B", "p-9");

        await().atMost(EVENT).until(() -> resolver.cache().changes() > before);
        assertThat(resolver.cache().changes()).isEqualTo(before + 1);
    }

    @Test
    void unknownUsersAreRefusedAndNotRemembered() {
        assertThatThrownBy(() -> resolver.resolve(bearer("bob@elsewhere.example")))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("No partner user");
        assertThat(resolver.cache().size()).isZero();
    }

    /** Reads the member has answered on the maps a resolution reads. */
    private long gets() {
        return List.of(users, partners, xref, matchKeys).stream()
                .mapToLong(map -> map.getLocalMapStats().getGetOperationCount()).sum();
    }

    private String bearer(String email) {
        ObjectNode claims = JSON.createObjectNode().put("iss", issuer.issuer()).put("aud", "accord-portal")
                .put("sub", "sub-" + email).put("email", email)
                .put("exp", Instant.now().plusSeconds(300).getEpochSecond());
        return "Bearer " + issuer.sign(claims);
    }

    private static HazelcastJsonValue user(String id, String email, String partnerKey, String status) {
        return new HazelcastJsonValue(JSON.createObjectNode().put("id", id).put("email", email)
                .put("partnerKey", partnerKey).put("status", status).toString());
    }

    private static HazelcastJsonValue partner(String id, String name, String status) {
        return new HazelcastJsonValue(JSON.createObjectNode().put("id", id).put("name", name).put("status", status)
                .put("tier", "GOLD").toString());
    }
}
