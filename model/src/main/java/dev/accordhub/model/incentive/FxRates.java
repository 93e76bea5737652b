package dev.accordhub.model.incentive;

import dev.accordhub.model.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;

/**
 * The ERP's exchange rates into one reporting currency: {@code rates.get("EUR")} is how many reporting units one
 * euro buys. Conversion multiplies at full precision (34 significant digits) and rounds once, half-even, to the
 * target currency's minor unit (through {@link Money}).
 */
public record FxRates(String reportingCurrency, Map<String, BigDecimal> rates) {

    public FxRates {
        rates = Map.copyOf(rates);
        rates.forEach((currency, rate) -> {
            if (rate.signum() <= 0) {
                throw new IllegalArgumentException("The rate of " + currency + " must be positive, not " + rate);
            }
        });
    }

    public Money toReporting(Money money) {
        if (money.currency().equals(reportingCurrency)) {
            return money;
        }
        BigDecimal rate = rates.get(money.currency());
        if (rate == null) {
            throw new IllegalArgumentException("No rate from " + money.currency() + " to " + reportingCurrency);
        }
        // One rounding only, in Money: rounding the product first could turn 0.1250000000004 into 0.12.
        return new Money(money.amount().multiply(rate, MathContext.DECIMAL128), reportingCurrency);
    }
}
