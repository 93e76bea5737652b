package dev.accordhub.routes.consolidate.match;

import java.util.ArrayList;
import java.util.List;

/**
 * How alike two normalised company names are, from 0 to 1.
 *
 * <p>Word by word: each word of one name is paired with its most similar word of the other: equal; an
 * abbreviation of a business word the vocabulary does not list ({@code manuf} / {@code mfg}); or Jaro–Winkler ≥
 * {@value #WORD_MATCH} or one edit apart for words of four letters or more, two edits for words of seven or more
 * (short words such as acronyms must be equal, "abx" and "abc" are different companies); a name written as the
 * {@link Initials initials} of the other scores {@value #INITIALS_MATCH}. Two adjacent words that the other name writes as one ("Blue Fin" / "Bluefin")
 * are joined first. Business words ({@code tech}, {@code sys}) weigh less than the company's own words, so
 * "Bluefin" and "Bluefin Systems" are close, and filler words ({@code group}, {@code international}) weigh least;
 * but when both names keep words the other lacks ("Bluefin Systems" /
 * "Bluefin Networks") they describe two companies, and the score drops.
 *
 * <p>No comparison letter by letter of whole names: it rewards a long shared brand ("lynvarsenis cloud" /
 * "lynvarsenis comm" are 75% equal letters) exactly where the words say two businesses.
 */
final class NameSimilarity {

    static final double WORD_MATCH = 0.88;
    private static final double JOINED_MATCH = 0.93;
    private static final double ABBREVIATION_MATCH = 0.9;
    /** "LN" and "Lion Networks": a name written as its initials (IBM). Alone, not enough to merge. */
    static final double INITIALS_MATCH = 0.8;
    /** A word one keystroke from another: Jaro–Winkler underrates short words ("rofk" / "rock" is 0.87). */
    private static final double ONE_EDIT_MATCH = 0.88;
    /**
     * Two slips in a long word ("rizenmerex" / "rieenmereex"): a second typo happens, and a long invented word
     * two letters off is still that word far more often than another company's.
     */
    private static final double TWO_EDITS_MATCH = 0.85;
    private static final int TWO_EDITS_MIN_LENGTH = 7;
    private static final double TWO_EDITS_MIN_JARO_WINKLER = 0.7;
    private static final double DESCRIPTOR_WEIGHT = 0.4;
    private static final double FILLER_WEIGHT = 0.15;
    private static final double CONFLICTING_WORDS_FACTOR = 0.8;
    /** "Delta High" is rarely "High Delta": the company's own words keep their order across programs. */
    private static final double REORDERED_WORDS_FACTOR = 0.9;

    private NameSimilarity() {
    }

    static double of(String normalisedA, String normalisedB) {
        if (normalisedA == null || normalisedB == null) {
            return 0;
        }
        if (normalisedA.equals(normalisedB)) {
            return 1;
        }
        String[] a = CompanyNameNormaliser.words(normalisedA);
        String[] b = CompanyNameNormaliser.words(normalisedB);
        if (Initials.stand(a, b) || Initials.stand(b, a)) {
            return INITIALS_MATCH;
        }
        return byWords(joinedAsInOther(a, b), joinedAsInOther(b, a));
    }

    /** {@code [blue, fin, sys]} against {@code [bluefin, sys]} → {@code [bluefin, sys]}. */
    static String[] joinedAsInOther(String[] words, String[] other) {
        if (words.length < 2) {
            return words;
        }
        List<String> joined = new ArrayList<>(words.length);
        for (int i = 0; i < words.length; i++) {
            if (i + 1 < words.length && writtenAsOneIn(words[i] + words[i + 1], other)) {
                joined.add(words[i] + words[i + 1]);
                i++;
            } else {
                joined.add(words[i]);
            }
        }
        return joined.size() == words.length ? words : joined.toArray(new String[0]);
    }

    private static boolean writtenAsOneIn(String joined, String[] other) {
        for (String word : other) {
            // a typo may ride along ("blue fin" / "bluefjn", "pine nova" / "pineanova"), a missing word may not
            // ("schmidt mfg" / "schmidt")
            if (word.equals(joined) || (joined.length() >= 6 && Math.abs(word.length() - joined.length()) <= 1
                    && (jaroWinkler(word, joined) >= JOINED_MATCH || oneEditApart(word, joined)))) {
                return true;
            }
        }
        return false;
    }

    /** Weighted Dice coefficient over greedily aligned words. */
    static double byWords(String[] a, String[] b) {
        boolean[] usedB = new boolean[b.length];
        double matched = 0;
        double total = 0;
        int unmatchedA = 0;
        int lastOwnWordAt = -1;
        boolean ownWordsReordered = false;
        for (String wordA : a) {
            int best = -1;
            double bestSimilarity = 0;
            for (int j = 0; j < b.length; j++) {
                if (!usedB[j]) {
                    double similarity = wordSimilarity(wordA, b[j]);
                    if (similarity > bestSimilarity) {
                        bestSimilarity = similarity;
                        best = j;
                    }
                }
            }
            double weightA = weight(wordA);
            total += weightA;
            if (best >= 0) {
                usedB[best] = true;
                matched += bestSimilarity * (weightA + weight(b[best]));
                if (!CompanyVocabulary.isDescriptor(wordA)) {
                    ownWordsReordered |= best < lastOwnWordAt;
                    lastOwnWordAt = best;
                }
            } else {
                unmatchedA++;
            }
        }
        int unmatchedB = 0;
        for (int j = 0; j < b.length; j++) {
            total += weight(b[j]);
            if (!usedB[j]) {
                unmatchedB++;
            }
        }
        double dice = total == 0 ? 0 : matched / total;
        if (unmatchedA > 0 && unmatchedB > 0) {
            dice *= CONFLICTING_WORDS_FACTOR;
        }
        return ownWordsReordered ? dice * REORDERED_WORDS_FACTOR : dice;
    }

    static double wordSimilarity(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        if (CompanyVocabulary.abbreviates(a, b) || CompanyVocabulary.abbreviates(b, a)) {
            return ABBREVIATION_MATCH;
        }
        if (businessWordWithSlips(a, b) || businessWordWithSlips(b, a)) {
            return TWO_EDITS_MATCH;
        }
        if (a.length() < 4 || b.length() < 4 || extendedBy(a, b) || extendedBy(b, a)) {
            return 0;
        }
        double jw = jaroWinkler(a, b);
        if (jw >= WORD_MATCH) {
            return jw;
        }
        if (oneEditApart(a, b)) {
            return ONE_EDIT_MATCH;
        }
        // two edits in seven letters or more keep Jaro–Winkler above this: unrelated words need no edit distance
        return jw >= TWO_EDITS_MIN_JARO_WINKLER && a.length() >= TWO_EDITS_MIN_LENGTH
                && b.length() >= TWO_EDITS_MIN_LENGTH && EditDistance.atMostTwo(a, b) ? TWO_EDITS_MATCH : 0;
    }

    /**
     * True when {@code word}, which the vocabulary does not know, is one of the written-out spellings of the business
     * word {@code descriptor} with two slips: "soluotoins" / "soln" (solutions), "intelantional" / "intl". Names
     * are compared in canonical form, and the canonical form of a business word is its short one, so a long word
     * mistyped twice would otherwise be compared with "soln" and match nothing; the vocabulary itself reads only
     * one slip. Words of seven letters or more with the first letter right, as for the company's own words.
     */
    static boolean businessWordWithSlips(String word, String descriptor) {
        if (word.length() < TWO_EDITS_MIN_LENGTH || !CompanyVocabulary.isDescriptor(descriptor)
                || CompanyVocabulary.isDescriptor(word) || !CompanyVocabulary.canonical(word).equals(word)) {
            return false;
        }
        for (String spelling : CompanyVocabulary.spellings(descriptor)) {
            if (spelling.length() >= TWO_EDITS_MIN_LENGTH && spelling.charAt(0) == word.charAt(0)
                    && EditDistance.atMostTwo(word, spelling)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when {@code longer} is {@code shorter} with two letters or more appended: "telnexia" / "telnex",
     * "martinez" / "martin". A slip changes a letter or two inside a word, it does not grow a new ending, and
     * Jaro–Winkler, which rewards a shared beginning, would call these the same word.
     */
    static boolean extendedBy(String longer, String shorter) {
        return longer.length() >= shorter.length() + 2 && longer.startsWith(shorter);
    }

    /** One substitution, insertion, deletion, or swap of neighbours. */
    static boolean oneEditApart(String a, String b) {
        return EditDistance.atMost(a, b, 1);
    }

    static double jaroWinkler(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
        boolean[] matchedA = new boolean[a.length()];
        boolean[] matchedB = new boolean[b.length()];
        int matches = 0;
        for (int i = 0; i < a.length(); i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(b.length() - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!matchedB[j] && a.charAt(i) == b.charAt(j)) {
                    matchedA[i] = true;
                    matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int transpositions = 0;
        for (int i = 0, j = 0; i < a.length(); i++) {
            if (matchedA[i]) {
                while (!matchedB[j]) {
                    j++;
                }
                if (a.charAt(i) != b.charAt(j)) {
                    transpositions++;
                }
                j++;
            }
        }
        double m = matches;
        double jaro = (m / a.length() + m / b.length() + (m - transpositions / 2.0) / m) / 3.0;
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(a.length(), b.length())) && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }

    private static double weight(String word) {
        if (CompanyVocabulary.isFiller(word)) {
            return FILLER_WEIGHT;
        }
        return CompanyVocabulary.isDescriptor(word) ? DESCRIPTOR_WEIGHT : 1.0;
    }
}
