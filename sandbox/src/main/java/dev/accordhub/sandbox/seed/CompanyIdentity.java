package dev.accordhub.sandbox.seed;

import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The parts a company name is made of. Keeping the parts, not the string, lets the second program spell the same
 * company a little differently ("Bluefin Systems GmbH" / "BLUEFIN Systems") the way two CRMs drift apart.
 */
record CompanyIdentity(
        String brandHead,
        String brandTail,
        String industry,
        String legalSuffix,
        String country,
        String domain,
        boolean brandUpperCase,
        boolean brandSplit) {

    private static final Map<String, String> SUFFIX_LONG_FORMS = Map.of(
            "Corp", "Corporation",
            "Inc.", "Incorporated",
            "Ltd", "Limited",
            "Ltd.", "Limited",
            "Co., Ltd.", "Co. Ltd");

    private static final Map<String, String> INDUSTRY_ALTERNATIVES = Map.of(
            "Technologies", "Tech",
            "Solutions", "Solution",
            "Consulting", "Consultants",
            "Systems", "System",
            "Networks", "Network",
            "Traders", "Trading",
            "Digital", "Digital Services",
            "Partners", "Group");

    String brand() {
        String brand = brandSplit && !brandTail.isEmpty()
                ? brandHead + " " + capitalize(brandTail)
                : brandHead + brandTail;
        return brandUpperCase ? brand.toUpperCase(Locale.ROOT) : brand;
    }

    String displayName() {
        StringBuilder name = new StringBuilder(brand());
        if (!industry.isEmpty()) {
            name.append(' ').append(industry);
        }
        if (!legalSuffix.isEmpty()) {
            name.append(' ').append(legalSuffix);
        }
        return name.toString();
    }

    /** The same company as a second CRM might have typed it: one or two small edits, never the identical name. */
    CompanyIdentity spelledDifferently(Random random) {
        CompanyIdentity variant = this;
        int edits = 1 + random.nextInt(2);
        for (int i = 0; i < edits || variant.displayName().equals(displayName()); i++) {
            variant = variant.oneEdit(random);
        }
        return variant;
    }

    private CompanyIdentity oneEdit(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> withSuffix(legalSuffix.isEmpty() ? CompanyWords.legalSuffixFor(country, random) : "");
            case 1 -> withSuffix(SUFFIX_LONG_FORMS.getOrDefault(legalSuffix, ""));
            case 2 -> new CompanyIdentity(brandHead, brandTail, industry, legalSuffix, country, domain,
                    !brandUpperCase, brandSplit);
            case 3 -> new CompanyIdentity(brandHead, brandTail, industry, legalSuffix, country, domain,
                    brandUpperCase, !brandTail.isEmpty() && !brandSplit);
            case 4 -> new CompanyIdentity(brandHead, brandTail, INDUSTRY_ALTERNATIVES.getOrDefault(industry, industry),
                    legalSuffix, country, domain, brandUpperCase, brandSplit);
            default -> new CompanyIdentity(brandHead, brandTail, industry.isEmpty() ? "Group" : "", legalSuffix,
                    country, domain, brandUpperCase, brandSplit);
        };
    }

    private CompanyIdentity withSuffix(String suffix) {
        return new CompanyIdentity(brandHead, brandTail, industry, suffix, country, domain, brandUpperCase, brandSplit);
    }

    private static String capitalize(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
