package dev.accordhub.sandbox.erp.sql;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One row of MDF_PAYOUT_OUT, for assertions. */
public record SqlErpPayoutRow(String payoutId, String claimId, String fundId, String currency, BigDecimal amount,
        OffsetDateTime paidAt, long changeSeq) {
}
