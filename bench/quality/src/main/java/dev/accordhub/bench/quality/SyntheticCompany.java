package dev.accordhub.bench.quality;

import java.util.List;
import java.util.Set;

/**
 * One real company of the synthetic world: the truth the programs' records are noisy copies of.
 *
 * @param entityId     the truth: records with the same entity id are the same company
 * @param brand        the company's own name part ("Blue Ridge", "Zentora", "Müller", "KLX")
 * @param brandVariant the same brand written another way ("Blueridge", "Zen Tora"), or null
 * @param descriptors  business words as registered ("Consulting", "Data Systems")
 * @param legalForm    as registered, or empty
 * @param country      ISO-2 country of registration
 * @param domain       its web domain
 * @param otherDomains domains it also owns, which some programs hold instead: the same label on another suffix,
 *                     and another label ("getacme.com"); reserved, so no other company has them
 * @param taxId        its tax id, country prefixed
 * @param duns         its DUNS number
 * @param programs     the programs it is a partner of
 * @param lookAlike    how it resembles another company, {@link LookAlike#NONE} for an original
 * @param baseId       the entity id of the company it resembles, -1 for an original
 */
record SyntheticCompany(
        int entityId,
        String brand,
        String brandVariant,
        List<String> descriptors,
        String legalForm,
        String country,
        String domain,
        List<String> otherDomains,
        String taxId,
        String duns,
        Set<String> programs,
        LookAlike lookAlike,
        int baseId) {

    /** The kinds of distinct companies that resemble another one and must not merge with it. */
    enum LookAlike {
        NONE,
        /** "Bluefin Systems" and "Bluefin Capital": same brand, other business, its own domain. */
        SAME_BRAND_OTHER_BUSINESS,
        /** "Apex Consulting Ltd" in GB and "Apex Consulting Inc" in the US, often on the same domain label. */
        SAME_NAME_OTHER_COUNTRY,
        /** "Zentora Data" and "Zentara Data": one letter apart, same country. */
        NEAR_NAME,
        /** A division with its own legal entity on the parent's web domain. */
        DIVISION_ON_SHARED_DOMAIN,
        /** The same name in the same country, another domain: namesakes. */
        NAMESAKE
    }

    String registeredName() {
        StringBuilder name = new StringBuilder(brand);
        descriptors.forEach(d -> name.append(' ').append(d));
        if (!legalForm.isEmpty()) {
            name.append(' ').append(legalForm);
        }
        return name.toString();
    }
}
