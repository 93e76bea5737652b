package dev.accordhub.sandbox.erp.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.accordhub.sandbox.erp.ErpProcessTiming;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ODataErpProcessTest {

    private static final String FUND = ODataErpTestSupport.EUR_FUND;
    private ODataErpTestSupport erp;

    @BeforeEach
    void start() {
        erp = new ODataErpTestSupport(ErpProcessTiming.FAST).login();
    }

    @AfterEach
    void stop() {
        erp.erp.close();
    }

    @Test
    void aRequestWithinTheBalanceIsApprovedAndOneBeyondItRejected() {
        BigDecimal allocated = erp.erp.fund(FUND).orElseThrow().allocatedAmount();
        erp.postRequest("REQ-1", FUND, "EUR", allocated.subtract(BigDecimal.TEN).toPlainString());
        awaitRequest("REQ-1", "Approved");

        erp.postRequest("REQ-2", FUND, "EUR", "10.01");
        awaitRequest("REQ-2", "Rejected");

        MdfRequestRow rejected = erp.erp.request("REQ-2").orElseThrow();
        assertThat(rejected.decisionReason()).isEqualTo("exceeds the available balance of fund HEL-0001");
        assertThat(erp.erp.availableBalance(FUND)).isEqualByComparingTo("10");
        assertThat(erp.get("MdfRequests?$filter=Status eq 'Rejected'").json().get("value").get(0)
                .get("DecisionReason").asText()).contains("HEL-0001");
    }

    @Test
    void aGoodClaimIsApprovedThenPaidWithAPayoutRow() {
        erp.postRequest("REQ-1", FUND, "EUR", "1000");
        awaitRequest("REQ-1", "Approved");
        long approvedAt = erp.erp.request("REQ-1").orElseThrow().changeSeq();

        erp.postClaim("CLM-1", "REQ-1", "INV-1", "950.25");

        await().atMost(Duration.ofSeconds(5)).until(() -> erp.erp.claim("CLM-1").orElseThrow().status(),
                "Paid"::equals);
        PayoutRow payout = erp.erp.payouts().get(0);
        assertThat(payout.payoutId()).isEqualTo("PAY-000001");
        assertThat(payout.claimId()).isEqualTo("CLM-1");
        assertThat(payout.amount()).isEqualByComparingTo("950.25");
        assertThat(payout.currencyCode()).isEqualTo("EUR");
        MdfClaimRow paid = erp.erp.claim("CLM-1").orElseThrow();
        assertThat(paid.changeSeq()).isGreaterThan(payout.changeSeq()).isGreaterThan(approvedAt);
        assertThat(erp.get("Payouts?$filter=ClaimId eq 'CLM-1'").json().get("value")).hasSize(1);
    }

    @Test
    void claimsWithoutInvoiceOnARejectedRequestOrAboveTheRequestAreRejected() {
        erp.postRequest("REQ-OK", FUND, "EUR", "500");
        erp.postRequest("REQ-BIG", FUND, "EUR", "99999999");
        awaitRequest("REQ-OK", "Approved");
        awaitRequest("REQ-BIG", "Rejected");

        erp.postClaim("CLM-NOINV", "REQ-OK", null, "100");
        erp.postClaim("CLM-REJREQ", "REQ-BIG", "INV-2", "100");
        erp.postClaim("CLM-TOOMUCH", "REQ-OK", "INV-3", "500.01");

        await().atMost(Duration.ofSeconds(5)).until(() -> erp.erp.claims().stream()
                .allMatch(c -> c.status().equals("Rejected")));
        assertThat(erp.erp.claim("CLM-NOINV").orElseThrow().decisionReason()).isEqualTo("no invoice reference");
        assertThat(erp.erp.claim("CLM-REJREQ").orElseThrow().decisionReason())
                .isEqualTo("request REQ-BIG is not approved");
        assertThat(erp.erp.claim("CLM-TOOMUCH").orElseThrow().decisionReason())
                .isEqualTo("exceeds the approved amount of request REQ-OK");
        assertThat(erp.erp.payouts()).isEmpty();
    }

    @Test
    void aPausedProcessDecidesNothingAndPayNowPaysAtOnce() {
        erp.erp.pauseProcess();
        erp.postRequest("REQ-1", FUND, "EUR", "100");
        erp.postClaim("CLM-1", "REQ-1", "INV-1", "100");
        assertThat(erp.erp.request("REQ-1").orElseThrow().status()).isEqualTo("Submitted");
        erp.erp.runProcessOnce(); // decides the request, then the claim that rests on it
        assertThat(erp.erp.claim("CLM-1").orElseThrow().status()).isEqualTo("Approved");

        PayoutRow payout = erp.erp.payNow("CLM-1");

        assertThat(payout.amount()).isEqualByComparingTo("100");
        assertThat(erp.erp.claim("CLM-1").orElseThrow().status()).isEqualTo("Paid");
    }

    @Test
    void aSlowFinanceTeamLeavesDocumentsSubmittedUntilTheirDecisionIsDue() {
        ODataErpTestSupport slow = new ODataErpTestSupport(
                new ErpProcessTiming(Duration.ofHours(1), Duration.ZERO, Duration.ofMillis(20))).login();
        try {
            slow.postRequest("REQ-1", FUND, "EUR", "100");
            slow.erp.runProcessOnce();

            assertThat(slow.erp.request("REQ-1").orElseThrow().status()).isEqualTo("Submitted");
        } finally {
            slow.erp.close();
        }
    }

    private void awaitRequest(String id, String status) {
        await().atMost(Duration.ofSeconds(5)).until(() -> erp.erp.request(id).orElseThrow().status(), status::equals);
    }
}
