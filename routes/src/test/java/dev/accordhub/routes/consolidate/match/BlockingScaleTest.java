package dev.accordhub.routes.consolidate.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Blocking keeps the work per record flat: 20,000 records cost a few dozen comparisons each, not 10,000. */
class BlockingScaleTest {

    static final List<String> SYLLABLES = List.of("ka", "zen", "tor", "vix", "lu", "mer", "dra", "qui", "sol", "ven",
            "tra", "no", "ri", "ax", "el", "cor", "lyn", "pha", "ro", "ta", "zu", "bel", "dex", "fi", "gar", "hel");
    static final List<String> BUSINESS = List.of("Systems", "Technologies", "Consulting", "Data", "Networks", "");
    static final List<String> COUNTRIES = List.of("US", "DE", "GB", "FR", "JP");

    @Test
    void comparisonsGrowWithTheRecordsNotWithTheirSquare() {
        Random random = new Random(7);
        List<CompanyCandidate> first = new ArrayList<>();
        List<CompanyCandidate> second = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String brand = brand(random);
            String business = BUSINESS.get(random.nextInt(BUSINESS.size()));
            String country = COUNTRIES.get(random.nextInt(COUNTRIES.size()));
            first.add(CompanyCandidate.of("helios:partner:" + i, "helios", brand + " " + business + " Inc", null,
                    false, country, null, null));
            second.add(CompanyCandidate.of("vantage:partner:" + i, "vantage",
                    typo(brand, random).toUpperCase(Locale.ROOT) + " " + business, null, false, country, null, null));
        }
        MatchPolicy policy = MatchPolicy.defaults();
        InMemoryCandidateIndex index = new InMemoryCandidateIndex(policy);
        CompanyMatcher matcher = new CompanyMatcher(index, policy);
        first.forEach(index::add);

        int foundTheirTwin = 0;
        for (int i = 0; i < second.size(); i++) {
            MatchResult result = matcher.match(second.get(i));
            if (result.best() != null && result.best().sourceKey().equals("helios:partner:" + i)) {
                foundTheirTwin++;
            }
            index.add(second.get(i));
        }

        long records = first.size() + second.size();
        assertThat(matcher.comparisons()).isLessThan(50 * records).isLessThan(records * records / 2 / 100);
        assertThat(foundTheirTwin).isGreaterThan(9_000);
    }

    static String brand(Random random) {
        StringBuilder brand = new StringBuilder();
        int syllables = 2 + random.nextInt(2);
        for (int i = 0; i < syllables; i++) {
            brand.append(SYLLABLES.get(random.nextInt(SYLLABLES.size())));
        }
        return Character.toUpperCase(brand.charAt(0)) + brand.substring(1);
    }

    /** A letter swapped with its neighbour in a third of the names, never the first letter. */
    static String typo(String word, Random random) {
        if (random.nextInt(3) > 0 || word.length() < 4) {
            return word;
        }
        int at = 1 + random.nextInt(word.length() - 2);
        char[] letters = word.toCharArray();
        char swap = letters[at];
        letters[at] = letters[at + 1];
        letters[at + 1] = swap;
        return new String(letters);
    }

    @Test
    void theResultDoesNotDependOnTheOrderRecordsWereIndexedIn() {
        Random random = new Random(11);
        List<CompanyCandidate> records = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            String brand = brand(random);
            String country = COUNTRIES.get(random.nextInt(COUNTRIES.size()));
            records.add(CompanyCandidate.of("helios:partner:" + i, "helios", brand + " Systems GmbH",
                    random.nextBoolean() ? brand.toLowerCase(Locale.ROOT) + ".com" : null, false, country, null,
                    null));
        }
        List<CompanyCandidate> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, new Random(3));
        CompanyMatcher inOrder = matcherOver(records);
        CompanyMatcher outOfOrder = matcherOver(shuffled);

        for (int i = 0; i < 500; i++) {
            String brand = typo(brand(random), random);
            CompanyCandidate probe = CompanyCandidate.of("vantage:partner:" + i, "vantage", brand + " Sys", null,
                    false, COUNTRIES.get(random.nextInt(COUNTRIES.size())), null, null);
            MatchResult a = inOrder.match(probe);
            MatchResult b = outOfOrder.match(probe);
            assertThat(b).usingRecursiveComparison().isEqualTo(a);
        }
    }

    private static CompanyMatcher matcherOver(List<CompanyCandidate> records) {
        MatchPolicy policy = MatchPolicy.defaults();
        InMemoryCandidateIndex index = new InMemoryCandidateIndex(policy);
        records.forEach(index::add);
        return new CompanyMatcher(index, policy);
    }
}
