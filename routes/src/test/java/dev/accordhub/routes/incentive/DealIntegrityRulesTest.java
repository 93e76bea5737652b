package dev.accordhub.routes.incentive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import dev.accordhub.model.Deal;
import dev.accordhub.model.DealRegistration;
import dev.accordhub.model.DealStage;
import dev.accordhub.model.EntityType;
import dev.accordhub.model.Money;
import dev.accordhub.model.PartnerOrg;
import dev.accordhub.model.PartnerStatus;
import dev.accordhub.model.PartnerType;
import dev.accordhub.model.RegistrationStatus;
import dev.accordhub.model.SourceRef;
import dev.accordhub.model.Tier;
import dev.accordhub.model.program.ProgramDefinition;
import dev.accordhub.model.registration.Alert;
import dev.accordhub.model.registration.DealCommand;
import dev.accordhub.routes.TestHazelcast;
import dev.accordhub.routes.consolidate.GoldenStore;
import dev.accordhub.routes.registration.RegistrationHandler;
import dev.accordhub.routes.registration.RegistrationOutcome;
import dev.accordhub.routes.registration.RegistrationProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deal registrations through the registration handler with the deal integrity rules, on a real Hazelcast member. */
class DealIntegrityRulesTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static HazelcastInstance hazelcast;
    GoldenStore store;
    RegistrationHandler handler;

    @BeforeAll
    static void start() {
        hazelcast = TestHazelcast.start("deal-integrity");
    }

    @AfterAll
    static void stop() {
        hazelcast.shutdown();
    }

    @AfterEach
    void closeStore() {
        store.close(); // its listeners on the shared member
    }

    @BeforeEach
    void clean() {
        store = new GoldenStore(hazelcast, new ObjectMapper().findAndRegisterModules());
        store.map(EntityType.DEAL).clear();
        hazelcast.getMap(AlertStore.MAP).clear();
        SourceRef source = new SourceRef("salesforce", "helios", "A1", NOW);
        store.put(EntityType.PARTNER, "partner-a", new PartnerOrg("partner-a", "Alpha GmbH", null, "DE", null, null,
                Tier.GOLD, PartnerType.RESELLER, "EMEA", null, null, null, PartnerStatus.ACTIVE, NOW, List.of(source)));
        store.link("helios:partner:A1", "partner-a");
        ProgramDefinition helios = new ProgramDefinition("helios", "Helios", "salesforce", "USD", null, null, null,
                null, null, Map.of("DE", "EMEA", "FR", "EMEA", "US", "NA", "JP", "APAC"), null);
        RegistrationProperties registration = new RegistrationProperties(Duration.ofHours(48), Map.of(),
                Duration.ofDays(90), "manual-review", Duration.ofSeconds(30), 3, Duration.ofMillis(10),
                Duration.ofSeconds(1), 1);
        handler = new RegistrationHandler(store, registration, Clock.fixed(NOW, ZoneOffset.UTC),
                new DealIntegrityRules(store, new TerritoryCheck(List.of(helios)), IntegrityProperties.defaults(),
                        new AlertStore(hazelcast, new ObjectMapper().findAndRegisterModules()),
                        Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @Test
    void aCustomerOutsideThePartnersTerritoryIsFlaggedInsideIsNot() {
        assertThat(submit("reg-1", "JP", "tokyo.example", NOW).alerts()).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(Alert.Type.GEOGRAPHIC_GAMING);
            assertThat(a.detail()).contains("territory EMEA").contains("customer in JP, in APAC");
        });
        assertThat(submit("reg-2", "FR", "paris.example", NOW).alerts()).isEmpty();
        assertThat(submit("reg-3", null, "unknown.example", NOW).alerts()).as("no country, no evidence").isEmpty();
    }

    @Test
    void aBurstOfRegistrationsIsBulkNominationOnce() {
        List<Alert> raised = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            raised.addAll(submit("burst-" + i, "DE", "customer" + i + ".example", NOW.plusSeconds(30L * i)).alerts());
        }
        assertThat(raised).extracting(Alert::type).containsExactly(Alert.Type.BULK_NOMINATION);
        assertThat(raised.get(0).detail()).contains("Alpha GmbH registered 10 deals");
    }

    private RegistrationOutcome submit(String id, String country, String domain, Instant at) {
        DealRegistration registration = new DealRegistration(id, "helios", RegistrationStatus.SUBMITTED, null,
                "ana@alpha.example", domain, country, domain, "Ana", "ana@c.example", null, at,
                at.plus(Duration.ofHours(48)), null, List.of(), false, null);
        Deal deal = new Deal(id, "Opportunity " + id, "helios:partner:A1", "Customer " + id, Money.of("1000", "EUR"),
                DealStage.PROSPECTING, LocalDate.of(2027, 3, 1), at, List.of(new SourceRef("accord", "helios", id, at)),
                registration);
        return handler.apply(DealCommand.submit(deal, at)).orElseThrow();
    }
}
