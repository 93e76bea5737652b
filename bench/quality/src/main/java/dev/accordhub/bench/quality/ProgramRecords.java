package dev.accordhub.bench.quality;

import dev.accordhub.routes.consolidate.match.CompanyCandidate;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Writes a true company as one program's CRM holds it: each noise below is drawn independently per record, at the
 * rate given, so a company in two programs is two differently noisy copies of the same truth.
 *
 * <p>Name: legal form dropped or another one (35%), letter case (30%), an abbreviation per business word (20%),
 * punctuation (20%), a business word dropped or "Group" added (8%), brand split or joined (5%), a typo (6%, a
 * second one 1%), accents transliterated or stripped (half the names that have them), a leading "The" (2%), the
 * name reduced to its initials (1%). Country moved (3%). Web domain: its own (68%), its same label on another
 * suffix (8%), its marketing domain such as getacme.com (7%), none (14%), a free-mail domain (3%). Tax id and DUNS
 * present at the program's own rate, written with or without separators, and mistyped in 0.3% of records. A noise
 * scale other than 1 multiplies every noise rate (not the id rates): a sensitivity check, not the benchmark.
 * Address, from a random stream of its own: present at the program's rate, the head office, another site or a
 * moved company's old address, postal code missing (15%), city in capitals (30%) or with a typo (3%), a postal
 * code digit mistyped (1%).
 */
final class ProgramRecords {

    /** What a program's system holds, and how often. */
    record Profile(String program, double taxIdShare, double dunsShare, double verifiedDomainShare,
            double addressShare) {
    }

    static final Map<String, Profile> PROFILES = Map.of(
            "helios", new Profile("helios", 0.45, 0.35, 0.60, 0.90),
            "vantage", new Profile("vantage", 0.15, 0.05, 0.0, 0.70),
            "nimbus", new Profile("nimbus", 0.60, 0.20, 0.30, 0.80));

    private static final Map<String, String> TRANSLITERATIONS = Map.of(
            "ü", "ue", "ö", "oe", "ä", "ae", "ø", "oe", "å", "aa", "é", "e", "ñ", "n", "ś", "s");

    private final Random random;
    private final double noiseScale;
    /** Addresses draw from a stream of their own: every other value is what it was before records had them. */
    private final Random addressRandom;

    ProgramRecords(Random random, double noiseScale, Random addressRandom) {
        this.random = random;
        this.noiseScale = noiseScale;
        this.addressRandom = addressRandom;
    }

    CompanyCandidate write(SyntheticCompany company, String program, int recordNo, CompanySites.Sites sites) {
        Profile profile = PROFILES.get(program);
        String country = noise(0.03) ? otherCountry(company.country()) : company.country();
        String domain = domain(company);
        boolean shared = domain != null && NameParts.SHARED_MAIL_DOMAINS.contains(domain);
        boolean verified = domain != null && !shared && chance(profile.verifiedDomainShare());
        String taxId = chance(profile.taxIdShare()) ? formatted(mistyped(company.taxId())) : null;
        String duns = chance(profile.dunsShare()) ? formatted(mistyped(company.duns())) : null;
        String name = name(company);
        CompanySites.Site site = site(sites, profile);
        return CompanyCandidate.of(program + ":partner:" + recordNo, program, name, website(domain),
                verified, country, taxId, duns, site == null ? null : city(site.city()),
                site == null || addressRandom.nextDouble() < 0.15 ? null : postalCode(site.postalCode()));
    }

    /**
     * The address a program holds: none (at its own rate), the old one of a moved company (half its records), a
     * site other than the head office (a fifth of the records of a company with several), else the head office.
     */
    private CompanySites.Site site(CompanySites.Sites sites, Profile profile) {
        if (sites == null || addressRandom.nextDouble() >= profile.addressShare()) {
            return null;
        }
        if (sites.previous() != null && addressRandom.nextDouble() < 0.5) {
            return sites.previous();
        }
        List<CompanySites.Site> all = sites.sites();
        return all.size() > 1 && addressRandom.nextDouble() < 0.2
                ? all.get(1 + addressRandom.nextInt(all.size() - 1)) : all.get(0);
    }

    /** Letter case (30%) and a typo (3%), at the run's noise scale. */
    private String city(String city) {
        String out = city;
        if (addressRandom.nextDouble() < 0.30 * noiseScale) {
            out = out.toUpperCase(Locale.ROOT);
        }
        if (addressRandom.nextDouble() < 0.03 * noiseScale && out.length() >= 4) {
            int at = 1 + addressRandom.nextInt(out.length() - 2);
            out = out.substring(0, at) + (char) ('a' + addressRandom.nextInt(26)) + out.substring(at + 1);
        }
        return out;
    }

    /** "12345" or "12 345"; one digit mistyped in 1% of records. */
    private String postalCode(String code) {
        String out = code;
        if (addressRandom.nextDouble() < 0.01 * noiseScale) {
            char[] digits = out.toCharArray();
            int at = 2 + addressRandom.nextInt(3);
            digits[at] = (char) ('0' + (digits[at] - '0' + 1 + addressRandom.nextInt(8)) % 10);
            out = new String(digits);
        }
        return switch (addressRandom.nextInt(6)) {
            case 0 -> out.substring(0, 2) + " " + out.substring(2);
            default -> out;
        };
    }

    private String name(SyntheticCompany company) {
        String brand = company.brandVariant() != null && noise(0.05) ? company.brandVariant() : company.brand();
        List<String> words = new ArrayList<>(company.descriptors());
        if (noise(0.08)) {
            if (!words.isEmpty() && random.nextDouble() < 0.6) {
                words.remove(words.size() - 1);
            } else {
                words.add("Group");
            }
        }
        words.replaceAll(word -> NameParts.ABBREVIATIONS.containsKey(word) && noise(0.20)
                ? pick(NameParts.ABBREVIATIONS.get(word)) : word);
        String legalForm = company.legalForm();
        if (noise(0.35)) {
            List<String> forms = NameParts.LEGAL_FORMS.get(company.country());
            legalForm = !legalForm.isEmpty() && random.nextDouble() < 0.45 ? "" : pick(forms);
        }
        String name = brand + (words.isEmpty() ? "" : " " + String.join(" ", words));
        if (noise(0.01) && name.contains(" ")) {
            name = initials(name);
        }
        if (noise(0.20)) {
            name = punctuated(name);
            legalForm = legalForm.replace(".", "");
        }
        if (!legalForm.isEmpty()) {
            name += (chance(0.3) ? ", " : " ") + legalForm;
        }
        if (noise(0.02)) {
            name = "The " + name;
        }
        name = cased(name);
        if (noise(0.06)) {
            name = typo(name);
            if (chance(1.0 / 6)) {
                name = typo(name);
            }
        }
        if (!name.chars().allMatch(c -> c < 128) && noise(0.5)) {
            name = random.nextBoolean() ? transliterated(name) : stripped(name);
        }
        return name;
    }

    private String domain(SyntheticCompany company) {
        double draw = random.nextDouble() / noiseScale;
        if (draw >= 0.32) {
            return company.domain();
        }
        if (draw < 0.15) {
            List<String> others = company.otherDomains();
            int which = draw < 0.08 ? 0 : 1;
            return others.size() > which ? others.get(which) : others.isEmpty() ? company.domain() : others.get(0);
        }
        return draw < 0.29 ? null : pick(NameParts.SHARED_MAIL_DOMAINS);
    }

    private String website(String domain) {
        if (domain == null) {
            return null;
        }
        String website = switch (random.nextInt(5)) {
            case 0 -> "https://www." + domain;
            case 1 -> "http://" + domain + "/";
            case 2 -> "www." + domain;
            case 3 -> "https://" + domain + "/partners";
            default -> domain;
        };
        return chance(0.05) ? website.toUpperCase(Locale.ROOT) : website;
    }

    private String punctuated(String name) {
        if (name.contains(" & ")) {
            return name.replace(" & ", " and ");
        }
        if (name.contains(" and ")) {
            return name.replace(" and ", " & ");
        }
        int space = name.indexOf(' ');
        return space > 0 ? name.substring(0, space) + "-" + name.substring(space + 1) : name;
    }

    private String cased(String name) {
        if (!noise(0.30)) {
            return name;
        }
        double style = random.nextDouble();
        if (style < 0.5) {
            return name.toUpperCase(Locale.ROOT);
        }
        if (style < 0.67) {
            return name.toLowerCase(Locale.ROOT);
        }
        int space = name.indexOf(' ');
        return space < 0 ? name.toUpperCase(Locale.ROOT)
                : name.substring(0, space).toUpperCase(Locale.ROOT) + name.substring(space);
    }

    /** One keyboard slip in a word of four letters or more, never its first letter. */
    private String typo(String name) {
        List<Integer> positions = new ArrayList<>();
        String[] words = name.split(" ");
        int offset = 0;
        for (String word : words) {
            for (int i = 1; i < word.length() && word.length() >= 4; i++) {
                if (Character.isLetter(word.charAt(i))) {
                    positions.add(offset + i);
                }
            }
            offset += word.length() + 1;
        }
        if (positions.isEmpty()) {
            return name;
        }
        int at = positions.get(random.nextInt(positions.size()));
        char letter = (char) ('a' + random.nextInt(26));
        return switch (random.nextInt(4)) {
            case 0 -> name.substring(0, at) + letter + name.substring(at + 1);
            case 1 -> name.substring(0, at) + name.substring(at + 1);
            case 2 -> name.substring(0, at) + letter + name.substring(at);
            default -> at + 1 < name.length() && Character.isLetter(name.charAt(at + 1))
                    ? name.substring(0, at) + name.charAt(at + 1) + name.charAt(at) + name.substring(at + 2)
                    : name.substring(0, at) + name.substring(at + 1);
        };
    }

    private static String initials(String name) {
        StringBuilder initials = new StringBuilder();
        for (String word : name.split("[ &]+")) {
            if (!word.isEmpty()) {
                initials.append(Character.toUpperCase(word.charAt(0)));
            }
        }
        return initials.toString();
    }

    private static String transliterated(String name) {
        String out = name;
        for (Map.Entry<String, String> t : TRANSLITERATIONS.entrySet()) {
            out = out.replace(t.getKey(), t.getValue()).replace(t.getKey().toUpperCase(Locale.ROOT),
                    t.getValue().substring(0, 1).toUpperCase(Locale.ROOT) + t.getValue().substring(1));
        }
        return out;
    }

    private static String stripped(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    }

    private String mistyped(String id) {
        if (!noise(0.003)) {
            return id;
        }
        char[] chars = id.toCharArray();
        int at = chars.length - 1 - random.nextInt(6);
        chars[at] = (char) ('0' + (chars[at] - '0' + 1 + random.nextInt(8)) % 10);
        return new String(chars);
    }

    /** "DE123456789", "DE 123 456 789", "de-123-456-789": CRMs keep ids the way people typed them. */
    private String formatted(String id) {
        return switch (random.nextInt(3)) {
            case 0 -> id;
            case 1 -> id.replaceAll("(\\d{3})(?=\\d)", "$1 ");
            default -> id.toLowerCase(Locale.ROOT).replaceAll("(\\d{3})(?=\\d)", "$1-");
        };
    }

    private String otherCountry(String country) {
        String other;
        do {
            other = pick(NameParts.COUNTRIES);
        } while (other.equals(country));
        return other;
    }

    /** A noise event: its rate times the run's noise scale (1 = the rates above). */
    private boolean noise(double p) {
        return random.nextDouble() < p * noiseScale;
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
