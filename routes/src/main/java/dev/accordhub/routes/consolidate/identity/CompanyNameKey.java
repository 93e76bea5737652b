package dev.accordhub.routes.consolidate.identity;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A company's legal name reduced to what identifies it: case, accents, punctuation and legal forms (Inc, GmbH,
 * Ltd...) removed, so "ACME Corporation" and "Acme Corp." give the same key. With the country it is the blocking
 * key under which possible duplicates are looked up, so a lookup costs the same whatever the number of records.
 */
public final class CompanyNameKey {

    private static final Set<String> LEGAL_FORMS = Set.of("inc", "incorporated", "corp", "corporation", "co",
            "company", "llc", "ltd", "limited", "gmbh", "ag", "kg", "sa", "sarl", "srl", "spa", "bv", "nv", "kk",
            "plc", "pty", "oy", "ab", "as", "se", "the");

    private CompanyNameKey() {
    }

    public static String of(String name) {
        if (name == null) {
            return null;
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^a-z0-9]+", " ").trim();
        String key = Arrays.stream(plain.split(" ")).filter(t -> !t.isEmpty() && !LEGAL_FORMS.contains(t))
                .collect(Collectors.joining(" "));
        return key.isEmpty() ? null : key;
    }

    /** The blocking key of a company: {@code partner:name:<country>:<name key>}, or null without name. */
    public static String blockingKey(String name, String country) {
        String key = of(name);
        return key == null ? null : "partner:name:" + (country == null ? "-" : country) + ":" + key;
    }
}
