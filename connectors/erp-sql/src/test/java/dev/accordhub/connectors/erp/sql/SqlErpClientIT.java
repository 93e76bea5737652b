package dev.accordhub.connectors.erp.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.accordhub.model.Money;
import dev.accordhub.model.incentive.ErpChange;
import dev.accordhub.model.incentive.ErpChanges;
import dev.accordhub.model.incentive.ErpCursor;
import dev.accordhub.model.incentive.ErpRejectedException;
import dev.accordhub.model.incentive.MdfClaim;
import dev.accordhub.model.incentive.MdfRequest;
import dev.accordhub.model.source.SourceUnavailableException;
import dev.accordhub.sandbox.erp.ErpPartnerAccount;
import dev.accordhub.sandbox.erp.ErpProcessTiming;
import dev.accordhub.sandbox.erp.sql.SqlErpSandbox;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against the interface-table ERP sandbox, reached over TCP as the hub reaches a database server. */
class SqlErpClientIT {

    private static final String ACME = "0016g00000AcmeDE";
    private static final List<ErpPartnerAccount> ACCOUNTS = List.of(
            new ErpPartnerAccount(ACME, "Acme GmbH", "DE"),
            new ErpPartnerAccount("0016g00000GlobexUS", "Globex Inc", "US"),
            new ErpPartnerAccount("0016g00000InitechJP", "Initech KK", "JP"));
    /** Zero delays: with the process paused, each runProcessOnce() moves a document one step. */
    private static final ErpProcessTiming STEPPED = new ErpProcessTiming(Duration.ZERO, Duration.ZERO,
            Duration.ofMillis(20));

    private SqlErpSandbox erp;
    private CamelContext camel;
    private SqlErpClient client;

    @BeforeEach
    void start() {
        erp = SqlErpSandbox.builder().databaseName("erp-client-it").fundPrefix("VAN").accounts(ACCOUNTS)
                .today(LocalDate.of(2026, 5, 4)).timing(STEPPED).start();
        erp.pauseProcess();
        camel = new DefaultCamelContext();
        camel.start();
        client = new SqlErpClient(camel, config(erp.password()));
    }

    @AfterEach
    void stop() {
        client.close();
        camel.stop();
        erp.close();
    }

    @Test
    void readsEverythingFromStartInPagesAndThenNothing() {
        client.close();
        client = new SqlErpClient(camel, config(erp.password()).withPageSize(4));

        List<ErpChange> all = new ArrayList<>();
        ErpCursor cursor = ErpCursor.START;
        int reads = 0;
        ErpChanges page;
        do {
            page = client.changesAfter(cursor, 100);
            all.addAll(page.changes());
            cursor = page.cursor();
            reads++;
        } while (page.more());

        assertThat(reads).isEqualTo(3); // 10 rates in pages of 4: 4, 4, 2
        assertThat(all).extracting(ErpChange::key).doesNotHaveDuplicates().hasSize(13);
        assertThat(all).filteredOn(change -> change.kind() == ErpChange.Kind.FUND).extracting(ErpChange::fund)
                .satisfiesExactly(
                        fund -> {
                            assertThat(fund.id()).isEqualTo("VAN-0001");
                            assertThat(fund.program()).isEqualTo("vantage");
                            assertThat(fund.partnerKey()).isEqualTo(ACME);
                            assertThat(fund.name()).isEqualTo("MDF H1 2026");
                            assertThat(fund.periodStart()).isEqualTo(LocalDate.of(2026, 1, 1));
                            assertThat(fund.periodEnd()).isEqualTo(LocalDate.of(2026, 6, 30));
                            assertThat(fund.allocated()).isEqualTo(new Money(erp.funds().get(0).allocated(), "EUR"));
                            assertThat(fund.updatedAt()).isNotNull();
                        },
                        fund -> assertThat(fund.allocated().currency()).isEqualTo("USD"),
                        fund -> assertThat(fund.allocated().currency()).isEqualTo("JPY"));
        assertThat(all).filteredOn(change -> change.kind() == ErpChange.Kind.FX_RATE).extracting(ErpChange::rate)
                .anySatisfy(rate -> {
                    assertThat(rate.currency()).isEqualTo("JPY");
                    assertThat(rate.reportingCurrency()).isEqualTo("USD");
                    assertThat(rate.rate()).isEqualByComparingTo("0.0066125");
                });
        assertThat(cursor.position(ErpChange.Kind.FUND)).isEqualTo(3);
        assertThat(cursor.position(ErpChange.Kind.FX_RATE)).isEqualTo(13);

        ErpChanges after = client.changesAfter(cursor, 100);
        assertThat(after.changes()).isEmpty();
        assertThat(after.more()).isFalse();
        assertThat(after.cursor()).isEqualTo(cursor);
    }

    @Test
    void aSubmittedClaimIsApprovedAndPaidAndTheFeedShowsEachStep() {
        ErpCursor cursor = client.changesAfter(ErpCursor.START, 100).cursor();
        client.submit(request("req-1", "1000"));

        erp.runProcessOnce();
        ErpChanges taken = client.changesAfter(cursor, 100);
        assertThat(taken.changes()).extracting(ErpChange::request).extracting(MdfRequest::status)
                .containsExactly(MdfRequest.Status.SUBMITTED);
        erp.runProcessOnce();
        ErpChanges approved = client.changesAfter(taken.cursor(), 100);
        assertThat(approved.changes()).singleElement().extracting(ErpChange::request).satisfies(request -> {
            assertThat(request.status()).isEqualTo(MdfRequest.Status.APPROVED);
            assertThat(request.program()).isEqualTo("vantage");
            assertThat(request.country()).isEqualTo("DE");
            assertThat(request.submittedBy()).isEqualTo("pm@acme.example");
        });

        client.submit(claim("claim-1", "req-1", "950.50"));
        List<MdfClaim.Status> claimStatuses = new ArrayList<>();
        List<ErpChange> payouts = new ArrayList<>();
        cursor = approved.cursor();
        for (int run = 0; run < 3; run++) {
            erp.runProcessOnce();
            ErpChanges changes = client.changesAfter(cursor, 100);
            changes.changes().stream().filter(c -> c.kind() == ErpChange.Kind.CLAIM)
                    .forEach(c -> claimStatuses.add(c.claim().status()));
            changes.changes().stream().filter(c -> c.kind() == ErpChange.Kind.PAYOUT).forEach(payouts::add);
            cursor = changes.cursor();
        }

        assertThat(claimStatuses).containsExactly(MdfClaim.Status.SUBMITTED, MdfClaim.Status.APPROVED,
                MdfClaim.Status.PAID);
        assertThat(payouts).singleElement().extracting(ErpChange::payout).satisfies(payout -> {
            assertThat(payout.claimId()).isEqualTo("claim-1");
            assertThat(payout.fundId()).isEqualTo("VAN-0001");
            assertThat(payout.amount()).isEqualTo(Money.of("950.50", "EUR"));
            assertThat(payout.program()).isEqualTo("vantage");
            assertThat(payout.paidAt()).isNotNull();
        });
    }

    @Test
    void theClaimKeepsItsProofReferencesAndTheErpsReason() {
        client.submit(claim("claim-1", "req-unknown", "100"));
        erp.runProcessOnce();
        erp.runProcessOnce();

        MdfClaim read = client.changesAfter(ErpCursor.START, 100).changes().stream()
                .filter(c -> c.kind() == ErpChange.Kind.CLAIM).map(ErpChange::claim).findFirst().orElseThrow();
        assertThat(read.status()).isEqualTo(MdfClaim.Status.REJECTED);
        assertThat(read.decisionReason()).isEqualTo("request req-unknown is unknown");
        assertThat(read.proofReferences()).containsExactly("doc-17", "https://files.example/acme/webinar.pdf");
        assertThat(read.invoiceReference()).isEqualTo("INV-2026-0042");
    }

    @Test
    void aRowWithAStatusCodeTheHubDoesNotKnowIsRejectedWithoutStallingTheFeed() throws Exception {
        ErpChanges before = client.changesAfter(ErpCursor.START, 500);
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(erp.jdbcUrl(), erp.user(), erp.password());
             java.sql.Statement sql = db.createStatement()) {
            sql.executeUpdate("INSERT INTO MDF_REQUEST_OUT (REQUEST_ID, FUND_ID, PARTNER_ACCOUNT, ACTIVITY, "
                    + "CURRENCY_CODE, AMOUNT, STATUS_CODE, LAST_UPDATE_DATE, CHANGE_SEQ) VALUES ('odd-1', 'VAN-0001', "
                    + "'X', 'Trade show', 'EUR', 100, 'ON_HOLD', CURRENT_TIMESTAMP, NEXT VALUE FOR ERP_CHANGE_SEQ)");
            sql.executeUpdate("INSERT INTO MDF_REQUEST_OUT (REQUEST_ID, FUND_ID, PARTNER_ACCOUNT, ACTIVITY, "
                    + "CURRENCY_CODE, AMOUNT, STATUS_CODE, LAST_UPDATE_DATE, CHANGE_SEQ) VALUES ('fine-1', 'VAN-0001', "
                    + "'X', 'Webinar', 'EUR', 100, 'APPROVED', CURRENT_TIMESTAMP, NEXT VALUE FOR ERP_CHANGE_SEQ)");
        }

        ErpChanges after = client.changesAfter(before.cursor(), 500);

        assertThat(after.rejected()).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("vantage:REQUEST:odd-1");
            assertThat(r.reason()).contains("ON_HOLD");
            assertThat(r.raw()).contains("Trade show");
        });
        assertThat(after.changes()).extracting(ErpChange::documentId).containsExactly("fine-1");
        assertThat(client.changesAfter(after.cursor(), 500).rejected()).as("passed, not read again").isEmpty();
    }

    @Test
    void aRedeliveredSubmitIsANoOp() {
        client.submit(claim("claim-1", null, "100"));
        client.submit(claim("claim-1", null, "100"));
        client.submit(claim("claim-1", null, "999")); // same id: the ERP's copy stays as it is
        client.submit(request("req-1", "10"));
        client.submit(request("req-1", "10"));

        assertThat(erp.inboundCount()).isEqualTo(2);
        erp.runProcessOnce();
        assertThat(client.changesAfter(ErpCursor.START, 100).changes()).filteredOn(c -> c.kind()
                == ErpChange.Kind.CLAIM).singleElement().satisfies(change ->
                assertThat(change.claim().amount()).isEqualTo(Money.of("100", "EUR")));
    }

    @Test
    void aStoppedServerIsUnavailableAndNothingIsLostWhenItComesBack() {
        ErpCursor cursor = client.changesAfter(ErpCursor.START, 100).cursor();
        client.submit(request("req-1", "1000"));

        erp.stopServer();
        assertThatThrownBy(() -> client.changesAfter(cursor, 100)).isInstanceOf(SourceUnavailableException.class)
                .hasMessageContaining("reading the");
        assertThatThrownBy(() -> client.submit(request("req-2", "10")))
                .isInstanceOf(SourceUnavailableException.class);
        assertThatThrownBy(client::checkConnection).isInstanceOf(SourceUnavailableException.class);
        // Meanwhile the ERP takes the request in and approves it.
        erp.runProcessOnce();
        erp.runProcessOnce();

        erp.startServer();
        List<ErpChange> changes = await().atMost(Duration.ofSeconds(10)).ignoreException(
                SourceUnavailableException.class).until(() -> client.changesAfter(cursor, 100).changes(),
                list -> !list.isEmpty());
        assertThat(changes).extracting(ErpChange::request).extracting(MdfRequest::id, MdfRequest::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("req-1", MdfRequest.Status.APPROVED));
        client.submit(request("req-2", "10"));
        assertThat(erp.inboundCount()).isEqualTo(2);
    }

    @Test
    void dataTheTablesRefuseIsRejectedForGood() {
        assertThatThrownBy(() -> client.submit(claim("claim-neg", null, "-5")))
                .isInstanceOf(ErpRejectedException.class).hasMessageContaining("inserting claim claim-neg")
                .hasMessageContaining("SQLState 23");
        MdfRequest tooLong = new MdfRequest("req-long", "vantage", "VAN-0001", ACME, "x".repeat(401), "DE",
                Money.of("10", "EUR"), MdfRequest.Status.SUBMITTED, null, null, null);
        assertThatThrownBy(() -> client.submit(tooLong)).isInstanceOf(ErpRejectedException.class)
                .hasMessageContaining("SQLState 22001");
        MdfRequest noFund = new MdfRequest("req-nofund", "vantage", null, ACME, "Webinar", "DE",
                Money.of("10", "EUR"), MdfRequest.Status.SUBMITTED, null, null, null);
        assertThatThrownBy(() -> client.submit(noFund)).isInstanceOf(ErpRejectedException.class)
                .hasMessageContaining("FUND_ID");
        assertThat(erp.inboundCount()).isZero();
    }

    @Test
    void aDocumentOfAnotherProgramIsRejectedWithoutTouchingTheErp() {
        MdfRequest helios = new MdfRequest("req-h", "helios", "VAN-0001", ACME, "Webinar", "DE",
                Money.of("10", "EUR"), MdfRequest.Status.SUBMITTED, null, null, null);

        assertThatThrownBy(() -> client.submit(helios)).isInstanceOf(ErpRejectedException.class)
                .hasMessageContaining("program helios");
        assertThat(erp.inboundCount()).isZero();
    }

    @Test
    void aWrongPasswordIsAConfigurationErrorNotAnOutage() {
        client.close();
        client = new SqlErpClient(camel, config("not-the-password").withConnectTimeout(Duration.ofMillis(500)));

        assertThatThrownBy(client::checkConnection).isInstanceOf(IllegalStateException.class)
                .isNotInstanceOf(SourceUnavailableException.class).hasMessageContaining("username and password");
    }

    @Test
    void checkConnectionPassesAgainstARunningErp() {
        client.checkConnection();
        Set<String> seen = new HashSet<>();
        client.changesAfter(ErpCursor.START, 1).changes().forEach(c -> seen.add(c.kind().name()));
        assertThat(seen).containsExactlyInAnyOrder("FUND", "FX_RATE");
    }

    @Test
    void aClientOfTheSameProgramMadeAfterCloseUsesItsOwnPool() {
        client.checkConnection();
        client.close();

        client = new SqlErpClient(camel, config(erp.password()));

        assertThat(client.changesAfter(ErpCursor.START, 100).changes()).hasSize(13);
    }

    private SqlErpConfig config(String password) {
        return SqlErpConfig.of("vantage", erp.jdbcUrl(), erp.user(), password)
                .withConnectTimeout(Duration.ofSeconds(1));
    }

    private static MdfRequest request(String id, String amount) {
        return new MdfRequest(id, "vantage", "VAN-0001", ACME, "Partner webinar series", "DE",
                Money.of(amount, "EUR"), MdfRequest.Status.SUBMITTED, null, "pm@acme.example",
                Instant.parse("2026-05-04T09:00:00Z"));
    }

    private static MdfClaim claim(String id, String requestId, String amount) {
        return new MdfClaim(id, "vantage", "VAN-0001", requestId, ACME, "INV-2026-0042", Money.of(amount, "EUR"),
                MdfClaim.Status.SUBMITTED, null, List.of("doc-17", "https://files.example/acme/webinar.pdf"),
                "pm@acme.example", Instant.parse("2026-05-04T09:05:00Z"));
    }
}
