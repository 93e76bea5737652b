package dev.accordhub.sandbox.erp;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One fund allocation an ERP sandbox starts with. */
public record ErpFundSeed(String fundId, String partnerAccount, String name, LocalDate periodStart,
        LocalDate periodEnd, String currency, BigDecimal allocated) {
}
