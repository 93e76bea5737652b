package dev.accordhub.routes.consolidate.match;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a company name as some CRM spelled it into the form names are compared in: {@code "The ACME Technologies,
 * Inc."}, {@code "Acme Tech Incorporated"} and {@code "acme-tech"} all become {@code "acme tech"}.
 *
 * <p>Steps: accents stripped and case folded; {@code &} becomes {@code and}; dots inside abbreviations join their
 * letters ({@code B.V.} → {@code bv}, {@code Sp. z o.o.} → {@code sp z oo}) and any other punctuation separates
 * words; every word takes its canonical form from {@link CompanyVocabulary} (long and short spellings, and one typo
 * away from a long one); a leading {@code the} and any run of legal forms at the end are dropped. A name is never
 * reduced to nothing: {@code "Limited"} stays {@code "ltd"}.
 */
public final class CompanyNameNormaliser {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private CompanyNameNormaliser() {
    }

    /** The normalised name, words separated by one space; null for a null or blank name. */
    public static String normalise(String name) {
        Parsed parsed = parse(name);
        return parsed == null ? null : parsed.name();
    }

    /**
     * The legal forms {@link #normalise} dropped, canonical, last first: {@code "Nordwind GmbH & Co. KG"} →
     * {@code [kg, co, gmbh]}, {@code "Polmex Sp. z o.o."} → {@code [sp z oo]}. They say where a company is
     * registered, which matters when two records disagree on the country.
     */
    public static List<String> legalForms(String name) {
        Parsed parsed = parse(name);
        return parsed == null ? List.of() : parsed.legalForms();
    }

    private record Parsed(String name, List<String> legalForms) {
    }

    private static Parsed parse(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        List<String> words = new ArrayList<>();
        for (String word : splitWords(fold(name)).split(" ")) {
            if (!word.isEmpty()) {
                words.add(CompanyVocabulary.canonical(word));
            }
        }
        if (words.size() > 1 && words.get(0).equals("the")) {
            words.remove(0);
        }
        List<String> legalForms = dropTrailingLegalForms(words);
        return words.isEmpty() ? null : new Parsed(String.join(" ", words), legalForms);
    }

    /** The words of a normalised name. */
    public static String[] words(String normalisedName) {
        return normalisedName == null || normalisedName.isEmpty() ? new String[0] : normalisedName.split(" ");
    }

    /** Accents off, lower case. Letters that carry no combining mark in Unicode are spelled out by hand. */
    private static String fold(String name) {
        String decomposed = COMBINING_MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            switch (c) {
                case 'ß' -> folded.append("ss");
                case 'æ', 'Æ' -> folded.append("ae");
                case 'œ', 'Œ' -> folded.append("oe");
                case 'ø', 'Ø' -> folded.append('o');
                case 'ł', 'Ł' -> folded.append('l');
                case 'đ', 'Đ' -> folded.append('d');
                case 'þ', 'Þ' -> folded.append("th");
                case 'ı' -> folded.append('i');
                default -> folded.append(c);
            }
        }
        return folded.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Punctuation to spaces, except: apostrophes vanish ({@code int'l}, {@code o'neil}), {@code &} and {@code +}
     * read as "and", and a dot after a single letter joins it to the next, so abbreviations written with dots ({@code S.A.},
     * {@code K.K.}) equal the ones written without, while {@code amazon.com} still splits into two words.
     */
    private static String splitWords(String folded) {
        StringBuilder out = new StringBuilder(folded.length() + 8);
        int run = 0;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
                run++;
                continue;
            }
            if (c == '\'' || c == '\u2019' || c == '`') {
                continue;
            }
            boolean joinsAbbreviation = c == '.' && run == 1 && i + 1 < folded.length()
                    && Character.isLetterOrDigit(folded.charAt(i + 1));
            if (!joinsAbbreviation) {
                out.append(c == '&' || c == '+' ? " and " : " ");
            }
            run = 0;
        }
        return out.toString();
    }

    /**
     * "Pte Ldt", "GmbH" typed "GmHb": a slip in the last word of a legal form would keep it in the name. Checked
     * again each time a legal form is dropped, so a slip before another form ("Privare Limited", "GmbW &amp; Co. KG")
     * is read too.
     */
    private static void correctMistypedLegalForm(List<String> words) {
        if (words.size() < 2) {
            return;
        }
        int last = words.size() - 1;
        boolean afterLegalForm = CompanyVocabulary.isLegalFormWord(words.get(last - 1));
        String form = CompanyVocabulary.mistypedLegalForm(words.get(last), afterLegalForm);
        if (form != null) {
            words.set(last, form);
        }
        // "Privare Limited": the slip is in the first word of a legal form of two, read only if it completes one
        if (words.size() > 2 && CompanyVocabulary.isLegalFormWord(words.get(last))) {
            String first = CompanyVocabulary.mistypedLegalForm(words.get(last - 1), false);
            if (first != null) {
                String typed = words.set(last - 1, first);
                if (CompanyVocabulary.legalFormLengthAtEnd(words) < 2) {
                    words.set(last - 1, typed);
                }
            }
        }
    }

    private static List<String> dropTrailingLegalForms(List<String> words) {
        List<String> forms = new ArrayList<>(2);
        boolean dropped = true;
        while (dropped && words.size() > 1) {
            correctMistypedLegalForm(words);
            int length = CompanyVocabulary.legalFormLengthAtEnd(words);
            dropped = length > 0 && length < words.size();
            if (dropped) {
                List<String> form = words.subList(words.size() - length, words.size());
                forms.add(String.join(" ", form));
                form.clear();
                // "Smith & Co" → "smith and": the "and" belonged to the legal form
                if (words.size() > 1 && words.get(words.size() - 1).equals("and")) {
                    words.remove(words.size() - 1);
                }
            }
        }
        return forms;
    }
}
