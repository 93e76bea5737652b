package dev.accordhub.routes.consolidate.match;

/**
 * What two records' addresses say: nothing (one side has none), the same site (postal code), the same city, or
 * another city. {@link CompanyPairScorer} weighs it.
 */
enum SiteAgreement {
    UNKNOWN, SAME_POSTCODE, SAME_CITY, OTHER;

    static SiteAgreement of(CompanyCandidate a, CompanyCandidate b) {
        boolean cities = a.city() != null && b.city() != null;
        boolean codes = a.postalCode() != null && b.postalCode() != null;
        if (codes && a.postalCode().equals(b.postalCode())) {
            return SAME_POSTCODE;
        }
        if (cities) {
            // one slip or a transliteration ("munchen" / "muenchen") in a name long enough to bear it
            boolean same = a.city().equals(b.city()) || a.city().length() >= 5 && b.city().length() >= 5
                    && NameSimilarity.oneEditApart(a.city(), b.city());
            return same ? SAME_CITY : OTHER;
        }
        return codes ? OTHER : UNKNOWN;
    }

    /** True when the addresses agree: the same postal code or the same city. */
    boolean agrees() {
        return this == SAME_POSTCODE || this == SAME_CITY;
    }

    static String describe(CompanyCandidate c) {
        return (c.postalCode() == null ? "" : c.postalCode() + " ") + (c.city() == null ? "" : c.city());
    }
}
