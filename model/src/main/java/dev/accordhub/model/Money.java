package dev.accordhub.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in one currency. The amount is kept at the currency's minor-unit scale (2 for EUR, 0 for JPY),
 * rounded half-even, so that equal amounts compare and hash equal whatever scale the source sent.
 */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Currency iso;
        try {
            iso = Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown ISO 4217 currency code '" + currency + "'");
        }
        int scale = Math.max(iso.getDefaultFractionDigits(), 0);
        amount = amount.setScale(scale, RoundingMode.HALF_EVEN);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }
}
