package dev.accordhub.routes.consolidate.match;

import java.util.LinkedHashSet;
import java.util.Set;

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

    /** The name's own words, each once, in order: "blue ridge sys" → [blue, ridge]; empty for a null name. */
    static Set<String> ownWords(String normalisedName) {
        Set<String> own = new LinkedHashSet<>(4);
        for (String word : CompanyNameNormaliser.words(normalisedName)) {
            if (!CompanyVocabulary.isDescriptor(word)) {
                own.add(word);
            }
        }
        return own;
    }

    /**
     * The own words written together, so a brand split or joined reads the same: "peak sapphire ntwk" and
     * "peaksapphire" → "peaksapphire".
     */
    static String ownWordsJoined(String normalisedName) {
        return String.join("", ownWords(normalisedName));
    }
}
