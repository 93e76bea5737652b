package dev.accordhub.routes.consolidate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.accordhub.model.Deal;
import dev.accordhub.model.DealStage;
import dev.accordhub.model.EntityType;
import dev.accordhub.model.Money;
import dev.accordhub.model.PartnerOrg;
import dev.accordhub.model.PartnerStatus;
import dev.accordhub.model.PartnerType;
import dev.accordhub.model.SourceRef;
import dev.accordhub.model.Tier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The consolidation rules against a real (embedded, standalone) Hazelcast member. */
class ConsolidatorTest {

    static final Instant T1 = Instant.parse("2026-11-24T10:00:00Z");
    static final Instant T2 = Instant.parse("2026-11-24T11:00:00Z");
    static final Instant T3 = Instant.parse("2026-11-24T12:00:00Z");

    static HazelcastInstance hazelcast;
    Consolidator consolidator;
    GoldenStore store;

    @BeforeAll
    static void startHazelcast() {
        Config config = new Config().setClusterName("consolidator-test-" + System.nanoTime());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        hazelcast = Hazelcast.newHazelcastInstance(config);
    }

    @AfterAll
    static void stopHazelcast() {
        hazelcast.shutdown();
    }

    @BeforeEach
    void emptyMaps() {
        hazelcast.getDistributedObjects().forEach(o -> ((com.hazelcast.map.IMap<?, ?>) o).clear());
        store = new GoldenStore(hazelcast, new ObjectMapper().findAndRegisterModules());
        consolidator = new Consolidator(store);
    }

    @Test
    void theSameChangeTwiceChangesNothingTheSecondTime() {
        PartnerOrg change = partner("helios", "001A", "Acme Corp", "acme.com", Tier.GOLD, T1);

        assertThat(consolidator.applyPartner(change)).isPresent();
        assertThat(consolidator.applyPartner(change)).isEmpty();
    }

    @Test
    void anOlderChangeNeverOverwritesANewerOne() {
        consolidator.applyPartner(partner("helios", "001A", "Acme New Name", "acme.com", Tier.GOLD, T2));
        Optional<GoldenChange> stale =
                consolidator.applyPartner(partner("helios", "001A", "Acme Old Name", "acme.com", Tier.SILVER, T1));

        assertThat(stale).isEmpty();
        String id = store.goldenIdOf("helios:partner:001A");
        assertThat(store.get(EntityType.PARTNER, id, PartnerOrg.class).name()).isEqualTo("Acme New Name");
    }

    @Test
    void theSameDomainInTwoProgramsIsOnePartnerWithTwoSourcesAndTheNewestValuesWin() {
        GoldenChange first = consolidator.applyPartner(
                partner("helios", "001A", "Acme Corp", "acme.com", Tier.GOLD, T1)).orElseThrow();
        GoldenChange second = consolidator.applyPartner(
                partner("vantage", "9001", "ACME Corporation", "acme.com", Tier.PLATINUM, T2)).orElseThrow();

        assertThat(second.id()).isEqualTo(first.id());
        PartnerOrg golden = (PartnerOrg) second.record();
        assertThat(golden.sources()).extracting(SourceRef::program).containsExactly("helios", "vantage");
        assertThat(golden.name()).isEqualTo("ACME Corporation");
        assertThat(golden.tier()).isEqualTo(Tier.PLATINUM);
        assertThat(golden.updatedAt()).isEqualTo(T2);

        PartnerOrg afterHeliosEdit = (PartnerOrg) consolidator.applyPartner(
                partner("helios", "001A", "Acme Corp.", "acme.com", Tier.GOLD, T3)).orElseThrow().record();
        assertThat(afterHeliosEdit.name()).isEqualTo("Acme Corp.");
        assertThat(afterHeliosEdit.sources()).hasSize(2);
    }

    @Test
    void partnersWithoutADomainStaySeparate() {
        GoldenChange a = consolidator.applyPartner(partner("helios", "001A", "Nameless", null, Tier.GOLD, T1)).orElseThrow();
        GoldenChange b = consolidator.applyPartner(partner("vantage", "9001", "Nameless", null, Tier.GOLD, T1)).orElseThrow();

        assertThat(a.id()).isNotEqualTo(b.id());
    }

    @Test
    void dealsKeepTheirOwnIdAndIgnoreStaleVersions() {
        Deal v2 = deal("006X", "250000", T2);
        Deal v1 = deal("006X", "100000", T1);

        GoldenChange applied = consolidator.applyDeal(v2).orElseThrow();
        assertThat(consolidator.applyDeal(v1)).isEmpty();
        assertThat(store.get(EntityType.DEAL, applied.id(), Deal.class).amount()).isEqualTo(Money.of("250000", "USD"));
        assertThat(applied.id()).isEqualTo(GoldenIds.of(EntityType.DEAL, "helios:deal:006X"));
    }

    private static PartnerOrg partner(String program, String id, String name, String domain, Tier tier, Instant at) {
        return new PartnerOrg(null, name, domain, "US", tier, PartnerType.RESELLER, PartnerStatus.ACTIVE, at,
                List.of(new SourceRef(program.equals("helios") ? "salesforce" : "hubspot", program, id, at)));
    }

    private static Deal deal(String id, String amount, Instant at) {
        return new Deal(null, "Big deal", "helios:partner:001A", "Globex", Money.of(amount, "USD"),
                DealStage.PROPOSAL, LocalDate.of(2026, 12, 31), at, List.of(new SourceRef("salesforce", "helios", id, at)));
    }
}
