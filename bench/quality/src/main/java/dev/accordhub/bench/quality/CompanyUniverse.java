package dev.accordhub.bench.quality;

import dev.accordhub.bench.quality.SyntheticCompany.LookAlike;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Generates the true companies of a post-acquisition world: originals, and look-alikes of them (distinct
 * companies that resemble an original and must stay separate), each a partner of one, two or three programs.
 */
final class CompanyUniverse {

    static final List<String> PROGRAMS = List.of("helios", "vantage", "nimbus");

    /** Share of companies that are look-alikes of another, by kind (9% in all). */
    private static final double[] LOOK_ALIKE_SHARES = {0.040, 0.025, 0.010, 0.010, 0.005};
    private static final LookAlike[] LOOK_ALIKE_KINDS = {LookAlike.SAME_BRAND_OTHER_BUSINESS,
            LookAlike.SAME_NAME_OTHER_COUNTRY, LookAlike.NEAR_NAME, LookAlike.DIVISION_ON_SHARED_DOMAIN,
            LookAlike.NAMESAKE};

    private final Random random;
    private final Set<String> namesInCountry = new HashSet<>();
    private final Set<String> domains = new HashSet<>();
    private final Set<String> taxIds = new HashSet<>();
    private final Set<String> dunsNumbers = new HashSet<>();
    private final List<SyntheticCompany> companies = new ArrayList<>();

    private CompanyUniverse(Random random) {
        this.random = random;
    }

    /** {@code lookAlikeScale} multiplies the look-alike shares: 1 for the benchmark, other values to see their cost. */
    static List<SyntheticCompany> generate(int count, Random random, double lookAlikeScale) {
        CompanyUniverse universe = new CompanyUniverse(random);
        int originals = count;
        for (double share : LOOK_ALIKE_SHARES) {
            originals -= (int) Math.round(count * share * lookAlikeScale);
        }
        while (universe.companies.size() < originals) {
            universe.original();
        }
        for (int kind = 0; kind < LOOK_ALIKE_KINDS.length; kind++) {
            long target = Math.round(count * LOOK_ALIKE_SHARES[kind] * lookAlikeScale);
            for (int i = 0; i < target; i++) {
                SyntheticCompany base = universe.companies.get(random.nextInt(originals));
                universe.lookAlike(base, LOOK_ALIKE_KINDS[kind]);
            }
        }
        return universe.companies;
    }

    private void original() {
        String country = pick(NameParts.COUNTRIES);
        String[] brand = brand();
        List<String> descriptors = descriptors();
        String name = (brand[0] + " " + String.join(" ", descriptors)).toLowerCase(Locale.ROOT);
        if (!namesInCountry.add(name + "|" + country)) {
            return;
        }
        add(brand[0], brand[1], descriptors, country, domain(brand[0], descriptors, country), LookAlike.NONE, -1);
    }

    private void lookAlike(SyntheticCompany base, LookAlike kind) {
        String brand = base.brand();
        String variant = base.brandVariant();
        List<String> descriptors = base.descriptors();
        String country = base.country();
        String domain;
        switch (kind) {
            case SAME_BRAND_OTHER_BUSINESS -> {
                descriptors = otherDescriptors(descriptors);
                country = random.nextDouble() < 0.7 ? country : otherCountry(country);
                domain = domain(brand, descriptors, country);
            }
            case SAME_NAME_OTHER_COUNTRY -> {
                country = otherCountry(country);
                String sameLabel = label(base.domain()) + NameParts.COUNTRY_TLDS.get(country);
                domain = random.nextBoolean() && domains.add(sameLabel) ? sameLabel : domain(brand, descriptors, country);
            }
            case NEAR_NAME -> {
                brand = oneLetterChanged(brand);
                variant = null;
                domain = domain(brand, descriptors, country);
            }
            case DIVISION_ON_SHARED_DOMAIN -> {
                descriptors = otherDescriptors(descriptors);
                domain = base.domain();
            }
            default -> domain = domain(brand, List.of(pick(NameParts.DESCRIPTORS)), country);
        }
        add(brand, variant, descriptors, country, domain, kind, base.entityId());
    }

    private void add(String brand, String variant, List<String> descriptors, String country, String domain,
            LookAlike kind, int baseId) {
        List<String> forms = NameParts.LEGAL_FORMS.get(country);
        String legalForm = random.nextDouble() < 0.85 ? forms.get(random.nextInt(forms.size())) : "";
        companies.add(new SyntheticCompany(companies.size(), brand, variant, descriptors, legalForm, country, domain,
                otherDomains(domain, country), unique(taxIds, () -> country + digits(9)),
                unique(dunsNumbers, () -> digits(9)), programs(), kind, baseId));
    }

    /** The brand and another way to write it (or null). */
    private String[] brand() {
        double kind = random.nextDouble();
        if (kind < 0.40) {
            String head = capitalise(pick(NameParts.SYLLABLES));
            String tail = pick(NameParts.SYLLABLES) + (random.nextBoolean() ? pick(NameParts.SYLLABLES) : "")
                    + pick(NameParts.ENDINGS);
            return new String[] {head + tail, head + " " + capitalise(tail)};
        }
        if (kind < 0.65) {
            String first = pick(NameParts.WORDS);
            String second = pick(NameParts.WORDS);
            return new String[] {first + " " + second, first + second.toLowerCase(Locale.ROOT)};
        }
        if (kind < 0.75) {
            return new String[] {pick(NameParts.WORDS), null};
        }
        if (kind < 0.92) {
            String surname = pick(NameParts.SURNAMES);
            return new String[] {random.nextDouble() < 0.2 ? surname + " & " + pick(NameParts.SURNAMES) : surname,
                    null};
        }
        return new String[] {"" + letter() + letter() + letter(), null};
    }

    private List<String> descriptors() {
        double n = random.nextDouble();
        if (n < 0.2) {
            return List.of();
        }
        Set<String> words = new LinkedHashSet<>();
        words.add(pick(NameParts.DESCRIPTORS));
        if (n > 0.85) {
            words.add(pick(NameParts.DESCRIPTORS));
        }
        return List.copyOf(words);
    }

    private List<String> otherDescriptors(List<String> current) {
        List<String> other;
        do {
            other = List.of(pick(NameParts.DESCRIPTORS));
        } while (current.contains(other.get(0)));
        return other;
    }

    private String domain(String brand, List<String> descriptors, String country) {
        String label = ascii(brand) + (!descriptors.isEmpty() && random.nextDouble() < 0.4
                ? ascii(descriptors.get(0)) : "");
        String tld = country.equals("US") || random.nextDouble() < 0.45 ? ".com" : NameParts.COUNTRY_TLDS.get(country);
        String[] attempts = {label, label + (descriptors.isEmpty() ? "group" : ascii(descriptors.get(0))),
                label + "-" + country.toLowerCase(Locale.ROOT), label + "hq"};
        for (String attempt : attempts) {
            if (domains.add(attempt + tld)) {
                return attempt + tld;
            }
        }
        return unique(domains, () -> label + digits(3) + tld);
    }

    /** The same label on another suffix and a marketing label; none if another company owns them already. */
    private List<String> otherDomains(String domain, String country) {
        String label = label(domain);
        String suffix = domain.endsWith(".com") ? NameParts.COUNTRY_TLDS.getOrDefault(country, ".net") : ".com";
        List<String> candidates = List.of(label + (suffix.equals(".com") ? ".net" : suffix),
                pick(List.of("get" + label, label + "group", label + "-online", "my" + label)) + ".com");
        List<String> owned = new ArrayList<>(2);
        for (String candidate : candidates) {
            if (domains.add(candidate)) {
                owned.add(candidate);
            }
        }
        return owned;
    }

    private Set<String> programs() {
        double share = random.nextDouble();
        int count = share < 0.60 ? 1 : share < 0.90 ? 2 : 3;
        List<String> shuffled = new ArrayList<>(PROGRAMS);
        java.util.Collections.shuffle(shuffled, random);
        return new LinkedHashSet<>(shuffled.subList(0, count));
    }

    private String oneLetterChanged(String brand) {
        char[] letters = brand.toCharArray();
        int at;
        do {
            at = 1 + random.nextInt(letters.length - 1);
        } while (!Character.isLetter(letters[at]));
        char original = letters[at];
        boolean vowel = "aeiouy".indexOf(Character.toLowerCase(original)) >= 0;
        char replacement;
        do {
            replacement = vowel ? "aeiouy".charAt(random.nextInt(6)) : Character.toLowerCase(letter());
        } while (replacement == Character.toLowerCase(original));
        letters[at] = Character.isUpperCase(original) ? Character.toUpperCase(replacement) : replacement;
        return new String(letters);
    }

    private String otherCountry(String country) {
        String other;
        do {
            other = pick(NameParts.COUNTRIES);
        } while (other.equals(country));
        return other;
    }

    static String ascii(String s) {
        String folded = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return folded.toLowerCase(Locale.ROOT).replace("ø", "o").replace("ł", "l").replaceAll("[^a-z0-9]", "");
    }

    private static String label(String domain) {
        return domain.substring(0, domain.indexOf('.'));
    }

    private String unique(Set<String> taken, java.util.function.Supplier<String> candidate) {
        String value;
        do {
            value = candidate.get();
        } while (!taken.add(value));
        return value;
    }

    private String digits(int count) {
        StringBuilder digits = new StringBuilder(count);
        digits.append((char) ('1' + random.nextInt(9)));
        for (int i = 1; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    private char letter() {
        return (char) ('A' + random.nextInt(26));
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
