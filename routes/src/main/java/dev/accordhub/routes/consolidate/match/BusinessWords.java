package dev.accordhub.routes.consolidate.match;

import java.util.ArrayList;
import java.util.List;

/**
 * A normalised company name read as the brand (the company's own words) and what the company does (business
 * words, fillers aside). A group's divisions share the group's brand, and often its web domain, but each keeps a
 * business word of its own: "Lake True Analytics" and "Lake True Design" on {@code laketrue.com}.
 */
final class BusinessWords {

    /** How alike the own words must be to call them one brand: a typo or a split brand still is one. */
    private static final double SAME_BRAND = 0.9;

    private BusinessWords() {
    }

    /**
     * True when both names carry the same brand and each keeps a business word the other lacks: two businesses of
     * one brand ("Bluefin Systems" / "Bluefin Capital"), not one company whose record dropped a word ("Bluefin" /
     * "Bluefin Capital") or added a filler ("Bluefin Group").
     */
    static boolean sameBrandOtherBusiness(String normalisedA, String normalisedB) {
        if (normalisedA == null || normalisedB == null) {
            return false;
        }
        String[] a = CompanyNameNormaliser.words(normalisedA);
        String[] b = CompanyNameNormaliser.words(normalisedB);
        List<String> businessA = business(a);
        List<String> businessB = business(b);
        if (businessA.isEmpty() || businessB.isEmpty()
                || !hasUnmatched(businessA, businessB) || !hasUnmatched(businessB, businessA)) {
            return false;
        }
        String ownA = own(a);
        String ownB = own(b);
        return !ownA.isEmpty() && !ownB.isEmpty() && NameSimilarity.of(ownA, ownB) >= SAME_BRAND;
    }

    /**
     * True when the two names spell their brands alike but not the same ("Clear Wave" / "Clear Wavu", "Lynkelxa" /
     * "Lyxkelxa"): a typo, or another company one letter away. Written together or apart counts as the same.
     */
    static boolean brandSpelledOtherwise(String normalisedA, String normalisedB) {
        String ownA = own(CompanyNameNormaliser.words(normalisedA));
        String ownB = own(CompanyNameNormaliser.words(normalisedB));
        if (ownA.isEmpty() || ownB.isEmpty() || ownA.replace(" ", "").equals(ownB.replace(" ", ""))) {
            return false;
        }
        List<String> wordsA = List.of(ownA.split(" "));
        List<String> wordsB = List.of(ownB.split(" "));
        return !wordsA.containsAll(wordsB) && !wordsB.containsAll(wordsA);
    }

    private static List<String> business(String[] words) {
        List<String> business = new ArrayList<>(2);
        for (String word : words) {
            if (CompanyVocabulary.isDescriptor(word) && !CompanyVocabulary.isFiller(word)) {
                business.add(word);
            }
        }
        return business;
    }

    private static String own(String[] words) {
        List<String> own = new ArrayList<>(words.length);
        for (String word : words) {
            if (!CompanyVocabulary.isDescriptor(word)) {
                own.add(word);
            }
        }
        return String.join(" ", own);
    }

    private static boolean hasUnmatched(List<String> words, List<String> other) {
        for (String word : words) {
            if (other.stream().noneMatch(o -> NameSimilarity.wordSimilarity(word, o) > 0)) {
                return true;
            }
        }
        return false;
    }
}
