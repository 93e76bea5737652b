package dev.accordhub.sandbox.seed;

import static dev.accordhub.sandbox.seed.CompanyWords.pick;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/** Draws {@link DemoData}. One Random, consumed in a fixed order: any change here changes every seed's data. */
final class DemoDataGenerator {

    private static final long DAY_MILLIS = 24L * 60 * 60 * 1000;
    /** Modstamps fall in the last few days before the anchor: an incremental sync window catches them. */
    private static final long RECENT_WINDOW_MILLIS = 3 * DAY_MILLIS;

    private final Random random;
    private final long seed;
    private final Instant anchor;
    private final Set<String> usedDomains = new HashSet<>();
    private final SeedPeople people;

    DemoDataGenerator(long seed, Instant anchor) {
        this.seed = seed;
        this.anchor = anchor;
        this.random = new Random(seed);
        this.people = new SeedPeople(random);
    }

    DemoData generate(int partnersPerProgram) {
        if (partnersPerProgram < 1) {
            throw new IllegalArgumentException("partnersPerProgram must be >= 1, got " + partnersPerProgram);
        }
        int shared = (int) Math.round(partnersPerProgram * DemoData.SHARED_PARTNER_SHARE);
        List<SeedCompany> helios = new ArrayList<>();
        List<SeedCompany> vantage = new ArrayList<>();
        for (int i = 0; i < shared; i++) {
            addSharedCompany(helios, vantage);
        }
        for (int i = shared; i < partnersPerProgram; i++) {
            helios.add(company(ProgramVocabulary.HELIOS, newIdentity(), randomTierRank(), List.of()));
            vantage.add(company(ProgramVocabulary.VANTAGE, newIdentity(), randomTierRank(), List.of()));
        }
        Collections.shuffle(helios, random);
        Collections.shuffle(vantage, random);
        return new DemoData(seed, anchor, helios, vantage);
    }

    private void addSharedCompany(List<SeedCompany> helios, List<SeedCompany> vantage) {
        CompanyIdentity identity = newIdentity();
        CompanyIdentity otherSpelling = identity.spelledDifferently(random);
        boolean heliosHasOriginal = random.nextBoolean();
        int tierRank = randomTierRank();
        // Most shared partners hold the same level in both programs; the rest are the conflicts to resolve.
        int vantageTierRank = random.nextInt(10) < 7 ? tierRank : randomTierRank();
        SeedCompany heliosCompany = company(ProgramVocabulary.HELIOS,
                heliosHasOriginal ? identity : otherSpelling, tierRank, List.of());
        // Half the shared partners have one person registered in both programs, under the same e-mail.
        List<SeedContact> sharedPeople = random.nextBoolean() ? heliosCompany.contacts().subList(0, 1) : List.of();
        helios.add(heliosCompany);
        vantage.add(company(ProgramVocabulary.VANTAGE,
                heliosHasOriginal ? otherSpelling : identity, vantageTierRank, sharedPeople));
    }

    private CompanyIdentity newIdentity() {
        String country = pick(CompanyWords.COUNTRIES, random);
        boolean standalone = random.nextInt(4) == 0;
        String head = standalone ? pick(CompanyWords.STANDALONE_BRANDS, random) : pick(CompanyWords.BRAND_HEADS, random);
        String tail = standalone ? "" : pick(CompanyWords.BRAND_TAILS, random);
        String industry = random.nextInt(5) == 0 ? "" : pick(CompanyWords.INDUSTRIES, random);
        String suffix = random.nextInt(5) < 3 ? CompanyWords.legalSuffixFor(country, random) : "";
        String domain = uniqueDomain(head + tail, industry, CompanyWords.topLevelDomainFor(country, random));
        return new CompanyIdentity(head, tail, industry, suffix, country, domain, false, false);
    }

    private String uniqueDomain(String brand, String industry, String tld) {
        String base = slug(brand);
        List<String> candidates = List.of(base, base + slug(industry), base + "-" + slug(industry));
        for (String candidate : candidates) {
            if (!candidate.endsWith("-") && usedDomains.add(candidate + tld)) {
                return candidate + tld;
            }
        }
        for (int n = 2; ; n++) {
            if (usedDomains.add(base + n + tld)) {
                return base + n + tld;
            }
        }
    }

    private SeedCompany company(ProgramVocabulary program, CompanyIdentity identity, int tierRank,
                                List<SeedContact> peopleFromOtherProgram) {
        Instant modified = recentInstant();
        Instant created = modified.minusMillis(DAY_MILLIS + (long) (random.nextDouble() * 700 * DAY_MILLIS));
        int typeIndex = random.nextInt(program.partnerTypes().size());
        List<SeedContact> contacts = new ArrayList<>(peopleFromOtherProgram);
        int contactCount = 1 + random.nextInt(2);
        while (contacts.size() < contactCount) {
            contacts.add(people.contact(identity.domain(), created, recentInstant()));
        }
        List<SeedDeal> deals = new ArrayList<>();
        int dealCount = 1 + random.nextInt(3);
        for (int i = 0; i < dealCount; i++) {
            deals.add(deal(program, identity.country(), created));
        }
        String website = program == ProgramVocabulary.HELIOS ? websiteForm(identity.domain()) : identity.domain();
        return new SeedCompany(identity.displayName(), identity.domain(), website, identity.country(),
                program.tiers().get(tierRank), program.partnerTypes().get(typeIndex), created, modified, contacts, deals);
    }

    private SeedDeal deal(ProgramVocabulary program, String country, Instant partnerCreated) {
        String customer = pick(CompanyWords.STANDALONE_BRANDS, random) + " " + pick(CompanyWords.CUSTOMER_INDUSTRIES, random);
        String name = customer + " - " + pick(CompanyWords.DEAL_SUBJECTS, random);
        BigDecimal amount = BigDecimal.valueOf(500_000L + random.nextInt(49_500_001), 2);
        String stage = pick(program.allStages(), random);
        boolean closed = stage.equals(program.wonStage()) || stage.equals(program.lostStage());
        // Closed deals closed in the past; open ones are expected to close in the coming months.
        int dayOffset = closed ? -1 - random.nextInt(120) : 1 + random.nextInt(270);
        LocalDate closeDate = anchor.atZone(ZoneOffset.UTC).toLocalDate().plusDays(dayOffset);
        Instant modified = recentInstant();
        Instant created = maxOf(partnerCreated, modified.minusMillis((long) (random.nextDouble() * 200 * DAY_MILLIS)));
        boolean deleted = random.nextInt(100) < 3;
        return new SeedDeal(name, customer, amount, CompanyWords.currencyFor(country, random), stage, closeDate,
                deleted, created, modified);
    }

    /** Salesforce users type the website however they like; the hub has to reduce it to a domain. */
    private String websiteForm(String domain) {
        return switch (random.nextInt(6)) {
            case 0 -> "https://www." + domain;
            case 1 -> domain;
            case 2 -> "http://" + domain + "/";
            case 3 -> "www." + domain;
            case 4 -> "https://" + domain;
            default -> "http://www." + domain + "/";
        };
    }

    private int randomTierRank() {
        // Fewer partners at the top levels, as in any tiered program.
        int roll = random.nextInt(100);
        return roll < 40 ? 0 : roll < 75 ? 1 : roll < 93 ? 2 : 3;
    }

    private Instant recentInstant() {
        return anchor.minusMillis(1 + (long) (random.nextDouble() * RECENT_WINDOW_MILLIS));
    }

    private static Instant maxOf(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    static String slug(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]", "");
    }
}
