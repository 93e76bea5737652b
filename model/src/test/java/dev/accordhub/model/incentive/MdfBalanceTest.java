package dev.accordhub.model.incentive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accordhub.model.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MdfBalanceTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final MdfFund FUND = new MdfFund("f1", "helios", "001A", "Marketing fund", LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 12, 31), Money.of("10000.00", "EUR"), NOW);

    @Test
    void availableIsAllocatedLessCommittedLessPaid() {
        List<MdfRequest> requests = List.of(
                request("r1", "2000", MdfRequest.Status.APPROVED),   // claimed below: counted by its claim
                request("r2", "1500", MdfRequest.Status.APPROVED),   // not claimed yet: committed
                request("r3", "9000", MdfRequest.Status.SUBMITTED),  // undecided: holds nothing
                request("r4", "500", MdfRequest.Status.REJECTED));
        List<MdfClaim> claims = List.of(
                claim("c1", "r1", "1800.50", MdfClaim.Status.APPROVED),
                claim("c2", null, "700", MdfClaim.Status.PAID),
                claim("c3", null, "300", MdfClaim.Status.REJECTED));
        List<Payout> payouts = List.of(new Payout("p1", "helios", "c2", "f1", Money.of("700", "EUR"), NOW));

        MdfBalance balance = MdfBalance.of(FUND, requests, claims, payouts);

        assertThat(balance.committed()).isEqualTo(Money.of("3300.50", "EUR"));
        assertThat(balance.paid()).isEqualTo(Money.of("700.00", "EUR"));
        assertThat(balance.available()).isEqualTo(Money.of("5999.50", "EUR"));
    }

    @Test
    void aSubmittedClaimKeepsItsActivityCommittedUntilTheErpApprovesIt() {
        List<MdfRequest> requests = List.of(request("r1", "2000", MdfRequest.Status.APPROVED));

        MdfBalance submitted = MdfBalance.of(FUND, requests, List.of(claim("c1", "r1", "1500",
                MdfClaim.Status.SUBMITTED)), List.of());
        MdfBalance approved = MdfBalance.of(FUND, requests, List.of(claim("c1", "r1", "1500",
                MdfClaim.Status.APPROVED)), List.of());
        MdfBalance rejected = MdfBalance.of(FUND, requests, List.of(claim("c1", "r1", "1500",
                MdfClaim.Status.REJECTED)), List.of());

        assertThat(submitted.committed()).isEqualTo(Money.of("2000", "EUR"));
        assertThat(approved.committed()).as("the claim replaces its activity").isEqualTo(Money.of("1500", "EUR"));
        assertThat(rejected.committed()).as("the activity can be claimed again").isEqualTo(Money.of("2000", "EUR"));
    }

    @Test
    void aPayoutSeenBeforeItsClaimTurnsPaidIsNotCountedTwice() {
        // The ERP feed reads payouts and claims as separate kinds: the payout may arrive first.
        List<MdfClaim> claims = List.of(claim("c1", null, "1000", MdfClaim.Status.APPROVED));
        List<Payout> payouts = List.of(new Payout("p1", "helios", "c1", "f1", Money.of("1000", "EUR"), NOW));

        MdfBalance balance = MdfBalance.of(FUND, List.of(), claims, payouts);

        assertThat(balance.committed()).isEqualTo(Money.of("0", "EUR"));
        assertThat(balance.paid()).isEqualTo(Money.of("1000", "EUR"));
        assertThat(balance.available()).isEqualTo(Money.of("9000", "EUR"));
    }

    @Test
    void theReportingCurrencyRoundsEachFigureOnceHalfEven() {
        MdfFund yen = new MdfFund("f2", "vantage", "9", "Yen fund", null, null, Money.of("1000001", "JPY"), NOW);
        FxRates fx = new FxRates("USD", Map.of("JPY", new BigDecimal("0.0066125"), "EUR", new BigDecimal("1.085")));

        MdfBalance usd = MdfBalance.of(yen, List.of(), List.of(), List.of()).in(fx);

        // 1,000,001 × 0.0066125 = 6612.5066125 → 6612.51
        assertThat(usd.available()).isEqualTo(Money.of("6612.51", "USD"));
        assertThat(fx.toReporting(Money.of("0.25", "EUR")).amount()).isEqualByComparingTo("0.27"); // 0.27125
        // exactly half a cent: half-even keeps the even cent...
        assertThat(new FxRates("USD", Map.of("EUR", new BigDecimal("0.5"))).toReporting(Money.of("0.25", "EUR"))
                .amount()).isEqualByComparingTo("0.12");
        // ...but a hair above half rounds up: one rounding, not two
        assertThat(new FxRates("USD", Map.of("EUR", new BigDecimal("0.50000000000001")))
                .toReporting(Money.of("0.25", "EUR")).amount()).isEqualByComparingTo("0.13");
    }

    @Test
    void mixedCurrenciesAndMissingRatesAreRefusedNotGuessed() {
        assertThatThrownBy(() -> MdfBalance.of(FUND, List.of(), List.of(claim("c9", null, "5", MdfClaim.Status.PAID)),
                List.of(new Payout("p9", "helios", "c9", "f1", Money.of("5", "USD"), NOW))))
                .hasMessageContaining("payout p9 is in USD, its fund in EUR");
        assertThatThrownBy(() -> new FxRates("USD", Map.of()).toReporting(Money.of("1", "GBP")))
                .hasMessageContaining("No rate from GBP to USD");
    }

    private static MdfRequest request(String id, String amount, MdfRequest.Status status) {
        return new MdfRequest(id, "helios", "f1", "001A", "Webinar", "DE", Money.of(amount, "EUR"), status, null,
                null, NOW);
    }

    private static MdfClaim claim(String id, String requestId, String amount, MdfClaim.Status status) {
        return new MdfClaim(id, "helios", "f1", requestId, "001A", "INV-" + id, Money.of(amount, "EUR"), status, null,
                List.of("proof/" + id + ".pdf"), null, NOW);
    }
}
