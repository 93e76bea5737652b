package dev.accordhub.routes.incentive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import dev.accordhub.model.EntityType;
import dev.accordhub.model.Money;
import dev.accordhub.model.PartnerOrg;
import dev.accordhub.model.PartnerStatus;
import dev.accordhub.model.PartnerType;
import dev.accordhub.model.SourceRef;
import dev.accordhub.model.Tier;
import dev.accordhub.model.incentive.ErpChange;
import dev.accordhub.model.incentive.MdfClaim;
import dev.accordhub.model.incentive.MdfFund;
import dev.accordhub.model.incentive.MdfRequest;
import dev.accordhub.model.incentive.Payout;
import dev.accordhub.model.program.ProgramDefinition;
import dev.accordhub.model.registration.Alert;
import dev.accordhub.routes.TestHazelcast;
import dev.accordhub.routes.consolidate.GoldenStore;
import dev.accordhub.routes.consolidate.OutboundRecord;
import java.time.Clock;
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

/** MDF documents applied to a real Hazelcast member: ordering, replays, and every integrity rule, true and false. */
class IncentiveServiceTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    static HazelcastInstance hazelcast;

    IncentiveStore store;
    GoldenStore golden;
    AlertStore alerts;
    IncentiveService service;
    long seq = 10;

    @BeforeAll
    static void start() {
        hazelcast = TestHazelcast.start("incentives");
    }

    @AfterAll
    static void stop() {
        hazelcast.shutdown();
    }

    @AfterEach
    void closeStore() {
        golden.close(); // its listeners on the shared member
    }

    @BeforeEach
    void clean() {
        hazelcast.getDistributedObjects().forEach(o -> {
            if (o instanceof com.hazelcast.map.IMap<?, ?> map) {
                map.clear();
            }
        });
        store = new IncentiveStore(hazelcast, JSON);
        golden = new GoldenStore(hazelcast, JSON);
        alerts = new AlertStore(hazelcast, JSON);
        ProgramDefinition helios = new ProgramDefinition("helios", "Helios", "salesforce", "USD", null, null, null,
                null, null, Map.of("DE", "EMEA", "FR", "EMEA", "US", "NA"), null);
        ProgramDefinition vantage = new ProgramDefinition("vantage", "Vantage", "hubspot", "EUR", null, null, null,
                null, null, Map.of("DE", "DACH", "US", "AMERICAS"), null);
        service = new IncentiveService(store, new IntegrityRules(store, golden,
                new TerritoryCheck(List.of(helios, vantage)), IntegrityProperties.defaults(),
                Clock.fixed(NOW, ZoneOffset.UTC)), alerts, JSON, Clock.fixed(NOW, ZoneOffset.UTC));
        partner("partner-a", "EMEA", source("helios", "001A"));
        partner("partner-b", "DACH", source("vantage", "B1"));
        apply(ErpChange.of("helios", 1, fund("HEL-1", "helios", "001A", "10000", "EUR")));
        apply(ErpChange.of("vantage", 1, fund("VAN-1", "vantage", "B1", "5000", "EUR")));
    }

    @Test
    void aDocumentOnlyMovesForwardAndThePortalNeverOverwritesItsErp() {
        MdfRequest request = request("r1", "helios", "HEL-1", "001A", "DE", "1000", MdfRequest.Status.SUBMITTED);
        apply(ErpChange.of("helios", 0, request));                                          // the portal
        apply(ErpChange.of("helios", 7, request.withStatus(MdfRequest.Status.APPROVED, null, NOW)));
        apply(ErpChange.of("helios", 5, request.withStatus(MdfRequest.Status.REJECTED, "late", NOW)));  // stale
        apply(ErpChange.of("helios", 0, request));                                          // replayed command

        assertThat(store.request("helios", "r1").status()).isEqualTo(MdfRequest.Status.APPROVED);
        assertThat(store.ledger("helios", "HEL-1").balance().available()).isEqualTo(Money.of("9000", "EUR"));
        assertThat(store.positions().get("helios")).containsEntry(ErpChange.Kind.REQUEST, 7L)
                .containsEntry(ErpChange.Kind.FUND, 1L);
    }

    @Test
    void aPayoutMovesTheBalanceFromCommittedToPaid() {
        approvedRequest("r1", "helios", "HEL-1", "001A", "DE", "2000");
        MdfClaim claim = claim("c1", "helios", "HEL-1", "r1", "001A", "INV-1", "1500", MdfClaim.Status.APPROVED);
        apply(ErpChange.of("helios", 20, claim));
        assertThat(store.ledger("helios", "HEL-1").balance().committed()).isEqualTo(Money.of("1500", "EUR"));

        apply(ErpChange.of("helios", 21, new Payout("PAY-1", "helios", "c1", "HEL-1", Money.of("1500", "EUR"), NOW)));
        apply(ErpChange.of("helios", 22, claim.withStatus(MdfClaim.Status.PAID, null, NOW)));

        var balance = store.ledger("helios", "HEL-1").balance();
        assertThat(balance.committed()).isEqualTo(Money.of("0", "EUR"));
        assertThat(balance.paid()).isEqualTo(Money.of("1500", "EUR"));
        assertThat(balance.available()).isEqualTo(Money.of("8500", "EUR"));
        assertThat(store.payoutsOf("helios", "c1")).extracting(Payout::id).containsExactly("PAY-1");
    }

    @Test
    void theSameInvoiceClaimedInAnotherProgramByAnotherPartnerIsDoubleDipping() {
        approvedRequest("r1", "helios", "HEL-1", "001A", "DE", "2000");
        approvedRequest("r2", "vantage", "VAN-1", "B1", "DE", "2000");
        assertThat(apply(ErpChange.of("helios", 0, claim("c1", "helios", "HEL-1", "r1", "001A", "INV-2026/0042",
                "1000", MdfClaim.Status.SUBMITTED)))).isEmpty();

        List<Alert> raised = apply(ErpChange.of("vantage", 0, claim("c2", "vantage", "VAN-1", "r2", "B1",
                "inv 2026 0042", "1000", MdfClaim.Status.SUBMITTED)));

        assertThat(raised).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(Alert.Type.DOUBLE_DIPPING);
            assertThat(a.subject()).isEqualTo("vantage:CLAIM:c2");
            assertThat(a.related()).containsExactly("helios:CLAIM:c1");
            assertThat(a.detail()).contains("inv 2026 0042");
        });
        // The first claim changing status finds the same pair: the same finding, nothing new.
        assertThat(apply(ErpChange.of("helios", 30, claim("c1", "helios", "HEL-1", "r1", "001A", "INV-2026/0042",
                "1000", MdfClaim.Status.APPROVED)))).isEmpty();
        assertThat(alerts.count(Alert.Type.DOUBLE_DIPPING)).as("what the metrics scrape counts").isEqualTo(1);
        assertThat(alerts.count(Alert.Type.OVER_BALANCE)).isZero();
    }

    @Test
    void aDifferentInvoiceOrARejectedEarlierClaimIsNotDoubleDipping() {
        approvedRequest("r1", "helios", "HEL-1", "001A", "DE", "3000");
        apply(ErpChange.of("helios", 40, claim("c1", "helios", "HEL-1", "r1", "001A", "INV-7", "1000",
                MdfClaim.Status.REJECTED)));
        assertThat(apply(ErpChange.of("helios", 0, claim("c2", "helios", "HEL-1", "r1", "001A", "INV-7", "1000",
                MdfClaim.Status.SUBMITTED)))).as("resubmitting a rejected claim").isEmpty();
        assertThat(apply(ErpChange.of("helios", 0, claim("c3", "helios", "HEL-1", "r1", "001A", "INV-8", "1000",
                MdfClaim.Status.SUBMITTED)))).isEmpty();
    }

    @Test
    void theSameProofOfPerformanceUnderAnotherInvoiceIsDoubleDipping() {
        approvedRequest("r1", "helios", "HEL-1", "001A", "DE", "3000");
        apply(ErpChange.of("helios", 0, claim("c1", "helios", "HEL-1", "r1", "001A", "INV-1", "500",
                MdfClaim.Status.SUBMITTED)));

        MdfClaim sameProof = new MdfClaim("c2", "helios", "HEL-1", "r1", "001A", "INV-2", Money.of("500", "EUR"),
                MdfClaim.Status.SUBMITTED, null, List.of("HTTPS://proofs.example/c1.PDF"), "y@a.example", NOW);

        List<Alert> raised = apply(ErpChange.of("helios", 0, sameProof));

        assertThat(raised).extracting(Alert::type).containsExactly(Alert.Type.DOUBLE_DIPPING);
        assertThat(raised.get(0).detail()).contains("proof of performance");
    }

    @Test
    void aClaimAboveWhatIsLeftOfItsFundIsOverBalance() {
        approvedRequest("r1", "vantage", "VAN-1", "B1", "DE", "4000");
        approvedRequest("r2", "vantage", "VAN-1", "B1", "DE", "1000");
        // Entered in the ERP directly (the portal refuses it): 4,800 against the 4,000 left for it.
        List<Alert> raised = apply(ErpChange.of("vantage", 50, claim("c1", "vantage", "VAN-1", "r1", "B1", "INV-9",
                "4800", MdfClaim.Status.SUBMITTED)));

        assertThat(raised).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(Alert.Type.OVER_BALANCE);
            assertThat(a.detail()).contains("fund VAN-1 by 800.00 EUR");
        });
        assertThat(apply(ErpChange.of("vantage", 0, claim("c2", "vantage", "VAN-1", "r2", "B1", "INV-10", "1000",
                MdfClaim.Status.SUBMITTED)))).as("within what is left").isEmpty();
    }

    @Test
    void anActivityOutsideThePartnersTerritoryIsGeographicGaming() {
        List<Alert> raised = apply(ErpChange.of("helios", 0, request("r1", "helios", "HEL-1", "001A", "US", "100",
                MdfRequest.Status.SUBMITTED)));
        assertThat(raised).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(Alert.Type.GEOGRAPHIC_GAMING);
            assertThat(a.detail()).contains("territory EMEA").contains("for US, in NA");
        });

        assertThat(apply(ErpChange.of("helios", 0, request("r2", "helios", "HEL-1", "001A", "FR", "100",
                MdfRequest.Status.SUBMITTED)))).as("inside EMEA").isEmpty();
        assertThat(apply(ErpChange.of("helios", 0, request("r3", "helios", "HEL-1", "001A", "ZA", "100",
                MdfRequest.Status.SUBMITTED)))).as("a country the program does not map: no evidence").isEmpty();
    }

    @Test
    void aBurstOfSubmissionsWithoutHistoryAlertsOnceFromTheMinimum() {
        List<Alert> raised = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            MdfRequest request = new MdfRequest("b" + i, "helios", "HEL-1", "001A", "Webinar " + i, "DE",
                    Money.of("10", "EUR"), MdfRequest.Status.SUBMITTED, null, "x@a.example", NOW.plusSeconds(60L * i));
            List<Alert> now = apply(ErpChange.of("helios", 0, request));
            if (i < 10) {
                assertThat(now).as("submission %d is below the minimum of 10", i).isEmpty();
            }
            raised.addAll(now);
        }
        assertThat(raised).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(Alert.Type.BULK_NOMINATION);
            assertThat(a.subject()).isEqualTo("partner-a");
            assertThat(a.detail()).contains("submitted 10 MDF requests and claims");
        });
    }

    @Test
    void replayingAtStartUpRebuildsStateWithoutRaisingAgain() throws Exception {
        approvedRequest("r1", "helios", "HEL-1", "001A", "DE", "2000");
        String claim = JSON.writeValueAsString(ErpChange.of("helios", 0, claim("c1", "helios", "HEL-1", "r1",
                "001A", "INV-1", "1000", MdfClaim.Status.SUBMITTED)));
        hazelcast.getMap(IncentiveStore.mapName(ErpChange.Kind.CLAIM)).clear();

        service.replay(claim);

        assertThat(store.claim("helios", "c1").status()).isEqualTo(MdfClaim.Status.SUBMITTED);
        assertThat(alerts.list(null, 10)).isEmpty();
    }

    private List<Alert> apply(ErpChange change) {
        try {
            List<OutboundRecord> out = service.apply(JSON.writeValueAsString(change));
            List<Alert> raised = new ArrayList<>();
            for (OutboundRecord record : out) {
                assertThat(record.topic()).isEqualTo("accord.alerts");
                raised.add(JSON.treeToValue(JSON.readTree(record.value()).path("data"), Alert.class));
            }
            return raised;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void approvedRequest(String id, String program, String fund, String partner, String country,
            String amount) {
        apply(ErpChange.of(program, ++seq, request(id, program, fund, partner, country, amount,
                MdfRequest.Status.APPROVED)));
    }

    private void partner(String id, String territory, SourceRef source) {
        golden.put(EntityType.PARTNER, id, new PartnerOrg(id, "Partner " + id, null, null, null, null, Tier.GOLD,
                PartnerType.RESELLER, territory, null, null, null, PartnerStatus.ACTIVE, NOW, List.of(source)));
        golden.link(source.key(EntityType.PARTNER), id);
    }

    private static SourceRef source(String program, String id) {
        return new SourceRef("test", program, id, NOW);
    }

    private static MdfFund fund(String id, String program, String partner, String amount, String currency) {
        return new MdfFund(id, program, partner, "MDF H2 2026", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 31),
                Money.of(amount, currency), NOW);
    }

    private static MdfRequest request(String id, String program, String fund, String partner, String country,
            String amount, MdfRequest.Status status) {
        return new MdfRequest(id, program, fund, partner, "Webinar", country, Money.of(amount, "EUR"), status, null,
                "x@a.example", NOW);
    }

    private static MdfClaim claim(String id, String program, String fund, String request, String partner,
            String invoice, String amount, MdfClaim.Status status) {
        return new MdfClaim(id, program, fund, request, partner, invoice, Money.of(amount, "EUR"), status, null,
                List.of("https://proofs.example/" + id + ".pdf"), "x@a.example", NOW);
    }
}
