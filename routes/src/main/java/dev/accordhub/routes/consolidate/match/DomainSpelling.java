package dev.accordhub.routes.consolidate.match;

/**
 * What a web domain says about a name. Companies register their name as their domain, often with the business
 * word ({@code islandapexsoftware.com}), so a record that dropped its business word ("Island Apex") but kept the
 * domain still says which business it is: the domain names "Island Apex Software", and not "Island Apex Design",
 * the other business of the brand that the bare name could as well be.
 */
final class DomainSpelling {

    private DomainSpelling() {
    }

    /**
     * True when {@code holder}'s domain spells out {@code other}'s name, and that name carries a business word (not
     * a filler) that {@code holder}'s own name lacks: the domain holds what the holder's name dropped. The domain's root label
     * is read with or without a marketing affix ({@code getislandapexsoftware.com},
     * {@code islandapexsoftware-online.com}); each word of the name in any of its spellings ("sw", "software").
     */
    static boolean holdsWhatTheNameDropped(CompanyCandidate holder, CompanyCandidate other) {
        if (holder.domain() == null || holder.normalisedName() == null || other.normalisedName() == null
                || DomainNormaliser.isShared(holder.domain())) {
            return false;
        }
        String[] otherWords = CompanyNameNormaliser.words(other.normalisedName());
        if (otherWords.length < 2 || !carriesAWordTheOtherLacks(otherWords,
                CompanyNameNormaliser.words(holder.normalisedName()))) {
            return false;
        }
        String root = DomainNormaliser.rootLabel(holder.domain());
        if (root == null) {
            return false;
        }
        return spells(root.replace("-", ""), otherWords)
                || spells(DomainNormaliser.withoutMarketingAffix(root).replace("-", ""), otherWords);
    }

    /** True when the label is the words one after another, each in one of its spellings; connectors may be left out. */
    static boolean spells(String label, String[] words) {
        return spells(label, 0, words, 0);
    }

    private static boolean spells(String label, int at, String[] words, int word) {
        if (word == words.length) {
            return at == label.length();
        }
        String current = words[word];
        if ((current.equals("and") || current.equals("of")) && spells(label, at, words, word + 1)) {
            return true;
        }
        for (String spelling : CompanyVocabulary.spellings(current)) {
            if (label.startsWith(spelling, at) && spells(label, at + spelling.length(), words, word + 1)) {
                return true;
            }
        }
        return false;
    }

    /** A business word of {@code words} that no word of {@code other} matches, not even as a slip or abbreviation. */
    private static boolean carriesAWordTheOtherLacks(String[] words, String[] other) {
        for (String word : words) {
            if (CompanyVocabulary.isDescriptor(word) && !CompanyVocabulary.isFiller(word) && !matched(word, other)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matched(String word, String[] other) {
        for (String candidate : other) {
            if (NameSimilarity.wordSimilarity(word, candidate) > 0) {
                return true;
            }
        }
        return false;
    }
}
