package dev.accordhub.routes.consolidate.match;

import java.util.ArrayList;
import java.util.List;

/**
 * Names written as their initials, as CRMs hold some companies ("IBM", "SCHL" for Summit Clear Health
 * Logistics). The letters stand for the words of the full name, less its connectors ("Wong &amp; Romano Capital":
 * WRC); one side may also have dropped a trailing business word ("TF" for True Fusion Engineering) or carry one
 * the other lacks ("ZHTG" for Zubelly Health Technologies, the G of a "Group" the other record does not have).
 */
final class Initials {

    private static final int SHORTEST = 2;
    private static final int LONGEST = 5;

    private Initials() {
    }

    /** True when {@code initials} is a name of one short word that stands for the words of the other name. */
    static boolean stand(String[] initials, String[] words) {
        if (initials.length != 1 || initials[0].length() < SHORTEST || initials[0].length() > LONGEST
                || words.length < 2) {
            return false;
        }
        String letters = initials[0];
        List<String> spelled = spelledWords(words);
        if (spelled.size() < 2) {
            return false;
        }
        String all = firstLetters(spelled, spelled.size());
        if (letters.equals(all)) {
            return true;
        }
        if (letters.length() == all.length() + 1 && letters.startsWith(all)) {
            return true;
        }
        int kept = spelled.size();
        while (kept > SHORTEST && CompanyVocabulary.isDescriptor(spelled.get(kept - 1))) {
            kept--;
            if (letters.equals(firstLetters(spelled, kept))) {
                return true;
            }
        }
        return false;
    }

    /** True for a name that may be initials: one word of two to five letters. */
    static boolean looksLikeInitials(String[] words) {
        return words.length == 1 && words[0].length() >= SHORTEST && words[0].length() <= LONGEST
                && words[0].chars().allMatch(Character::isLetter);
    }

    private static List<String> spelledWords(String[] words) {
        List<String> spelled = new ArrayList<>(words.length);
        for (String word : words) {
            if (!word.equals("and") && !word.equals("of")) {
                spelled.add(word);
            }
        }
        return spelled;
    }

    private static String firstLetters(List<String> words, int count) {
        StringBuilder letters = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            letters.append(words.get(i).charAt(0));
        }
        return letters.toString();
    }
}
