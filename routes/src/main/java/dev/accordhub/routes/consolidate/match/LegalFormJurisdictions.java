package dev.accordhub.routes.consolidate.match;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The countries a legal form is registered in. A company keeps its legal form when a program files it under
 * another country (a sales office, a billing address), so "Bluefin GmbH" with country US is most likely a
 * German company: a legal form that contradicts its own record's country but fits the other record's explains a
 * country mismatch. Forms used in too many places to say anything ({@code co}, {@code se}) are absent.
 */
final class LegalFormJurisdictions {

    private static final Set<String> LTD_COUNTRIES = Set.of("GB", "IE", "CA", "AU", "NZ", "IN", "SG", "HK", "JP",
            "KR", "CN", "IL", "ZA", "NG", "KE", "MY", "TH", "MT", "CY", "BD", "PK", "LK");
    private static final Set<String> SA_COUNTRIES = Set.of("FR", "BE", "LU", "CH", "ES", "PT", "PL", "BR", "AR",
            "MX", "CL", "CO", "PE", "GR", "UY", "EC");

    /** Canonical legal form (as {@link CompanyNameNormaliser#legalForms} gives it) → countries. */
    private static final Map<String, Set<String>> COUNTRIES = Map.ofEntries(
            Map.entry("inc", Set.of("US", "CA", "PH")),
            Map.entry("corp", Set.of("US", "CA", "PH", "JP", "TW")),
            Map.entry("llc", Set.of("US")),
            Map.entry("llp", Set.of("US", "GB", "IN")),
            Map.entry("plc", Set.of("GB", "IE")),
            Map.entry("public ltd co", Set.of("GB", "IE")),
            Map.entry("ltd", LTD_COUNTRIES),
            Map.entry("gmbh", Set.of("DE", "AT", "CH", "LI")),
            Map.entry("gesmbh", Set.of("AT")),
            Map.entry("ag", Set.of("DE", "AT", "CH", "LI")),
            Map.entry("kg", Set.of("DE", "AT")),
            Map.entry("kgaa", Set.of("DE")),
            Map.entry("ohg", Set.of("DE")),
            Map.entry("ug", Set.of("DE")),
            Map.entry("sa", SA_COUNTRIES),
            Map.entry("s a", SA_COUNTRIES),
            Map.entry("sas", Set.of("FR", "CO")),
            Map.entry("sarl", Set.of("FR", "LU", "CH", "MA", "TN")),
            Map.entry("srl", Set.of("IT", "RO", "AR", "BE", "MD")),
            Map.entry("spa", Set.of("IT", "CL")),
            Map.entry("sl", Set.of("ES")),
            Map.entry("s l", Set.of("ES")),
            Map.entry("slu", Set.of("ES")),
            Map.entry("bv", Set.of("NL", "BE")),
            Map.entry("b v", Set.of("NL", "BE")),
            Map.entry("nv", Set.of("NL", "BE", "CW")),
            Map.entry("n v", Set.of("NL", "BE", "CW")),
            Map.entry("kk", Set.of("JP")),
            Map.entry("kabushiki kaisha", Set.of("JP")),
            Map.entry("gk", Set.of("JP")),
            Map.entry("pty", Set.of("AU", "ZA")),
            Map.entry("pvt", Set.of("IN", "PK", "LK", "NP")),
            Map.entry("private ltd", Set.of("IN", "PK", "LK", "NP")),
            Map.entry("pte", Set.of("SG")),
            Map.entry("oy", Set.of("FI")),
            Map.entry("oyj", Set.of("FI")),
            Map.entry("ab", Set.of("SE", "FI")),
            Map.entry("as", Set.of("NO", "DK", "EE", "CZ", "SK", "TR")),
            Map.entry("a s", Set.of("NO", "DK", "CZ", "SK")),
            Map.entry("asa", Set.of("NO")),
            Map.entry("aps", Set.of("DK")),
            Map.entry("sro", Set.of("CZ", "SK")),
            Map.entry("doo", Set.of("HR", "SI", "RS", "BA", "ME", "MK")),
            Map.entry("kft", Set.of("HU")),
            Map.entry("zrt", Set.of("HU")),
            Map.entry("bhd", Set.of("MY")),
            Map.entry("sdn", Set.of("MY")),
            Map.entry("ltda", Set.of("BR", "PT", "CO", "CL")),
            Map.entry("lda", Set.of("PT")),
            Map.entry("ooo", Set.of("RU", "BY")),
            Map.entry("pjsc", Set.of("RU", "AE")),
            Map.entry("sac", Set.of("PE")),
            Map.entry("sp z oo", Set.of("PL")),
            Map.entry("sa de cv", Set.of("MX")),
            Map.entry("s de rl", Set.of("MX", "HN")));

    private LegalFormJurisdictions() {
    }

    /**
     * True when the record's legal forms say it is registered in {@code otherCountry} and not in its own country:
     * the record's country, not the company, is what differs.
     */
    static boolean placesElsewhere(List<String> legalForms, String ownCountry, String otherCountry) {
        boolean fitsOther = false;
        for (String form : legalForms) {
            Set<String> countries = COUNTRIES.get(form);
            if (countries == null) {
                continue;
            }
            if (countries.contains(ownCountry) || !countries.contains(otherCountry)) {
                return false;
            }
            fitsOther = true;
        }
        return fitsOther;
    }
}
