package dev.accordhub.routes.consolidate.match;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words company names are built from that are not the company's own: legal forms, and the business words
 * CRMs abbreviate in different ways. Every spelling maps to one canonical form (the usual abbreviation), so
 * {@code Technologies}, {@code Technology} and {@code Tech} compare equal, and so does a one-letter typo of a
 * spelling of five letters or more ({@code Technolgies}, {@code Groqup}): a typo in a business word must not make two
 * names look like different companies.
 */
final class CompanyVocabulary {

    private static final String AMBIGUOUS = "";

    /** Canonical form → its other spellings. */
    private static final Map<String, List<String>> SPELLINGS = Map.ofEntries(
            // legal forms
            Map.entry("inc", List.of("incorporated", "incorported")),
            Map.entry("corp", List.of("corporation", "corpn")),
            Map.entry("co", List.of("company", "cie", "compagnie")),
            Map.entry("ltd", List.of("limited", "ltee")),
            Map.entry("ltda", List.of("limitada")),
            Map.entry("pty", List.of("proprietary")),
            Map.entry("ag", List.of("aktiengesellschaft")),
            // business words
            Map.entry("intl", List.of("international", "internacional", "internationale")),
            Map.entry("tech", List.of("technology", "technologies", "techn", "technologie", "techs")),
            Map.entry("sys", List.of("system", "systems", "syst", "systeme", "sistemas")),
            Map.entry("svc", List.of("service", "services", "svcs", "srvc", "srvcs", "servicios")),
            Map.entry("soln", List.of("solution", "solutions", "solns", "sols")),
            Map.entry("mfg", List.of("manufacturing", "manufacturer", "manufacturers", "mfr", "mfrs")),
            Map.entry("grp", List.of("group", "groupe", "gruppe", "grupo")),
            Map.entry("assoc", List.of("associates", "associated", "assocs", "assn", "association")),
            Map.entry("bros", List.of("brothers")),
            Map.entry("mgmt", List.of("management", "mgt")),
            Map.entry("natl", List.of("national")),
            Map.entry("dev", List.of("development", "developments", "devel")),
            Map.entry("eng", List.of("engineering", "engg", "engineers")),
            Map.entry("ent", List.of("enterprise", "enterprises", "ents")),
            Map.entry("hldg", List.of("holding", "holdings", "hldgs")),
            Map.entry("ind", List.of("industry", "industries", "inds", "industrie")),
            Map.entry("lab", List.of("labs", "laboratory", "laboratories")),
            Map.entry("comm", List.of("communication", "communications", "comms")),
            Map.entry("dist", List.of("distribution", "distributors", "distributor", "distr")),
            Map.entry("ntwk", List.of("network", "networks", "ntwks", "netwk")),
            Map.entry("cons", List.of("consulting", "consultants", "consultant", "consultancy", "consult")),
            Map.entry("ctr", List.of("center", "centre")),
            Map.entry("mktg", List.of("marketing")),
            Map.entry("partner", List.of("partners", "ptnrs", "partnership")),
            Map.entry("elec", List.of("electronics", "electronic")),
            Map.entry("sw", List.of("software")),
            Map.entry("digital", List.of("digitals")),
            Map.entry("analytics", List.of("analytic")),
            Map.entry("logistics", List.of("logistic")),
            Map.entry("security", List.of("securities")));

    /** Legal forms of one word (canonical). Dropped only from the end of a name. */
    private static final Set<String> LEGAL_FORMS = Set.of(
            "inc", "corp", "co", "ltd", "llc", "llp", "lp", "plc", "gmbh", "gesmbh", "mbh", "ag", "kg", "kgaa",
            "ohg", "ug", "se", "sa", "sas", "sarl", "srl", "spa", "sl", "slu", "bv", "nv", "cv", "kk", "gk", "pty",
            "pvt", "pte", "oy", "oyj", "ab", "as", "asa", "aps", "sro", "doo", "kft", "zrt", "bhd", "sdn", "ltda",
            "lda", "ooo", "zao", "jsc", "pjsc", "sac", "eirl");

    /** Legal forms written as several words, longest first so "sp z oo" wins over a lone "oo". */
    private static final List<List<String>> MULTI_WORD_LEGAL_FORMS = List.of(
            List.of("public", "ltd", "co"), List.of("sa", "de", "cv"), List.of("s", "de", "rl"),
            List.of("sp", "z", "oo"), List.of("kabushiki", "kaisha"), List.of("private", "ltd"),
            List.of("a", "s"), List.of("s", "a"), List.of("s", "l"), List.of("b", "v"), List.of("n", "v"));

    /** Every word a legal form is written with, longest first so a mistyped one is read as the closest long form. */
    private static final List<String> LEGAL_FORM_WORDS = java.util.stream.Stream.concat(LEGAL_FORMS.stream(),
            MULTI_WORD_LEGAL_FORMS.stream().flatMap(List::stream).filter(w -> w.length() > 1)).distinct()
            .sorted(java.util.Comparator.comparing(String::length).reversed().thenComparing(w -> w)).toList();

    /** Business words: they describe what a company does, not which company it is, so they weigh less. */
    private static final Set<String> DESCRIPTORS = Set.of(
            "intl", "tech", "sys", "svc", "soln", "mfg", "grp", "assoc", "mgmt", "natl", "dev", "eng", "ent", "hldg",
            "ind", "lab", "comm", "dist", "ntwk", "cons", "ctr", "mktg", "partner", "elec", "sw", "digital",
            "analytics", "logistics", "security", "data", "cloud", "it", "global", "and", "of", "media", "health",
            "energy", "integration", "trading", "traders", "capital", "ventures", "online", "web", "net", "info",
            "design", "robotics", "automation", "creative", "studio", "studios", "solar", "foods", "pharma", "bio",
            "medical", "finance", "financial", "insurance", "realty", "construction", "research", "products",
            "supply", "motors", "transport", "travel", "education", "learning", "works", "marine", "aerospace",
            "telecom", "wireless", "mobile", "internet", "innovations", "innovation", "resources", "materials",
            "chemicals", "electric", "power", "environmental", "advisors", "advisory", "staffing", "payments",
            "interactive", "games", "entertainment", "publishing", "printing", "packaging", "hospitality", "retail",
            "wholesale", "imports", "exports", "brands", "outsourcing", "infrastructure", "training", "computing",
            "computers", "electronics", "semiconductor", "devices", "instruments", "equipment", "machinery");

    private static final Set<String> FILLERS = Set.of("grp", "hldg", "intl", "global", "and", "of", "ent", "co");

    private static final Map<String, String> CANONICAL = new HashMap<>();
    /** One deletion of a spelling of five letters or more → its canonical form (symmetric-delete lookup). */
    private static final Map<String, String> ONE_DELETION = new HashMap<>();

    static {
        SPELLINGS.forEach((canonical, spellings) -> {
            CANONICAL.put(canonical, canonical);
            spellings.forEach(spelling -> CANONICAL.put(spelling, canonical));
        });
        SPELLINGS.forEach((canonical, spellings) -> spellings.stream().filter(s -> s.length() >= 5).forEach(s -> {
            for (int i = 0; i < s.length(); i++) {
                ONE_DELETION.merge(deleteAt(s, i), canonical, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
            }
        }));
    }

    private CompanyVocabulary() {
    }

    /** The canonical form of a word; the word itself when it is the company's own. */
    static String canonical(String word) {
        String known = CANONICAL.get(word);
        if (known != null) {
            return known;
        }
        return word.length() >= 5 ? correctedTypo(word) : word;
    }

    /** How many words at the end of the name form one legal form; 0 if none. */
    static int legalFormLengthAtEnd(List<String> words) {
        for (List<String> form : MULTI_WORD_LEGAL_FORMS) {
            if (words.size() >= form.size() && words.subList(words.size() - form.size(), words.size()).equals(form)) {
                return form.size();
            }
        }
        return LEGAL_FORMS.contains(words.get(words.size() - 1)) ? 1 : 0;
    }

    /**
     * The legal form a mistyped last word stands for ("gmhb", "kasiha", "ltrd", and "ldt" after "pte"), or null. A
     * word of four letters or more one edit from a legal form of four or more; a word of three letters or more
     * without a vowel one edit from a legal form without a vowel ("ltrd", "gmh" for "ltd", "gmbh"): a name's own
     * words have vowels, abbreviations do not, so "Sun" is never read as "Sdn"; a shorter one only right after
     * another legal form, where nothing but a legal form is expected.
     */
    static String mistypedLegalForm(String word, boolean afterLegalForm) {
        if (LEGAL_FORMS.contains(word) || word.length() < 2 || CANONICAL.containsKey(word)) {
            return null;
        }
        boolean abbreviation = word.length() >= 3 && withoutVowels(word);
        for (String form : LEGAL_FORM_WORDS) {
            boolean longEnough = word.length() >= 4 && form.length() >= 4;
            boolean abbreviated = abbreviation && form.length() >= 3 && withoutVowels(form);
            if ((longEnough || abbreviated || afterLegalForm && form.length() >= 2 && word.length() >= 2)
                    && NameSimilarity.oneEditApart(word, form)) {
                return form;
            }
        }
        return null;
    }

    /** No vowel, "y" counted as one: "ltrd", "gmh", never "sun" (a word, one slip from "sdn"). */
    private static boolean withoutVowels(String word) {
        for (int i = 0; i < word.length(); i++) {
            if ("aeiouy".indexOf(word.charAt(i)) >= 0 || !Character.isLetter(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isLegalFormWord(String word) {
        return LEGAL_FORM_WORDS.contains(word);
    }

    static boolean isDescriptor(String canonicalWord) {
        return DESCRIPTORS.contains(canonicalWord);
    }

    /**
     * Words that say nothing of the business either, and come and go between systems: "Acme" and "Acme Group" or
     * "Acme International" are one company far more often than "Acme" and "Acme Software".
     */
    static boolean isFiller(String canonicalWord) {
        return FILLERS.contains(canonicalWord);
    }

    /** The ways a word of a normalised name may be written: itself, and every spelling of a canonical form. */
    static List<String> spellings(String canonicalWord) {
        List<String> others = SPELLINGS.get(canonicalWord);
        if (others == null) {
            return List.of(canonicalWord);
        }
        List<String> all = new java.util.ArrayList<>(others.size() + 1);
        all.add(canonicalWord);
        all.addAll(others);
        return all;
    }

    /**
     * True when {@code word} reads as an abbreviation this vocabulary does not list of the business word
     * {@code descriptor}: its letters in order within one of its spellings, the first letter the same ("manuf",
     * "devt", "cnslt"). Only business words are expanded so, never the company's own words.
     */
    static boolean abbreviates(String word, String descriptor) {
        if (word.length() < 3 || !DESCRIPTORS.contains(descriptor) || DESCRIPTORS.contains(word)
                || CANONICAL.containsKey(word)) {
            return false;
        }
        if (isAbbreviationOf(word, descriptor)) {
            return true;
        }
        for (String spelling : SPELLINGS.getOrDefault(descriptor, List.of())) {
            if (isAbbreviationOf(word, spelling)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAbbreviationOf(String word, String spelling) {
        if (word.length() >= spelling.length() || word.charAt(0) != spelling.charAt(0)) {
            return false;
        }
        int at = 1;
        for (int i = 1; i < word.length(); i++) {
            at = spelling.indexOf(word.charAt(i), at) + 1;
            if (at == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A word of five letters or more one edit (deletion, insertion, substitution, adjacent swap) from a spelling of
     * five letters or more takes that spelling's canonical form, unless the edit could come from two different words.
     */
    private static String correctedTypo(String word) {
        String missingLetter = ONE_DELETION.get(word);
        if (missingLetter != null && !missingLetter.equals(AMBIGUOUS)) {
            return missingLetter;
        }
        for (int i = 0; i < word.length(); i++) {
            String shorter = deleteAt(word, i);
            String extraLetter = shorter.length() >= 5 ? CANONICAL.get(shorter) : null;
            if (extraLetter != null) {
                return extraLetter;
            }
            String substituted = ONE_DELETION.get(shorter);
            if (substituted != null && !substituted.equals(AMBIGUOUS)) {
                return substituted;
            }
        }
        return word;
    }

    private static String deleteAt(String s, int i) {
        return s.substring(0, i) + s.substring(i + 1);
    }
}
