package dev.accordhub.routes.consolidate.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Scores one pair of company records.
 *
 * <p>Exact keys decide alone, in this order: the same tax id merges (it names the legal entity); different tax
 * ids veto (two legal entities, however alike their names), unless they are one keystroke apart (a digit mistyped
 * or two swapped: then they say nothing and the rest decides); then the same for DUNS; then a domain both programs
 * verified. Otherwise the score starts from the {@link NameSimilarity name similarity} and the rest adjusts it:
 * the same web domain raises it, a shared root label on another suffix ({@code acme.de} / {@code acme.com})
 * raises it a little (in one country only: {@code acme.de} in DE and {@code acme.fr} in FR are as often two local
 * companies as one), two unrelated domains lower it (a company's second domain is usually its name with a
 * marketing affix, {@code getacme.com}, which counts as related and changes nothing), and another country lowers
 * it. Much less when the domain is the same, or when a record's legal form contradicts its own country and fits
 * the other's ("GmbH" filed under US next to a DE record), or its tax id carries the other's country as prefix
 * ({@code ATU12345678} filed under CH next to an AT record): a company keeps its domain, its legal form and its
 * tax id when a program files it under another country, a namesake abroad has its own.
 *
 * <p>When both records have an address (city, postal code), the same postal code raises the score, the same city
 * a little (one slip allowed), and another city lowers it: namesakes and colliding names sit in other towns, but
 * so do a company's second site and its old address, so the penalty is less than for another country, and less
 * again on the same domain. The same postal code also lifts the common-one-word caution. No address on a side
 * changes nothing.
 *
 * <p>What the index knows sharpens this: a name of several words that no other known record carries, or of one
 * word that no other record has at all (see {@link NameContext}), is the company's own, so another city costs it no more than on the same domain (a second
 * site, an old address). Brands spelled one slip apart ("Lynkelxa" / "Lyxkelxa") with nothing else in common, no
 * domain and no address, go to a steward: a typo and a company one letter away look the same. A name written as
 * initials counts a domain that spells the full name out ({@code summitclearhealth.net} for "SCHL") as the same
 * domain. So does a record that dropped its business word but kept a domain that spells it out ("Island Apex" on
 * {@code islandapexsoftware.com} next to "Island Apex Software" without a domain, see {@link DomainSpelling}): the
 * domain says which business of the brand it is, though not where it sits, so another country or town still
 * weighs in full.
 *
 * <p>The weights below were set on the quality benchmark (bench/quality, seed 1); each was kept only if it moved
 * precision and recall together or bought clearly more precision than it cost recall.
 */
final class CompanyPairScorer {

    static final double SAME_DOMAIN_BONUS = 0.15;
    static final double SAME_ROOT_BONUS = 0.05;
    static final double OTHER_DOMAIN_PENALTY = 0.15;
    static final double OTHER_COUNTRY_PENALTY = 0.10;
    static final double EXPLAINED_OTHER_COUNTRY_PENALTY = 0.03;
    /**
     * "Wilson" is one company's whole name, and what another program keeps of "Wilson Digital" or "Wilson Media":
     * a single common word matches without saying which company it is. Not when the two names are identical and
     * no more candidates carry that exact name than the company's own records in the other programs could: the
     * companies that make the word common write their business word next to it, and two records that both call
     * the company just "Wilson", with no third, are that one company far more often than two.
     */
    static final double COMMON_SINGLE_WORD_PENALTY = 0.10;

    /** Same postal code: one site, or one street of a town; namesakes rarely share it. */
    static final double SAME_POSTCODE_BONUS = 0.12;
    /** Same city, postal code unknown on a side or another district. */
    static final double SAME_CITY_BONUS = 0.05;
    /**
     * Another city: a namesake's mark, but also a company's second site or its old address, so it weighs less
     * than another country; less again on the same domain (one company, two sites).
     */
    static final double OTHER_CITY_PENALTY = 0.12;
    static final double OTHER_CITY_SAME_DOMAIN_PENALTY = 0.03;

    /**
     * Brands one slip apart with nothing else in common, neither domain nor address: a typo, or a company one letter
     * away ("Zentora" / "Zentara"), which only a steward tells apart.
     */
    static final double TYPO_ALONE_PENALTY = 0.06;

    /**
     * Both names carry the same own words, and the probe's rarest is carried by no more records than one company
     * has: "Kelzenraio" next to "Kelzenraio Manufacturing" is that company with its business word dropped, where
     * "Trail" next to "Trail Laboratories" may be any of the many companies called Trail.
     */
    static final double RARE_NAME_BONUS = 0.09;

    private enum Domain { UNKNOWN, SAME, RELATED, OTHER }

    private final MatchPolicy policy;

    CompanyPairScorer(MatchPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * The score with its reasons.
     *
     * @param context how common the probe's name is among the matcher's candidates
     */
    PairScore explain(CompanyCandidate probe, CompanyCandidate other, NameContext context) {
        return score(probe, other, new ArrayList<>(4), context);
    }

    /** The score alone: a match compares many pairs and explains one, so reasons are only written for that one. */
    PairScore score(CompanyCandidate probe, CompanyCandidate other, NameContext context) {
        return score(probe, other, null, context);
    }

    /**
     * What the exact keys alone say: a merge, a veto, or null when they say nothing. Cheap: what a golden record
     * checks for each of its members before it accepts a record.
     */
    PairScore exactKeys(CompanyCandidate probe, CompanyCandidate other, List<String> reasons) {
        if (policy.useTaxId() && bothPresent(probe.taxId(), other.taxId())) {
            if (probe.taxId().equals(other.taxId())) {
                return exact(reasons, "same tax id ", probe.taxId());
            }
            if (!oneKeystrokeApart(probe.taxId(), other.taxId())) {
                return veto(reasons, "different tax ids ", probe.taxId() + " / " + other.taxId());
            }
        }
        if (policy.useDuns() && bothPresent(probe.duns(), other.duns())) {
            if (probe.duns().equals(other.duns())) {
                return exact(reasons, "same DUNS ", probe.duns());
            }
            if (!oneKeystrokeApart(probe.duns(), other.duns())) {
                return veto(reasons, "different DUNS ", probe.duns() + " / " + other.duns());
            }
        }
        // a group verifies its domain for each of its divisions: one brand in two businesses is two legal entities,
        // and so are two records one program keeps apart on the domain it verified for both
        if (policy.useVerifiedDomain() && probe.domainVerified() && other.domainVerified()
                && !probe.program().equals(other.program())
                && probe.domain().equals(other.domain()) && !DomainNormaliser.isShared(probe.domain())
                && !BusinessWords.sameBrandOtherBusiness(probe.normalisedName(), other.normalisedName())) {
            return exact(reasons, "same verified domain ", probe.domain());
        }
        return null;
    }

    private PairScore score(CompanyCandidate probe, CompanyCandidate other, List<String> reasons,
            NameContext context) {
        PairScore exact = exactKeys(probe, other, reasons);
        return exact != null ? exact : fuzzy(probe, other, reasons, context);
    }

    private PairScore fuzzy(CompanyCandidate probe, CompanyCandidate other, List<String> reasons,
            NameContext context) {
        String commonName = context.commonWord();
        double name = NameSimilarity.of(probe.normalisedName(), other.normalisedName());
        if (reasons != null) {
            reasons.add(String.format(Locale.ROOT, "name %.2f ('%s' / '%s')", name, probe.normalisedName(),
                    other.normalisedName()));
        }
        if (reasons != null) {
            // exact keys let these through: one keystroke apart, a typo or another entity, so the rest decides
            if (policy.useTaxId() && bothPresent(probe.taxId(), other.taxId())
                    && !probe.taxId().equals(other.taxId())) {
                note(reasons, "tax ids one keystroke apart, no key ", probe.taxId() + " / " + other.taxId());
            }
            if (policy.useDuns() && bothPresent(probe.duns(), other.duns()) && !probe.duns().equals(other.duns())) {
                note(reasons, "DUNS one keystroke apart, no key ", probe.duns() + " / " + other.duns());
            }
        }
        boolean otherCountry = bothPresent(probe.country(), other.country())
                && !probe.country().equals(other.country());
        double score = name;
        boolean sameDomain = false;
        boolean spelledOut = false;
        Domain domain = Domain.UNKNOWN;
        // initials say little on their own; a domain that spells the full name out says the rest
        boolean initials = name == NameSimilarity.INITIALS_MATCH;
        if (usable(probe.domain()) && usable(other.domain())) {
            String registrable = DomainNormaliser.registrableDomain(probe.domain());
            String otherRegistrable = DomainNormaliser.registrableDomain(other.domain());
            String root = DomainNormaliser.rootLabel(registrable);
            String otherRoot = DomainNormaliser.rootLabel(otherRegistrable);
            if (registrable.equals(otherRegistrable)) {
                sameDomain = true;
                domain = Domain.SAME;
                score += SAME_DOMAIN_BONUS;
                note(reasons, "same domain ", registrable);
            } else if (root.equals(otherRoot)) {
                // acme.de in DE and acme.fr in FR are two local companies at least as often as one
                domain = Domain.RELATED;
                score += initials ? SAME_DOMAIN_BONUS : otherCountry ? 0 : SAME_ROOT_BONUS;
                note(reasons, "same domain root ", registrable + " / " + otherRegistrable);
            } else if (DomainNormaliser.isMarketingVariant(root, otherRoot)) {
                domain = Domain.RELATED;
                score += initials ? SAME_DOMAIN_BONUS : 0;
                note(reasons, "related domains ", registrable + " / " + otherRegistrable);
            } else {
                domain = Domain.OTHER;
                score -= OTHER_DOMAIN_PENALTY;
                note(reasons, "other domains ", registrable + " / " + otherRegistrable);
            }
        } else if (name >= policy.mergeThreshold() - SAME_DOMAIN_BONUS && usable(probe.domain()) != usable(other.domain())
                && (DomainSpelling.holdsWhatTheNameDropped(probe, other)
                        || DomainSpelling.holdsWhatTheNameDropped(other, probe))) {
            // one record's domain is the other's name written out, with the business word the record dropped: it
            // says which company of the brand the record is, though not where it sits
            spelledOut = true;
            domain = Domain.RELATED;
            score += SAME_DOMAIN_BONUS;
            note(reasons, "a domain spells the other name out ", usable(probe.domain()) ? probe.domain() : other.domain());
        }
        SiteAgreement address = SiteAgreement.of(probe, other);
        switch (address) {
            case SAME_POSTCODE -> {
                score += SAME_POSTCODE_BONUS;
                note(reasons, "same postal code ", probe.postalCode());
            }
            case SAME_CITY -> {
                score += SAME_CITY_BONUS;
                note(reasons, "same city ", probe.city());
            }
            case OTHER -> {
                // a second site or an old address: told from a namesake by the domain, or by a name that no other
                // known record carries, of several words or of one word no other record has (an invented brand,
                // not a surname: a namesake would need the same invented word)
                boolean rareSameName = name == 1.0 && context.rareName()
                        && (!CompanyNames.isSingleWord(probe.normalisedName()) || context.rareWord());
                score -= sameDomain || rareSameName ? OTHER_CITY_SAME_DOMAIN_PENALTY : OTHER_CITY_PENALTY;
                note(reasons, "other addresses ",
                        SiteAgreement.describe(probe) + " / " + SiteAgreement.describe(other));
            }
            default -> {
            }
        }
        boolean corroborated = domain != Domain.OTHER && domain != Domain.UNKNOWN
                || address.agrees();
        // a rare brand abroad is as often the same name registered by another company, unless a legal form or a tax
        // id says the record is the company's filed under another country; at home, nothing need agree besides the
        // name: another domain or another town already weighs against the pair and keeps it from a merge
        if (context.rareWord() && name >= policy.reviewThreshold() && (!otherCountry || movedExplained(probe, other))
                && name < 1
                && CompanyNames.ownWordsJoined(probe.normalisedName())
                        .equals(CompanyNames.ownWordsJoined(other.normalisedName()))
                && !BusinessWords.sameBrandOtherBusiness(probe.normalisedName(), other.normalisedName())) {
            score += RARE_NAME_BONUS;
            note(reasons, "own words no other company carries", "");
        }
        // the cheap tests first: most pairs a match compares are far below review and need no second look
        if (!corroborated && !initials && name < 1 && score >= policy.reviewThreshold()
                && BusinessWords.brandSpelledOtherwise(probe.normalisedName(), other.normalisedName())) {
            score -= TYPO_ALONE_PENALTY;
            note(reasons, "the brands differ by a slip and nothing else agrees", "");
        }
        boolean onlyTheseCarryTheName = name == 1.0 && context.rareName();
        if (commonName != null && !sameDomain && !spelledOut && address != SiteAgreement.SAME_POSTCODE
                && !onlyTheseCarryTheName) {
            score -= COMMON_SINGLE_WORD_PENALTY;
            note(reasons, "a common name on its own: ", commonName);
        }
        if (otherCountry) {
            boolean byLegalForm = legalFormPlacesElsewhere(probe, other) || legalFormPlacesElsewhere(other, probe);
            boolean byTaxId = !byLegalForm && (taxIdPlacesElsewhere(probe, other) || taxIdPlacesElsewhere(other, probe));
            boolean explained = sameDomain || byLegalForm || byTaxId;
            score -= explained ? EXPLAINED_OTHER_COUNTRY_PENALTY : OTHER_COUNTRY_PENALTY;
            note(reasons, "other countries ", probe.country() + " / " + other.country()
                    + (sameDomain ? "" : byLegalForm ? " (a legal form places one record in the other's country)"
                            : byTaxId ? " (a tax id issued in the other's country)" : ""));
        }
        double rank = score;
        score = Math.max(0, Math.min(1, score));
        MatchDecision decision = policy.decisionFor(score);
        if (decision == MatchDecision.MERGE && probe.program().equals(other.program())
                && !policy.fuzzyMergeWithinProgram()) {
            decision = MatchDecision.REVIEW;
            note(reasons, "both in program ", probe.program() + ": a fuzzy match there needs a steward");
        }
        if (decision == MatchDecision.MERGE && name < 1
                && BusinessWords.sameBrandOtherBusiness(probe.normalisedName(), other.normalisedName())) {
            decision = MatchDecision.REVIEW;
            note(reasons, "one brand in two businesses: a steward decides", "");
        }
        return new PairScore(score, decision, false, rank, reasons == null ? List.of() : reasons);
    }

    /** True when a legal form or a tax id places one record in the other's country: the record moved, not the company. */
    private static boolean movedExplained(CompanyCandidate probe, CompanyCandidate other) {
        return legalFormPlacesElsewhere(probe, other) || legalFormPlacesElsewhere(other, probe)
                || taxIdPlacesElsewhere(probe, other) || taxIdPlacesElsewhere(other, probe);
    }

    private static boolean legalFormPlacesElsewhere(CompanyCandidate record, CompanyCandidate other) {
        return LegalFormJurisdictions.placesElsewhere(CompanyNameNormaliser.legalForms(record.name()),
                record.country(), other.country());
    }

    /**
     * True when the record's tax id carries the other record's country as its prefix and not its own: VAT ids are
     * written with the issuing country first ({@code DE123456789}, {@code ATU12345678}), and a company keeps its
     * tax id when a program files it under another country, where a namesake abroad has an id of its own country.
     * Only ever asked when one record has a tax id: two tax ids decide as exact keys.
     */
    static boolean taxIdPlacesElsewhere(CompanyCandidate record, CompanyCandidate other) {
        String taxId = record.taxId();
        return taxId != null && taxId.length() > 4 && other.country() != null
                && !other.country().equals(record.country()) && taxId.startsWith(other.country())
                && Character.isLetter(taxId.charAt(0)) && Character.isLetter(taxId.charAt(1));
    }

    /**
     * Two ids of one length that differ in one digit, or in two neighbouring digits swapped: the commonest keying
     * error, and one that check digits exist to catch, so two valid ids rarely stand that close. Such a pair is
     * neither a key nor a veto; the names and the rest decide, as without ids.
     */
    static boolean oneKeystrokeApart(String id, String other) {
        return id.length() == other.length() && EditDistance.atMost(id, other, 1);
    }

    private static PairScore exact(List<String> reasons, String what, String value) {
        note(reasons, what, value);
        return new PairScore(1.0, MatchDecision.MERGE, true, 2.0, reasons == null ? List.of() : reasons);
    }

    private static PairScore veto(List<String> reasons, String what, String values) {
        note(reasons, what, values);
        return new PairScore(0.0, MatchDecision.SEPARATE, true, -1.0, reasons == null ? List.of() : reasons);
    }

    private static void note(List<String> reasons, String what, String value) {
        if (reasons != null) {
            reasons.add(what + value);
        }
    }

    private static boolean bothPresent(String a, String b) {
        return a != null && b != null;
    }

    private static boolean usable(String domain) {
        return domain != null && DomainNormaliser.rootLabel(domain) != null && !DomainNormaliser.isShared(domain);
    }
}
