package dev.accordhub.routes.consolidate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.config.Config;
import com.hazelcast.config.IndexConfig;
import com.hazelcast.config.IndexType;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import dev.accordhub.model.Deal;
import dev.accordhub.model.DealRegistration;
import dev.accordhub.model.DealStage;
import dev.accordhub.model.EntityType;
import dev.accordhub.model.Money;
import dev.accordhub.model.RegistrationStatus;
import dev.accordhub.model.SourceRef;
import dev.accordhub.routes.TestHazelcast;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The golden deals' query attributes, on a real Hazelcast member, with deals written as the hub writes them. */
class DealAttributesTest {

    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    private static HazelcastInstance hazelcast;
    private static GoldenStore store;
    private IMap<String, HazelcastJsonValue> deals;

    @BeforeAll
    static void start() {
        hazelcast = TestHazelcast.start("deal-attributes");
        store = new GoldenStore(hazelcast, new ObjectMapper().findAndRegisterModules());
    }

    @AfterAll
    static void stop() {
        hazelcast.shutdown();
    }

    @BeforeEach
    void empty() {
        deals = store.map(EntityType.DEAL);
        deals.clear();
    }

    @Test
    void findsDealsByPartnerAndRegistrationsByCustomerAndStatus() {
        store.put(EntityType.DEAL, "d1", deal("d1", "helios:partner:P1", null));
        store.put(EntityType.DEAL, "d2", deal("d2", "helios:partner:P1",
                registration("d2", "acme.example", "acme|de", RegistrationStatus.SUBMITTED)));
        store.put(EntityType.DEAL, "d3", deal("d3", "vantage:partner:9",
                registration("d3", null, "acme|de", RegistrationStatus.APPROVED)));

        assertThat(ids(deals.values(Predicates.equal(DealAttributes.PARTNER, "helios:partner:P1"))))
                .containsExactlyInAnyOrder("d1", "d2");
        assertThat(ids(deals.values(Predicates.in(DealAttributes.PARTNER, "vantage:partner:9", "nobody"))))
                .containsExactly("d3");
        assertThat(ids(deals.values(DealAttributes.customerDomain("acme.example"))))
                .containsExactly("d2");
        assertThat(ids(deals.values(DealAttributes.customerNameKey("acme|de"))))
                .containsExactlyInAnyOrder("d2", "d3");
        assertThat(ids(deals.values(DealAttributes.status("SUBMITTED")))).containsExactly("d2");
        assertThat(ids(deals.values(DealAttributes.status("APPROVED")))).containsExactly("d3");
    }

    @Test
    void answersFromTheIndexesAndFollowsUpdatesAndRemovals() {
        store.put(EntityType.DEAL, "d1", deal("d1", "helios:partner:P1",
                registration("d1", "acme.example", "acme|de", RegistrationStatus.SUBMITTED)));
        store.put(EntityType.DEAL, "d1", deal("d1", "helios:partner:P2",
                registration("d1", "acme.example", "acme|de", RegistrationStatus.REJECTED)));

        assertThat(deals.values(DealAttributes.status("SUBMITTED"))).isEmpty();
        assertThat(ids(deals.values(DealAttributes.status("REJECTED")))).containsExactly("d1");
        assertThat(deals.values(Predicates.equal(DealAttributes.PARTNER, "helios:partner:P1"))).isEmpty();
        assertThat(ids(deals.values(Predicates.equal(DealAttributes.PARTNER, "helios:partner:P2"))))
                .containsExactly("d1");
        deals.delete("d1");
        assertThat(deals.values(DealAttributes.customerDomain("acme.example"))).isEmpty();

        assertThat(deals.values(DealAttributes.customerNameKey("acme|de"))).isEmpty();

        var indexStats = deals.getLocalMapStats().getIndexStats();
        assertThat(indexStats).hasSize(2);
        for (String attribute : List.of(DealAttributes.PARTNER, DealAttributes.REGISTRATION)) {
            assertThat(indexStats.entrySet()).as("the index on " + attribute + " answered its queries")
                    .anySatisfy(index -> {
                        assertThat(index.getKey()).endsWith("_" + attribute);
                        assertThat(index.getValue().getQueryCount()).isPositive();
                    });
        }
    }

    @Test
    void aRegistrationsValuesAreFoundOnlyAsWhatTheyAre() {
        // A customer whose name key reads like a status, and a domain like a name key: each is found as what it is.
        store.put(EntityType.DEAL, "d1", deal("d1", "helios:partner:P1",
                registration("d1", "submitted.example", "SUBMITTED", RegistrationStatus.APPROVED)));
        store.put(EntityType.DEAL, "d2", deal("d2", "helios:partner:P1", null));

        assertThat(deals.values(DealAttributes.status("SUBMITTED"))).isEmpty();
        assertThat(ids(deals.values(DealAttributes.customerNameKey("SUBMITTED")))).containsExactly("d1");
        assertThat(deals.values(DealAttributes.customerNameKey("submitted.example"))).isEmpty();
        assertThat(ids(deals.values(DealAttributes.status("APPROVED")))).containsExactly("d1");
        // As DealRegistrations asks: a partner's registrations of a customer by domain or name.
        assertThat(ids(deals.values(Predicates.and(Predicates.equal(DealAttributes.PARTNER, "helios:partner:P1"),
                Predicates.or(DealAttributes.customerDomain("nowhere.example"),
                        DealAttributes.customerNameKey("SUBMITTED")))))).containsExactly("d1");
    }

    @Test
    void aValueThatIsNotADealIsStoredAndFoundByNoAttribute() {
        deals.set("odd", new HazelcastJsonValue("[1, 2, 3]"));
        deals.set("broken", new HazelcastJsonValue("{\"partnerKey\": \"helios:partner:P1\", \"registration\": {"));
        store.put(EntityType.DEAL, "d1", deal("d1", "helios:partner:P1", null));

        assertThat(deals.size()).isEqualTo(3);
        assertThat(ids(deals.values(Predicates.equal(DealAttributes.PARTNER, "helios:partner:P1"))))
                .containsExactly("d1");
    }

    @Test
    void declaringTwiceOrOverAConfiguredIndexAddsNothing() {
        Config config = new Config();
        config.getMapConfig(GoldenStore.DEALS).addIndexConfig(new IndexConfig(IndexType.HASH, "partnerKey"));
        DealAttributes.declare(config);
        DealAttributes.declare(config);

        var deals = config.getMapConfig(GoldenStore.DEALS);
        assertThat(deals.getInMemoryFormat()).as("custom extractors need the values as objects")
                .isEqualTo(com.hazelcast.config.InMemoryFormat.OBJECT);
        assertThat(deals.getAttributeConfigs()).hasSize(2);
        assertThat(deals.getIndexConfigs()).hasSize(2);
        assertThat(deals.getIndexConfigs().stream().map(i -> i.getAttributes().get(0)))
                .containsExactlyInAnyOrder(DealAttributes.PARTNER, DealAttributes.REGISTRATION);
    }

    private static Set<String> ids(Collection<HazelcastJsonValue> values) {
        return values.stream().map(v -> store.read(v, Deal.class).id()).collect(Collectors.toSet());
    }

    private static DealRegistration registration(String id, String domain, String nameKey,
            RegistrationStatus status) {
        return new DealRegistration(id, "helios", status, null, "ana@partner.example", domain, "DE", nameKey, "Ana",
                "ana@c.example", null, AT, AT.plusSeconds(3600), null, List.of(), false, null);
    }

    private static Deal deal(String id, String partnerKey, DealRegistration registration) {
        return new Deal(id, "Opportunity " + id, partnerKey, "Acme", Money.of("1000", "EUR"), DealStage.PROSPECTING,
                LocalDate.of(2027, 3, 1), AT, List.of(new SourceRef("salesforce", "helios", "006" + id, AT)),
                registration);
    }
}
