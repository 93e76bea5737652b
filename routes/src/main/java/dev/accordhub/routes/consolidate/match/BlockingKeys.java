package dev.accordhub.routes.consolidate.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The keys that put a company record in a block; a record is compared only with records sharing a key with it,
 * which keeps the work per record bounded by block sizes instead of growing with the number of records.
 *
 * <p>Several keys per record, each chosen to survive a kind of noise the others do not:
 * <ul>
 *   <li>{@code t|} tax id, {@code u|} DUNS: exact keys, so the exact match is always among the candidates;</li>
 *   <li>{@code d|} the domain's root label, and the same without a marketing affix ({@code getacme} →
 *       {@code acme}): finds the same company whatever its name's typos or country, and its second domain;</li>
 *   <li>{@code f|} country + first word of the name: the classic key; survives changes at the end of the name;</li>
 *   <li>{@code s|} country + prefix of the company's own words in alphabetical order: survives a typo in the
 *       first word, a changed word order, and an added or dropped business word;</li>
 *   <li>{@code c|} first letters of the name without spaces, any country: survives a moved country and
 *       "Blue Fin" written as "Bluefin";</li>
 *   <li>{@code v|} the first own word and its one-letter deletions, any country: a typo in the word that matters
 *       most, even together with a moved country and another domain, still leaves a common key;</li>
 *   <li>{@code p|} country + postal code + first letter of the name: a few records each, and the one key a name
 *       written as its initials ("SCHL") shares with its full name when the domains say nothing.</li>
 * </ul>
 * Exact keys ({@link #isExact}) are never too common to use; the others are skipped by the index when a block
 * grows past the policy's cap.
 */
public final class BlockingKeys {

    static final int SORTED_PREFIX = 6;
    static final int COMPACT_PREFIX = 7;

    private BlockingKeys() {
    }

    public static Set<String> of(CompanyCandidate candidate) {
        Set<String> keys = new LinkedHashSet<>(8);
        if (candidate.taxId() != null) {
            keys.add("t|" + candidate.taxId());
        }
        if (candidate.duns() != null) {
            keys.add("u|" + candidate.duns());
        }
        String domain = candidate.domain();
        if (domain != null && !DomainNormaliser.isShared(domain) && DomainNormaliser.rootLabel(domain) != null) {
            String root = DomainNormaliser.rootLabel(domain);
            keys.add("d|" + root);
            keys.add("d|" + DomainNormaliser.withoutMarketingAffix(root));
        }
        String[] words = CompanyNameNormaliser.words(candidate.normalisedName());
        if (words.length > 0) {
            String country = candidate.country() == null ? "-" : candidate.country();
            keys.add("f|" + country + "|" + words[0]);
            keys.add("s|" + country + "|" + prefix(String.join("", ownWordsSorted(words)), SORTED_PREFIX));
            keys.add("c|" + prefix(String.join("", words), COMPACT_PREFIX));
            addOneTypoVariants(CompanyNames.firstOwnWord(words), keys);
            if (candidate.postalCode() != null) {
                keys.add("p|" + country + "|" + candidate.postalCode() + "|" + words[0].charAt(0));
            }
        }
        return keys;
    }

    /**
     * The words an index counts for {@link CandidateIndex#recordsWithWord}: the own words of the name, each once.
     * Not blocking keys: they find no candidates, they say how common a name's words are.
     */
    public static Set<String> countedWords(CompanyCandidate candidate) {
        return CompanyNames.ownWords(candidate.normalisedName());
    }

    /**
     * The first own word and each of its one-letter deletions: two words one typo apart (a letter wrong, missing,
     * extra, or two letters swapped) always share one of these. Short words would collide with everything.
     */
    private static void addOneTypoVariants(String word, Set<String> keys) {
        if (word.length() < 5) {
            return;
        }
        keys.add("v|" + word);
        for (int i = 0; i < word.length(); i++) {
            keys.add("v|" + word.substring(0, i) + word.substring(i + 1));
        }
    }

    /** Tax id and DUNS keys: blocks of these are as small as the data is clean, so no cap applies. */
    public static boolean isExact(String key) {
        return key.startsWith("t|") || key.startsWith("u|");
    }

    private static List<String> ownWordsSorted(String[] words) {
        List<String> own = new ArrayList<>(words.length);
        for (String word : words) {
            if (!CompanyVocabulary.isDescriptor(word)) {
                own.add(word);
            }
        }
        if (own.isEmpty()) {
            own.addAll(Arrays.asList(words));
        }
        own.sort(null);
        return own;
    }

    private static String prefix(String s, int length) {
        return s.length() <= length ? s : s.substring(0, length);
    }
}
