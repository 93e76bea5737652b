package dev.accordhub.sandbox.erp.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.accordhub.sandbox.erp.ErpProcessTiming;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SqlErpProcessTest {

    private static final String ACME = "0016g00000AcmeDE";
    private static final ErpProcessTiming QUICK = new ErpProcessTiming(Duration.ZERO, Duration.ZERO,
            Duration.ofMillis(20));

    private SqlErpSandbox erp;
    private SqlErpHubSide hub;
    private BigDecimal allocated;

    @BeforeEach
    void start() {
        erp = SqlErpSandbox.builder().databaseName("erp-process-test").fundPrefix("VAN")
                .accounts(SqlErpSandboxTest.ACCOUNTS).today(LocalDate.of(2026, 3, 2)).timing(QUICK).start();
        hub = new SqlErpHubSide(erp);
        allocated = erp.funds().get(0).allocated();
    }

    @AfterEach
    void stop() {
        erp.close();
    }

    @Test
    void approvesARequestThatFitsTheFund() throws SQLException {
        hub.submitRequest("req-1", "VAN-0001", ACME, "EUR", "1000");

        await().untilAsserted(() -> assertThat(erp.requestStatus("req-1")).contains("APPROVED"));
        assertThat(erp.inbound("req-1")).hasValueSatisfying(row -> {
            assertThat(row.processStatus()).isEqualTo("DONE");
            assertThat(row.errorMessage()).isNull();
        });
        assertThat(erp.availableBalance("VAN-0001")).hasValueSatisfying(available ->
                assertThat(available).isEqualByComparingTo(allocated.subtract(new BigDecimal("1000"))));
    }

    @Test
    void rejectsARequestOverTheBalanceLeftByApprovedOnes() throws SQLException {
        BigDecimal sixtyPercent = allocated.multiply(new BigDecimal("0.6"));
        hub.submitRequest("req-1", "VAN-0001", ACME, "EUR", sixtyPercent.toPlainString());
        await().untilAsserted(() -> assertThat(erp.requestStatus("req-1")).contains("APPROVED"));

        hub.submitRequest("req-2", "VAN-0001", ACME, "EUR", sixtyPercent.toPlainString());

        await().untilAsserted(() -> assertThat(erp.requestStatus("req-2")).contains("REJECTED"));
        assertThat(erp.request("req-2").orElseThrow().statusReason())
                .startsWith("exceeds the available balance of fund VAN-0001");
        // Rejected at decision time, not at intake: the inbound row was fine.
        assertThat(erp.inbound("req-2").orElseThrow().processStatus()).isEqualTo("DONE");
    }

    @Test
    void anUnknownFundOrAForeignCurrencyIsAnInboundErrorAndARejectedDocument() throws SQLException {
        hub.submitRequest("req-x", "VAN-9999", ACME, "EUR", "10");
        hub.submitClaim("claim-usd", "VAN-0001", null, ACME, "INV-1", "USD", "10");

        await().untilAsserted(() -> assertThat(erp.inbound("claim-usd").orElseThrow().processStatus())
                .isEqualTo("ERROR"));
        assertThat(erp.inbound("req-x").orElseThrow().errorMessage()).isEqualTo("unknown fund VAN-9999");
        assertThat(erp.request("req-x").orElseThrow()).satisfies(state -> {
            assertThat(state.statusCode()).isEqualTo("REJECTED");
            assertThat(state.statusReason()).isEqualTo("unknown fund VAN-9999");
        });
        assertThat(erp.inbound("claim-usd").orElseThrow().errorMessage())
                .isEqualTo("currency USD is not the currency of fund VAN-0001 (EUR)");
        assertThat(erp.claimStatus("claim-usd")).contains("REJECTED");
    }

    @Test
    void approvesAndPaysAClaimOfAnApprovedRequest() throws SQLException {
        hub.submitRequest("req-1", "VAN-0001", ACME, "EUR", "1000");
        await().untilAsserted(() -> assertThat(erp.requestStatus("req-1")).contains("APPROVED"));

        hub.submitClaim("claim-1", "VAN-0001", "req-1", ACME, "INV-2026-17", "EUR", "950.50");

        await().untilAsserted(() -> assertThat(erp.claimStatus("claim-1")).contains("PAID"));
        assertThat(erp.payouts()).singleElement().satisfies(payout -> {
            assertThat(payout.payoutId()).isEqualTo("PAY-000001");
            assertThat(payout.claimId()).isEqualTo("claim-1");
            assertThat(payout.fundId()).isEqualTo("VAN-0001");
            assertThat(payout.currency()).isEqualTo("EUR");
            assertThat(payout.amount()).isEqualByComparingTo("950.50");
            // The claim's last change comes after its payout's, so a reader sees the money first.
            assertThat(erp.claim("claim-1").orElseThrow().changeSeq()).isGreaterThan(payout.changeSeq());
        });
        assertThat(erp.availableBalance("VAN-0001")).hasValueSatisfying(available ->
                assertThat(available).isEqualByComparingTo(allocated.subtract(new BigDecimal("950.50"))));
    }

    @Test
    void rejectsAClaimWithoutInvoiceReference() throws SQLException {
        hub.submitRequest("req-1", "VAN-0001", ACME, "EUR", "1000");
        await().untilAsserted(() -> assertThat(erp.requestStatus("req-1")).contains("APPROVED"));

        hub.submitClaim("claim-1", "VAN-0001", "req-1", ACME, null, "EUR", "500");

        await().untilAsserted(() -> assertThat(erp.claimStatus("claim-1")).contains("REJECTED"));
        assertThat(erp.claim("claim-1").orElseThrow().statusReason()).isEqualTo("the claim has no invoice reference");
        assertThat(erp.payouts()).isEmpty();
    }

    @Test
    void rejectsAClaimOfARequestThatIsNotApproved() throws SQLException {
        hub.submitRequest("req-big", "VAN-0001", ACME, "EUR", allocated.add(BigDecimal.ONE).toPlainString());
        await().untilAsserted(() -> assertThat(erp.requestStatus("req-big")).contains("REJECTED"));

        hub.submitClaim("claim-1", "VAN-0001", "req-big", ACME, "INV-1", "EUR", "500");
        hub.submitClaim("claim-2", "VAN-0001", "req-none", ACME, "INV-2", "EUR", "500");

        await().untilAsserted(() -> assertThat(erp.claimStatus("claim-2")).contains("REJECTED"));
        assertThat(erp.claim("claim-1").orElseThrow().statusReason())
                .isEqualTo("request req-big is not approved (REJECTED)");
        assertThat(erp.claim("claim-2").orElseThrow().statusReason()).isEqualTo("request req-none is unknown");
    }

    @Test
    void rejectsAClaimOverItsRequestAndASecondClaimOfTheSameRequest() throws SQLException {
        hub.submitRequest("req-1", "VAN-0001", ACME, "EUR", "1000");
        await().untilAsserted(() -> assertThat(erp.requestStatus("req-1")).contains("APPROVED"));

        hub.submitClaim("claim-over", "VAN-0001", "req-1", ACME, "INV-1", "EUR", "1000.01");
        hub.submitClaim("claim-ok", "VAN-0001", "req-1", ACME, "INV-2", "EUR", "1000");
        await().untilAsserted(() -> assertThat(erp.claimStatus("claim-ok")).contains("PAID"));
        hub.submitClaim("claim-again", "VAN-0001", "req-1", ACME, "INV-3", "EUR", "10");

        await().untilAsserted(() -> assertThat(erp.claimStatus("claim-again")).contains("REJECTED"));
        assertThat(erp.claim("claim-over").orElseThrow().statusReason())
                .isEqualTo("the amount exceeds the approved amount of request req-1 (1000)");
        assertThat(erp.claim("claim-again").orElseThrow().statusReason())
                .isEqualTo("request req-1 is already claimed by claim-ok");
    }

    @Test
    void aPausedProcessLeavesInboundRowsNewUntilResumed() throws SQLException {
        erp.pauseProcess();
        hub.submitRequest("req-1", "VAN-0001", ACME, "EUR", "1000");

        // Two ticks at least, had it been running.
        await().pollDelay(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(erp.inbound("req-1").orElseThrow().processStatus()).isEqualTo("NEW"));
        assertThat(erp.request("req-1")).isEmpty();

        erp.resumeProcess();
        await().untilAsserted(() -> assertThat(erp.requestStatus("req-1")).contains("APPROVED"));
    }

    @Test
    void withZeroDelaysADocumentMovesOneStepPerRun() throws SQLException {
        erp.pauseProcess();
        hub.submitRequest("req-1", "VAN-0001", ACME, "EUR", "100");

        erp.runProcessOnce();
        assertThat(erp.requestStatus("req-1")).contains("PENDING");
        erp.runProcessOnce();
        assertThat(erp.requestStatus("req-1")).contains("APPROVED");

        hub.submitClaim("claim-1", "VAN-0001", "req-1", ACME, "INV-1", "EUR", "100");
        erp.runProcessOnce();
        assertThat(erp.claimStatus("claim-1")).contains("PENDING");
        erp.runProcessOnce();
        assertThat(erp.claimStatus("claim-1")).contains("APPROVED");
        assertThat(erp.payouts()).isEmpty();
        erp.runProcessOnce();
        assertThat(erp.claimStatus("claim-1")).contains("PAID");
        assertThat(erp.payouts()).hasSize(1);
    }

    @Test
    void payNowPaysAnApprovedClaimBeforeItsTime() throws SQLException {
        erp.close();
        erp = SqlErpSandbox.builder().databaseName("erp-process-test").fundPrefix("VAN")
                .accounts(SqlErpSandboxTest.ACCOUNTS).timing(new ErpProcessTiming(Duration.ZERO, Duration.ofHours(1),
                        Duration.ofMillis(20))).start();
        hub = new SqlErpHubSide(erp);
        hub.submitRequest("req-1", "VAN-0001", ACME, "EUR", "100");
        await().untilAsserted(() -> assertThat(erp.requestStatus("req-1")).contains("APPROVED"));
        hub.submitClaim("claim-1", "VAN-0001", "req-1", ACME, "INV-1", "EUR", "100");
        await().untilAsserted(() -> assertThat(erp.claimStatus("claim-1")).contains("APPROVED"));
        assertThatThrownBy(() -> erp.payNow("req-1")).hasMessageContaining("not APPROVED");

        String payoutId = erp.payNow("claim-1");

        assertThat(erp.claimStatus("claim-1")).contains("PAID");
        assertThat(erp.payouts()).extracting(SqlErpPayoutRow::payoutId).containsExactly(payoutId);
    }
}
