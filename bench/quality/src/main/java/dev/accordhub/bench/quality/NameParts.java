package dev.accordhub.bench.quality;

import java.util.List;
import java.util.Map;

/**
 * What synthetic company names are made of. Brands are invented words, dictionary words, surnames (with accents,
 * as CRMs in their countries write them) and acronyms; business words come with the abbreviations CRMs use,
 * including some the matcher's vocabulary does not know, so abbreviations are not all solved by construction.
 */
final class NameParts {

    static final List<String> SYLLABLES = List.of(
            "ka", "zen", "tor", "vix", "lu", "mer", "dra", "qui", "sol", "ven", "tra", "no", "ri", "ax", "el", "ion",
            "cor", "lyn", "pha", "ro", "ta", "zu", "bel", "cy", "dex", "fi", "gar", "hel", "im", "jo", "kel", "lo",
            "mar", "nex", "ol", "pri", "quo", "ra", "sy", "tel", "um", "vor", "wen", "xa", "yel", "zor", "bri",
            "cla", "dri", "fle", "gra", "ny", "sen", "tik", "var", "mo", "ler", "sta", "vin", "ga");

    static final List<String> ENDINGS = List.of("", "", "", "a", "ix", "on", "us", "ia", "ex", "ly", "io", "is", "en");

    static final List<String> WORDS = List.of(
            "Blue", "North", "Silver", "Iron", "Bright", "Red", "Summit", "Harbor", "Green", "Stone", "Swift", "Clear",
            "Deep", "High", "Oak", "Pine", "River", "Star", "Sun", "West", "East", "Polar", "Cedar", "Falcon",
            "Granite", "Maple", "Nova", "Quantum", "Crystal", "Eagle", "Apex", "Atlas", "Beacon", "Bridge", "Canyon",
            "Cascade", "Cobalt", "Compass", "Coral", "Crest", "Delta", "Echo", "Ember", "Evergreen", "Frontier",
            "Golden", "Horizon", "Indigo", "Island", "Jade", "Keystone", "Lake", "Liberty", "Lighthouse", "Lunar",
            "Meadow", "Meridian", "Mountain", "Oasis", "Ocean", "Orbit", "Pacific", "Peak", "Pioneer", "Prairie",
            "Prime", "Pulse", "Radiant", "Ridge", "Rock", "Sage", "Sapphire", "Sierra", "Sky", "Spark", "Spring",
            "Sterling", "Storm", "Strata", "Sunrise", "Tidal", "Titan", "Trail", "True", "Union", "Valley", "Vertex",
            "Vista", "Wave", "Willow", "Wind", "Zenith", "Arrow", "Birch", "Bay", "Copper", "Fox", "Hawk", "Lion",
            "Wolf", "Anchor", "Aspen", "Bold", "Cloudy", "Dawn", "Fusion", "Glacier", "Harvest", "Nimble", "Vector");

    static final List<String> SURNAMES = List.of(
            "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
            "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson",
            "Walker", "Young", "Allen", "King", "Wright", "Scott", "Hill", "Adams", "Baker", "Nelson", "Carter",
            "Mitchell", "Roberts", "Turner", "Phillips", "Campbell", "Parker", "Evans", "Edwards", "Collins",
            "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Morgan", "Cooper", "Peterson", "Reed", "Bailey",
            "Kelly", "Howard", "Ward", "Richardson", "Watson", "Brooks", "Bennett", "Hughes", "Price", "Sanders",
            "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
            "Schröder", "Köhler", "Krüger", "Böhm", "Dubois", "Lefèvre", "Moreau", "Girard", "Bonnet", "François",
            "Mercier", "García", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Núñez", "Rossi",
            "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Tanaka", "Suzuki",
            "Takahashi", "Watanabe", "Yamamoto", "Nakamura", "Kobayashi", "Sato", "Andersson", "Johansson",
            "Karlsson", "Nilsson", "Larsson", "Jensen", "Nielsen", "Hansen", "Pedersen", "Kowalski", "Nowak",
            "Wiśniewski", "Silva", "Santos", "Oliveira", "Souza", "Costa", "Pereira", "Sharma", "Patel", "Singh",
            "Kumar", "Gupta", "Reddy", "Tan", "Lim", "Lee", "Wong", "Jansen", "Bakker", "Visser", "Søndergaard");

    /** Business words; the first spelling is the one the company registered. */
    static final List<String> DESCRIPTORS = List.of(
            "Technologies", "Systems", "Services", "Solutions", "International", "Manufacturing", "Group",
            "Consulting", "Networks", "Software", "Data", "Cloud", "Laboratories", "Digital", "Analytics",
            "Logistics", "Engineering", "Partners", "Security", "Media", "Holdings", "Industries", "Management",
            "Development", "Communications", "Distribution", "Enterprises", "Associates", "Integration", "Energy",
            "Health", "Capital", "Technology", "Trading", "Ventures", "Robotics", "Automation", "Design");

    /** Abbreviations CRMs write; the matcher's vocabulary knows most, not all ("Techno", "Distrib", "Devt"). */
    static final Map<String, List<String>> ABBREVIATIONS = Map.ofEntries(
            Map.entry("Technologies", List.of("Tech", "Technology", "Techno")),
            Map.entry("Technology", List.of("Tech", "Technologies")),
            Map.entry("Systems", List.of("Sys", "System")),
            Map.entry("Services", List.of("Svcs", "Service", "Svc")),
            Map.entry("Solutions", List.of("Solns", "Solution", "Sol.")),
            Map.entry("International", List.of("Intl", "Int'l", "Intl.")),
            Map.entry("Manufacturing", List.of("Mfg", "Mfg.", "Manuf.")),
            Map.entry("Group", List.of("Grp", "Grp.")),
            Map.entry("Consulting", List.of("Consultants", "Consultancy", "Cnslt")),
            Map.entry("Networks", List.of("Network", "Ntwks")),
            Map.entry("Laboratories", List.of("Labs", "Lab")),
            Map.entry("Engineering", List.of("Eng.", "Engg")),
            Map.entry("Management", List.of("Mgmt", "Mgt.")),
            Map.entry("Communications", List.of("Comms", "Communication")),
            Map.entry("Associates", List.of("Assoc.", "Assocs")),
            Map.entry("Holdings", List.of("Hldgs", "Holding")),
            Map.entry("Industries", List.of("Inds.", "Industry")),
            Map.entry("Development", List.of("Dev", "Devt")),
            Map.entry("Distribution", List.of("Distrib", "Dist.")),
            Map.entry("Enterprises", List.of("Ent.", "Enterprise")));

    /** Countries, weighted by repetition; the legal forms and the country-code top-level domain of each. */
    static final List<String> COUNTRIES = List.of(
            "US", "US", "US", "US", "US", "US", "DE", "DE", "GB", "GB", "FR", "NL", "JP", "AU", "CA", "IN", "BR",
            "SE", "ES", "IT", "SG", "CH", "PL", "DK", "AT");

    static final Map<String, List<String>> LEGAL_FORMS = Map.ofEntries(
            Map.entry("US", List.of("Inc.", "Inc", "Incorporated", "Corp.", "Corporation", "LLC", "L.L.C.", "Co.")),
            Map.entry("GB", List.of("Ltd", "Ltd.", "Limited", "PLC", "plc")),
            Map.entry("DE", List.of("GmbH", "AG", "GmbH & Co. KG")),
            Map.entry("FR", List.of("SAS", "SA", "S.A.", "SARL")),
            Map.entry("NL", List.of("B.V.", "BV", "N.V.")),
            Map.entry("JP", List.of("K.K.", "Co., Ltd.", "Kabushiki Kaisha")),
            Map.entry("AU", List.of("Pty Ltd", "Pty. Ltd.", "Pty Limited")),
            Map.entry("CA", List.of("Inc.", "Ltd.", "Corp.")),
            Map.entry("IN", List.of("Pvt Ltd", "Private Limited", "Pvt. Ltd.")),
            Map.entry("BR", List.of("Ltda", "Ltda.", "S.A.")),
            Map.entry("SE", List.of("AB")),
            Map.entry("ES", List.of("S.L.", "S.A.", "SL")),
            Map.entry("IT", List.of("S.r.l.", "SRL", "S.p.A.")),
            Map.entry("SG", List.of("Pte Ltd", "Pte. Ltd.")),
            Map.entry("CH", List.of("AG", "GmbH", "SA")),
            Map.entry("PL", List.of("Sp. z o.o.", "S.A.")),
            Map.entry("DK", List.of("A/S", "ApS")),
            Map.entry("AT", List.of("GmbH", "AG")));

    static final Map<String, String> COUNTRY_TLDS = Map.ofEntries(
            Map.entry("US", ".com"), Map.entry("DE", ".de"), Map.entry("GB", ".co.uk"), Map.entry("FR", ".fr"),
            Map.entry("NL", ".nl"), Map.entry("JP", ".co.jp"), Map.entry("AU", ".com.au"), Map.entry("CA", ".ca"),
            Map.entry("IN", ".in"), Map.entry("BR", ".com.br"), Map.entry("SE", ".se"), Map.entry("ES", ".es"),
            Map.entry("IT", ".it"), Map.entry("SG", ".com.sg"), Map.entry("CH", ".ch"), Map.entry("PL", ".pl"),
            Map.entry("DK", ".dk"), Map.entry("AT", ".at"));

    static final List<String> SHARED_MAIL_DOMAINS = List.of("gmail.com", "outlook.com", "yahoo.com", "hotmail.com");

    private NameParts() {
    }
}
