package dev.accordhub.sandbox.seed;

import java.util.List;
import java.util.Map;
import java.util.Random;

/** Word lists the demo companies and people are made of; realistic enough that matching by name is hard. */
final class CompanyWords {

    static final List<String> BRAND_HEADS = List.of(
            "Blue", "North", "Silver", "Iron", "Bright", "Red", "Summit", "Harbor", "Green", "Stone", "Swift",
            "Clear", "Deep", "High", "Oak", "Pine", "River", "Star", "Sun", "West", "East", "Polar", "Cedar",
            "Falcon", "Granite", "Maple", "Nova", "Quantum", "Crystal", "Eagle");

    static final List<String> BRAND_TAILS = List.of(
            "fin", "wind", "stone", "bridge", "path", "field", "gate", "point", "wave", "line", "ridge", "light",
            "forge", "works", "peak", "view", "crest", "brook", "hill", "port", "shore", "leaf", "spark", "rock");

    /** Names that stand alone, without a tail: "Acme Corp", "Contoso Ltd". */
    static final List<String> STANDALONE_BRANDS = List.of(
            "Acme", "Contoso", "Fabrikam", "Globex", "Initech", "Vandelay", "Tailspin", "Wingtip", "Litware",
            "Adatum", "Proseware", "Lucerne", "Northwind", "Woodgrove", "Coho", "Alpine", "Margie", "Trey",
            "Humongous", "Wide World", "Fourth Coffee", "Lamna", "Relecloud", "Munson");

    static final List<String> INDUSTRIES = List.of(
            "Systems", "Technologies", "Solutions", "Consulting", "Networks", "Traders", "Digital", "Partners",
            "Data", "Cloud", "Software", "Labs", "IT Services", "Integration", "Analytics");

    static final List<String> COUNTRIES = List.of(
            "US", "US", "US", "DE", "GB", "FR", "NL", "JP", "AU", "CA", "IN", "BR", "SE", "ES", "IT", "SG");

    private static final Map<String, List<String>> LEGAL_SUFFIXES = Map.ofEntries(
            Map.entry("US", List.of("Inc.", "Corp", "LLC")),
            Map.entry("DE", List.of("GmbH", "AG")),
            Map.entry("GB", List.of("Ltd", "PLC")),
            Map.entry("FR", List.of("SAS", "SA")),
            Map.entry("NL", List.of("B.V.")),
            Map.entry("JP", List.of("K.K.", "Co., Ltd.")),
            Map.entry("AU", List.of("Pty Ltd")),
            Map.entry("CA", List.of("Inc.", "Ltd.")),
            Map.entry("IN", List.of("Pvt Ltd")),
            Map.entry("BR", List.of("Ltda")),
            Map.entry("SE", List.of("AB")),
            Map.entry("ES", List.of("S.L.")),
            Map.entry("IT", List.of("S.r.l.")),
            Map.entry("SG", List.of("Pte Ltd")));

    private static final Map<String, String> COUNTRY_TLDS = Map.ofEntries(
            Map.entry("US", ".com"), Map.entry("DE", ".de"), Map.entry("GB", ".co.uk"), Map.entry("FR", ".fr"),
            Map.entry("NL", ".nl"), Map.entry("JP", ".co.jp"), Map.entry("AU", ".com.au"), Map.entry("CA", ".ca"),
            Map.entry("IN", ".in"), Map.entry("BR", ".com.br"), Map.entry("SE", ".se"), Map.entry("ES", ".es"),
            Map.entry("IT", ".it"), Map.entry("SG", ".sg"));

    static final List<String> CUSTOMER_INDUSTRIES = List.of(
            "Retail", "Health", "Logistics", "Bank", "Insurance", "Energy", "Foods", "Airlines", "Telecom",
            "Pharma", "Motors", "Media", "Hotels", "Utilities", "Manufacturing");

    static final List<String> DEAL_SUBJECTS = List.of(
            "Platform Rollout", "License Expansion", "Renewal", "Cloud Migration", "Security Upgrade",
            "Data Platform", "Pilot", "Managed Services", "Support Extension", "Analytics Add-on");

    static final List<String> FIRST_NAMES = List.of(
            "Anna", "Ben", "Chloé", "David", "Emma", "Felix", "Grace", "Hiroshi", "Isabel", "Jonas", "Kenji",
            "Laura", "Mateo", "Nina", "Oliver", "Priya", "Quentin", "Rahul", "Sofia", "Tom", "Ulrike", "Victor",
            "Wei", "Yuki", "Zoë", "Lucas", "Amélie", "Sven", "Aisha", "Carlos", "Fatima", "Jürgen", "Liam", "Mia");

    static final List<String> LAST_NAMES = List.of(
            "Smith", "Müller", "Dubois", "de Vries", "Tanaka", "Johnson", "Schneider", "Martin", "Jansen",
            "Suzuki", "Brown", "Fischer", "Bernard", "Bakker", "Sato", "Patel", "Sharma", "Silva", "Santos",
            "O'Brien", "Nguyen", "Andersson", "García", "Rossi", "Tan", "Wilson", "Becker", "Moreau", "Kumar",
            "Costa");

    static final List<String> TITLES = List.of(
            "Partner Manager", "Alliance Manager", "Sales Director", "Account Executive", "Channel Manager",
            "Solutions Architect", "VP Sales", "CTO", "Managing Director", "Head of Partnerships");

    private CompanyWords() {
    }

    static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    static String legalSuffixFor(String country, Random random) {
        return pick(LEGAL_SUFFIXES.get(country), random);
    }

    /** Companies outside the US often use .com too. */
    static String topLevelDomainFor(String country, Random random) {
        return random.nextInt(3) == 0 ? ".com" : COUNTRY_TLDS.get(country);
    }

    /** The deal currency follows the partner's country, with some deals in another currency. */
    static String currencyFor(String country, Random random) {
        if (random.nextInt(5) == 0) {
            return pick(List.of("USD", "EUR", "GBP"), random);
        }
        return switch (country) {
            case "DE", "FR", "NL", "ES", "IT" -> "EUR";
            case "GB" -> "GBP";
            default -> "USD";
        };
    }
}
