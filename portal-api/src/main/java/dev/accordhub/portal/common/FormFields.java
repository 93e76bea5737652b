package dev.accordhub.portal.common;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accordhub.model.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reading the fields of a portal form (deal registration, MDF request, MDF claim) in one pass: each reader adds what
 * is wrong to the list, with the field's path, and returns null, so the partner learns every problem at once.
 */
public final class FormFields {

    public record FieldError(String field, String message) {
    }

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

    private FormFields() {
    }

    public static void unknown(JsonNode node, Set<String> known, String prefix, String form, List<FieldError> errors) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!known.contains(field)) {
                errors.add(new FieldError(prefix + field, "is not a field of the " + form));
            }
        }
    }

    /** Trimmed text with inner whitespace collapsed, {@code min} to {@code max} characters. */
    public static String text(JsonNode node, String field, String path, int min, int max, boolean required,
            List<FieldError> errors) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            if (required) {
                errors.add(new FieldError(path, "is required"));
            }
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(path, "must be text"));
            return null;
        }
        String text = value.asText().trim().replaceAll("\\s+", " ");
        if (text.length() < min || text.length() > max) {
            errors.add(new FieldError(path, "must be " + min + " to " + max + " characters"));
            return null;
        }
        return text;
    }

    /** An ISO 3166 alpha-2 code, upper case. */
    public static String country(JsonNode node, String field, String path, boolean required,
            List<FieldError> errors) {
        String code = text(node, field, path, 2, 2, required, errors);
        if (code != null && !COUNTRIES.contains(code.toUpperCase(Locale.ROOT))) {
            errors.add(new FieldError(path, "'" + code + "' is not an ISO 3166 country code (e.g. DE)"));
            return null;
        }
        return code == null ? null : code.toUpperCase(Locale.ROOT);
    }

    /**
     * An amount (a JSON number or a numeric string, more than 0, below 10^12, no more decimals than the currency
     * has) in the currency of the {@code currency} field.
     */
    public static Money amount(JsonNode body, String amountField, List<FieldError> errors) {
        String code = text(body, "currency", "currency", 3, 3, true, errors);
        Currency currency = null;
        if (code != null) {
            try {
                currency = Currency.getInstance(code.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("currency", "'" + code + "' is not an ISO 4217 currency code"));
            }
        }
        JsonNode value = body.path(amountField);
        if (value.isMissingNode() || value.isNull()) {
            errors.add(new FieldError(amountField, "is required"));
            return null;
        }
        BigDecimal amount;
        try {
            amount = value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText().trim());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(amountField, "'" + value.asText() + "' is not a number"));
            return null;
        }
        if (amount.signum() <= 0 || amount.compareTo(MAX_AMOUNT) >= 0) {
            errors.add(new FieldError(amountField, "must be more than 0 and less than 10^12"));
            return null;
        }
        if (currency != null && amount.stripTrailingZeros().scale() > Math.max(currency.getDefaultFractionDigits(), 0)) {
            errors.add(new FieldError(amountField, "has more decimals than " + currency.getCurrencyCode()
                    + " allows (" + currency.getDefaultFractionDigits() + ")"));
            return null;
        }
        return currency == null ? null : new Money(amount, currency.getCurrencyCode());
    }

    /** 400 with every error. */
    public static ApiResult problem(List<FieldError> errors) {
        return Problems.invalidFields(errors.stream().map(e -> java.util.Map.entry(e.field(), e.message())).toList());
    }
}
