package dev.accordhub.sandbox.erp.odata;

import java.math.BigDecimal;
import java.time.Instant;

/** One row of the ERP's {@code Payouts}: money paid for a claim, in the fund's currency. */
public record PayoutRow(String payoutId, String claimId, String fundId, String currencyCode, BigDecimal amount,
        Instant paidAt, long changeSeq) {
}
