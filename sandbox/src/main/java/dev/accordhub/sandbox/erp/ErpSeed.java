package dev.accordhub.sandbox.erp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What both ERP sandboxes are seeded with: one MDF fund per partner account for the current half-year, in the
 * currency of the partner's country, and exchange rates into USD (the reporting currency). Deterministic: the same
 * accounts and date give the same funds.
 */
public final class ErpSeed {

    public static final String REPORTING_CURRENCY = "USD";

    /** Units of USD one unit of the currency buys; JPY has no minor unit, which the rounding tests need. */
    public static final Map<String, BigDecimal> RATES_TO_USD = Map.of(
            "USD", BigDecimal.ONE,
            "EUR", new BigDecimal("1.0850"),
            "GBP", new BigDecimal("1.2675"),
            "JPY", new BigDecimal("0.0066125"),
            "AUD", new BigDecimal("0.6540"),
            "CAD", new BigDecimal("0.7310"),
            "SEK", new BigDecimal("0.0952"),
            "INR", new BigDecimal("0.01198"),
            "SGD", new BigDecimal("0.7440"),
            "BRL", new BigDecimal("0.1985"));

    private static final Map<String, String> CURRENCY_BY_COUNTRY = Map.ofEntries(
            Map.entry("DE", "EUR"), Map.entry("FR", "EUR"), Map.entry("NL", "EUR"), Map.entry("IT", "EUR"),
            Map.entry("ES", "EUR"), Map.entry("IE", "EUR"), Map.entry("AT", "EUR"), Map.entry("BE", "EUR"),
            Map.entry("GB", "GBP"), Map.entry("JP", "JPY"), Map.entry("AU", "AUD"), Map.entry("CA", "CAD"),
            Map.entry("SE", "SEK"), Map.entry("IN", "INR"), Map.entry("SG", "SGD"), Map.entry("BR", "BRL"));

    private ErpSeed() {
    }

    public static String currencyOf(String country) {
        return CURRENCY_BY_COUNTRY.getOrDefault(country, "USD");
    }

    /**
     * One fund per account, ids {@code <prefix>-0001}, ... in account order: the half-year containing {@code today},
     * 10,000–57,500 in USD terms (in steps of 2,500, from the account id), in the account's currency.
     */
    public static List<ErpFundSeed> funds(String prefix, List<ErpPartnerAccount> accounts, LocalDate today) {
        LocalDate start = LocalDate.of(today.getYear(), today.getMonthValue() <= 6 ? 1 : 7, 1);
        LocalDate end = start.plusMonths(6).minusDays(1);
        String half = (today.getMonthValue() <= 6 ? "H1 " : "H2 ") + today.getYear();
        List<ErpFundSeed> funds = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            ErpPartnerAccount account = accounts.get(i);
            String currency = currencyOf(account.country());
            BigDecimal usd = BigDecimal.valueOf(10_000 + 2_500L * Math.floorMod(account.crmAccountId().hashCode(), 20));
            BigDecimal allocated = usd.divide(RATES_TO_USD.get(currency), 0, java.math.RoundingMode.HALF_EVEN)
                    .setScale(currency.equals("JPY") ? 0 : 2);
            funds.add(new ErpFundSeed(String.format("%s-%04d", prefix, i + 1), account.crmAccountId(),
                    "MDF " + half, start, end, currency, allocated));
        }
        return funds;
    }

    /**
     * A paid case on every third fund: an activity of 10% of the allocation (in the account's country), its claim,
     * paid 30 days into the period. Ids derive from the fund's ({@code HEL-0001-R1}, {@code -C1}, {@code -P1}), so
     * no two funds share an invoice.
     */
    public static List<ErpHistorySeed> history(List<ErpFundSeed> funds, List<ErpPartnerAccount> accounts) {
        java.util.Map<String, String> countries = new java.util.HashMap<>();
        accounts.forEach(a -> countries.put(a.crmAccountId(), a.country()));
        List<ErpHistorySeed> history = new ArrayList<>();
        for (int i = 0; i < funds.size(); i += 3) {
            ErpFundSeed fund = funds.get(i);
            int scale = java.util.Currency.getInstance(fund.currency()).getDefaultFractionDigits();
            BigDecimal amount = fund.allocated().divide(BigDecimal.TEN, Math.max(scale, 0),
                    java.math.RoundingMode.HALF_EVEN);
            history.add(new ErpHistorySeed(fund.fundId(), fund.partnerAccount(), fund.currency(),
                    fund.fundId() + "-R1", "Partner summit booth", countries.get(fund.partnerAccount()),
                    fund.fundId() + "-C1", fund.fundId() + "-INV-1", "doc:" + fund.fundId() + "-proof-1",
                    fund.fundId() + "-P1", amount, fund.periodStart().plusDays(30).atTime(12, 0)
                            .toInstant(java.time.ZoneOffset.UTC)));
        }
        return history;
    }
}
