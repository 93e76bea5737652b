package dev.accordhub.model.incentive;

import java.math.BigDecimal;
import java.time.Instant;

/** One row of an ERP's exchange-rate table: one unit of {@code currency} buys {@code rate} of the reporting currency. */
public record FxRate(String program, String currency, String reportingCurrency, BigDecimal rate, Instant updatedAt) {
}
