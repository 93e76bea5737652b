package dev.accordhub.routes.consolidate.match;

/** Reading a normalised company name: which of its words are the company's own. */
final class CompanyNames {

    private CompanyNames() {
    }

    /** The first word that is not a business word ("blue" of "blue ridge sys"); the first word if all are. */
    static String firstOwnWord(String[] words) {
        for (String word : words) {
            if (!CompanyVocabulary.isDescriptor(word)) {
                return word;
            }
        }
        return words[0];
    }

    /** True for a name that is one own word, fillers aside: "wilson", "brooks grp", "price ent". */
    static boolean isSingleWord(String normalisedName) {
        int own = 0;
        for (String word : CompanyNameNormaliser.words(normalisedName)) {
            if (CompanyVocabulary.isFiller(word)) {
                continue;
            }
            if (CompanyVocabulary.isDescriptor(word) || ++own > 1) {
                return false;
            }
        }
        return own == 1;
    }
}
