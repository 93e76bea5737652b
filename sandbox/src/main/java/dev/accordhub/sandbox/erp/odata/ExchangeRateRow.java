package dev.accordhub.sandbox.erp.odata;

import java.math.BigDecimal;
import java.time.Instant;

/** One row of the ERP's {@code ExchangeRates}: one {@code fromCurrency} buys {@code rate} of {@code toCurrency}. */
public record ExchangeRateRow(String fromCurrency, String toCurrency, BigDecimal rate, Instant modifiedAt,
        long changeSeq) {
}
