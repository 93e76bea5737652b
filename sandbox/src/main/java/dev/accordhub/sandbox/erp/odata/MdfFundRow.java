package dev.accordhub.sandbox.erp.odata;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One row of the ERP's {@code MdfFunds}: a partner's allocation for a period, in the fund's currency. */
public record MdfFundRow(String fundId, String partnerAccount, String name, LocalDate periodStart,
        LocalDate periodEnd, String currencyCode, BigDecimal allocatedAmount, Instant modifiedAt, long changeSeq) {
}
