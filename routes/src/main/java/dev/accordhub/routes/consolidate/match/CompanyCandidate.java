package dev.accordhub.routes.consolidate.match;

import dev.accordhub.model.EntityType;
import dev.accordhub.model.PartnerOrg;
import dev.accordhub.model.SourceRef;
import java.util.Locale;
import java.util.Objects;

/**
 * One program's record of a partner company, reduced to what identity resolution compares. Every field but the
 * source key and program may be null: programs hold what they hold. Build it with {@link #of}, which normalises
 * the raw values, so two candidates compare equal exactly when the facts do.
 *
 * @param sourceKey      the record's source key ({@code helios:partner:0015g...}), unique across programs
 * @param program        the acquired program that holds the record
 * @param name           the name as the program spells it, kept for reasons and stewards
 * @param normalisedName {@link CompanyNameNormaliser#normalise} of the name
 * @param domain         the normalised web domain ({@code acme.com})
 * @param domainVerified true when the program verified the domain (e.g. an onboarding e-mail to it): only then
 *                       is it an exact key; an unverified domain is only evidence
 * @param country        ISO 3166-1 alpha-2, upper case
 * @param taxId          tax or VAT id, letters and digits only, upper case
 * @param duns           Dun &amp; Bradstreet number, nine digits
 * @param city           the billing or head-office city, folded to lower-case ASCII letters and single spaces
 *                       ("münchen" and "MUENCHEN" stay apart: the scorer allows one slip), or null
 * @param postalCode     its postal code, letters and digits only, upper case, or null
 */
public record CompanyCandidate(
        String sourceKey,
        String program,
        String name,
        String normalisedName,
        String domain,
        boolean domainVerified,
        String country,
        String taxId,
        String duns,
        String city,
        String postalCode) {

    public CompanyCandidate {
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(program, "program");
    }

    /** A candidate from raw program values: any website form, tax ids and DUNS with or without separators. */
    public static CompanyCandidate of(String sourceKey, String program, String name, String website,
            boolean domainVerified, String country, String taxId, String duns) {
        return of(sourceKey, program, name, website, domainVerified, country, taxId, duns, null, null);
    }

    /**
     * The same with the record's address: its billing or head-office city and postal code as the program holds
     * them (either may be null). They tell namesakes apart; a company with several sites, or one that moved, has
     * more than one, so they weigh less than the name.
     */
    public static CompanyCandidate of(String sourceKey, String program, String name, String website,
            boolean domainVerified, String country, String taxId, String duns, String city, String postalCode) {
        String domain = DomainNormaliser.normalise(website);
        return new CompanyCandidate(sourceKey, program, name, CompanyNameNormaliser.normalise(name), domain,
                domainVerified && domain != null, country(country), taxId(taxId), duns(duns), city(city),
                taxId(postalCode));
    }

    /** "Frankfurt am Main", "FRANKFURT-AM-MAIN" and "frankfurt  am main" are one city; accents are dropped. */
    static String city(String raw) {
        if (raw == null) {
            return null;
        }
        String folded = java.text.Normalizer.normalize(raw, java.text.Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
        return folded.isEmpty() ? null : folded;
    }

    /**
     * The candidate for a mapped source record (one source). The canonical model does not say yet whether a
     * program verified its domain, so the domain is evidence, not an exact key. City and postal code come from the
     * program's field map when it has them (e.g. Salesforce BillingCity/BillingPostalCode, HubSpot city/zip).
     */
    public static CompanyCandidate fromPartner(PartnerOrg org) {
        SourceRef source = org.sources().get(0);
        return of(source.key(EntityType.PARTNER), source.program(), org.name(), org.domain(), false, org.country(),
                org.taxId(), org.duns(), org.city(), org.postalCode());
    }

    private static String country(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String code = raw.trim().toUpperCase(Locale.ROOT);
        return code.length() == 2 ? code : null;
    }

    private static String taxId(String raw) {
        String id = lettersAndDigits(raw).toUpperCase(Locale.ROOT);
        return id.isEmpty() ? null : id;
    }

    /** A DUNS number is nine digits; anything else says nothing about identity. */
    private static String duns(String raw) {
        String digits = lettersAndDigits(raw);
        return digits.length() == 9 && digits.chars().allMatch(Character::isDigit) ? digits : null;
    }

    private static String lettersAndDigits(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder(raw.length());
        raw.chars().filter(Character::isLetterOrDigit).forEach(c -> kept.append((char) c));
        return kept.toString();
    }
}
