package dev.accordhub.routes.consolidate.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompanyMatcherTest {

    final MatchPolicy policy = MatchPolicy.defaults();
    final InMemoryCandidateIndex index = new InMemoryCandidateIndex(policy);
    final CompanyMatcher matcher = new CompanyMatcher(index, policy);

    @Test
    void theSameTaxIdMergesWhateverTheNames() {
        index.add(Companies.in("helios", "h1").named("Acme Inc").country("US").taxId("US-12-3456789").build());

        MatchResult result = matcher.match(
                Companies.in("vantage", "v1").named("Road Runner Supplies").country("US").taxId("us123456789").build());

        assertThat(result.decision()).isEqualTo(MatchDecision.MERGE);
        assertThat(result.score()).isEqualTo(1.0);
        assertThat(result.best().sourceKey()).isEqualTo("helios:partner:h1");
        assertThat(result.reasons()).containsExactly("same tax id US123456789");
    }

    @Test
    void anExactKeyWinsOverABetterNameMatch() {
        index.add(Companies.in("helios", "h1").named("Bluefin Systems GmbH").country("DE").build());
        index.add(Companies.in("helios", "h2").named("Bluefin Sys").country("DE").duns("12-345-6789").build());

        MatchResult result = matcher.match(
                Companies.in("vantage", "v1").named("Bluefin Systems GmbH").country("DE").duns("123456789").build());

        assertThat(result.best().sourceKey()).isEqualTo("helios:partner:h2");
        assertThat(result.reasons()).containsExactly("same DUNS 123456789");
    }

    @Test
    void aVerifiedDomainOnBothSidesMergesAnUnverifiedOneIsOnlyEvidence() {
        CompanyCandidate verified = Companies.in("helios", "h1").named("Globex").verifiedWeb("https://globex.com")
                .country("US").build();
        CompanyCandidate alsoVerified = Companies.in("nimbus", "n1").named("Hank Scorpio Holdings")
                .verifiedWeb("www.globex.com").country("US").build();
        CompanyCandidate unverified = Companies.in("vantage", "v1").named("Hank Scorpio Holdings")
                .web("globex.com").country("US").build();

        assertThat(matcher.compare(verified, alsoVerified).decision()).isEqualTo(MatchDecision.MERGE);
        assertThat(matcher.compare(verified, unverified).decision()).isEqualTo(MatchDecision.SEPARATE);
    }

    @Test
    void aVerifiedDomainDoesNotMergeTwoBusinessesOfOneBrandNorTwoRecordsOfOneProgram() {
        CompanyCandidate parent = Companies.in("helios", "h1").named("Lake True Analytics Pvt Ltd")
                .verifiedWeb("laketrue.com").country("IN").build();
        CompanyCandidate division = Companies.in("nimbus", "n1").named("Lake True Design Pvt Ltd")
                .verifiedWeb("laketrue.com").country("IN").build();
        CompanyCandidate sameProgram = Companies.in("helios", "h2").named("Lake True Pvt Ltd")
                .verifiedWeb("laketrue.com").country("IN").build();
        CompanyCandidate otherProgram = Companies.in("vantage", "v1").named("Lake True Pvt Ltd")
                .verifiedWeb("laketrue.com").country("IN").build();

        PairScore divisions = matcher.compare(parent, division);
        PairScore withinProgram = matcher.compare(parent, sameProgram);

        assertThat(divisions.exactKey()).isFalse();
        assertThat(divisions.decision()).isNotEqualTo(MatchDecision.MERGE);
        assertThat(withinProgram.exactKey()).isFalse();
        assertThat(withinProgram.decision()).isEqualTo(MatchDecision.REVIEW);
        assertThat(matcher.compare(parent, otherProgram).exactKey()).isTrue();
    }

    @Test
    void conflictingTaxIdsVetoAnIdenticalNameAndDomain() {
        CompanyCandidate a = Companies.in("helios", "h1").named("Acme GmbH").web("acme.de").country("DE")
                .taxId("DE111111111").build();
        CompanyCandidate b = Companies.in("vantage", "v1").named("ACME GmbH").web("acme.de").country("DE")
                .taxId("DE222222222").build();

        PairScore score = matcher.compare(a, b);

        assertThat(score.decision()).isEqualTo(MatchDecision.SEPARATE);
        assertThat(score.exactKey()).isTrue();
        assertThat(score.reasons()).containsExactly("different tax ids DE111111111 / DE222222222");
    }

    @Test
    void conflictingDunsNumbersVetoToo() {
        CompanyCandidate a = Companies.in("helios", "h1").named("Acme").country("US").duns("111111111").build();
        CompanyCandidate b = Companies.in("vantage", "v1").named("Acme").country("US").duns("222222222").build();

        assertThat(matcher.compare(a, b).decision()).isEqualTo(MatchDecision.SEPARATE);
    }

    @Test
    void spellingsOfOneNameInOneCountryMerge() {
        CompanyCandidate a = Companies.in("helios", "h1").named("Bluefin Technologies, Inc.").country("US").build();
        CompanyCandidate b = Companies.in("vantage", "v1").named("BLUEFIN TECH Incorporated").country("US").build();

        assertThat(matcher.compare(a, b).decision()).isEqualTo(MatchDecision.MERGE);
    }

    @Test
    void aNameThatMayBeShortForAnotherGoesToAStewardUnlessTheDomainSettlesIt() {
        CompanyCandidate shortName = Companies.in("helios", "h1").named("Bluefin").country("US").build();
        CompanyCandidate longName = Companies.in("vantage", "v1").named("Bluefin Systems Inc").country("US").build();
        CompanyCandidate shortOnSameDomain = Companies.in("helios", "h2").named("Bluefin").web("bluefin.com")
                .country("US").build();
        CompanyCandidate longOnSameDomain = Companies.in("vantage", "v2").named("Bluefin Systems Inc")
                .web("https://www.bluefin.com").country("US").build();

        PairScore grey = matcher.compare(shortName, longName);

        assertThat(grey.decision()).isEqualTo(MatchDecision.REVIEW);
        assertThat(grey.score()).isBetween(policy.reviewThreshold(), policy.mergeThreshold());
        assertThat(matcher.compare(shortOnSameDomain, longOnSameDomain).decision()).isEqualTo(MatchDecision.MERGE);
    }

    @Test
    void anotherCountryLowersTheScoreButTheSameDomainStillMerges() {
        CompanyCandidate us = Companies.in("helios", "h1").named("Wingtip Toys").web("wingtip.com").country("US")
                .build();
        CompanyCandidate movedSameDomain = Companies.in("vantage", "v1").named("Wingtip Toys").web("wingtip.com")
                .country("CA").build();
        CompanyCandidate movedNoDomain = Companies.in("vantage", "v2").named("Wingtip Toys").country("CA").build();
        CompanyCandidate stayed = Companies.in("vantage", "v3").named("Wingtip Toys").web("wingtip.com")
                .country("US").build();

        PairScore sameDomain = matcher.compare(us, movedSameDomain);
        PairScore noDomain = matcher.compare(us, movedNoDomain);

        assertThat(sameDomain.decision()).isEqualTo(MatchDecision.MERGE);
        assertThat(sameDomain.rank()).isLessThan(matcher.compare(us, stayed).rank());
        assertThat(noDomain.decision()).isEqualTo(MatchDecision.REVIEW);
    }

    @Test
    void aLegalFormOfTheOtherCountryExplainsAMove() {
        CompanyCandidate german = Companies.in("helios", "h1").named("Nordwind Logistik GmbH").country("DE").build();
        CompanyCandidate filedUnderUs = Companies.in("vantage", "v1").named("Nordwind Logistik GmbH").country("US")
                .build();
        CompanyCandidate americanNamesake = Companies.in("vantage", "v2").named("Nordwind Logistics Inc")
                .country("US").build();

        assertThat(matcher.compare(german, filedUnderUs).decision()).isEqualTo(MatchDecision.MERGE);
        assertThat(matcher.compare(german, americanNamesake).decision()).isEqualTo(MatchDecision.REVIEW);
    }

    @Test
    void taxIdsOrDunsOneKeystrokeApartAreATypoNotAVetoTheNamesDecide() {
        CompanyCandidate a = Companies.in("helios", "h1").named("Nofleen Systems Corp").web("nofleensystems.com")
                .country("US").taxId("US577087116").build();
        CompanyCandidate oneDigit = Companies.in("nimbus", "n1").named("Nofleen System Corporation")
                .web("nofleensystems.net").country("US").taxId("US577007116").build();
        CompanyCandidate swapped = Companies.in("nimbus", "n2").named("Nofleen System Corporation")
                .country("US").taxId("US577081716").build();
        CompanyCandidate twoDigits = Companies.in("nimbus", "n3").named("Nofleen System Corporation")
                .web("nofleensystems.net").country("US").taxId("US577007146").build();
        CompanyCandidate otherName = Companies.in("nimbus", "n4").named("Harbor Freight Corporation")
                .country("US").taxId("US577087117").build();
        CompanyCandidate dunsOneDigit = Companies.in("vantage", "v1").named("Nofleen Systems").country("US")
                .duns("217991524").build();
        CompanyCandidate dunsOther = Companies.in("helios", "h2").named("Nofleen Systems").country("US")
                .duns("217991554").build();

        PairScore typo = matcher.compare(a, oneDigit);

        assertThat(typo.exactKey()).isFalse();
        assertThat(typo.decision()).isEqualTo(MatchDecision.MERGE);
        assertThat(typo.reasons()).contains("tax ids one keystroke apart, no key US577087116 / US577007116");
        assertThat(matcher.compare(a, swapped).decision()).isEqualTo(MatchDecision.MERGE);
        assertThat(matcher.compare(a, twoDigits).reasons()).containsExactly("different tax ids US577087116 / US577007146");
        assertThat(matcher.compare(a, twoDigits).decision()).isEqualTo(MatchDecision.SEPARATE);
        assertThat(matcher.compare(a, otherName).decision()).as("no key either way: the names say two companies")
                .isEqualTo(MatchDecision.SEPARATE);
        assertThat(matcher.compare(dunsOneDigit, dunsOther).decision()).isEqualTo(MatchDecision.MERGE);
        assertThat(CompanyPairScorer.oneKeystrokeApart("217991524", "2179915240")).isFalse();
    }

    @Test
    void aTaxIdIssuedInTheOtherCountryExplainsAMove() {
        CompanyCandidate austrian = Companies.in("helios", "h1").named("Wind Mountain Data GmbH").country("AT")
                .build();
        CompanyCandidate filedUnderSwissWithAustrianVat = Companies.in("vantage", "v1").named("WIND MOUNTAIN DATA")
                .country("CH").taxId("ATU 1234 5678").build();
        CompanyCandidate swissWithSwissId = Companies.in("vantage", "v2").named("WIND MOUNTAIN DATA").country("CH")
                .taxId("CHE-123.456.789").build();
        CompanyCandidate swissWithoutId = Companies.in("vantage", "v3").named("WIND MOUNTAIN DATA").country("CH")
                .build();

        PairScore explained = matcher.compare(austrian, filedUnderSwissWithAustrianVat);

        assertThat(explained.decision()).isEqualTo(MatchDecision.MERGE);
        assertThat(explained.reasons()).contains("other countries AT / CH (a tax id issued in the other's country)");
        assertThat(matcher.compare(filedUnderSwissWithAustrianVat, austrian).decision())
                .isEqualTo(MatchDecision.MERGE);
        assertThat(matcher.compare(austrian, swissWithSwissId).decision()).isEqualTo(MatchDecision.REVIEW);
        assertThat(matcher.compare(austrian, swissWithoutId).decision()).isEqualTo(MatchDecision.REVIEW);
        assertThat(explained.score()).isGreaterThan(matcher.compare(austrian, swissWithoutId).score());
    }

    @Test
    void onlyATaxIdThatStartsWithTheOtherCountryPlacesARecordThere() {
        CompanyCandidate us = Companies.in("helios", "h1").named("A").country("US").build();
        CompanyCandidate de = Companies.in("vantage", "v1").named("A").country("DE").taxId("US-12-3456789").build();
        CompanyCandidate digitsOnly = Companies.in("vantage", "v2").named("A").country("DE").taxId("123456789")
                .build();
        CompanyCandidate ownCountry = Companies.in("vantage", "v3").named("A").country("DE").taxId("DE123456789")
                .build();
        CompanyCandidate sameCountry = Companies.in("vantage", "v4").named("A").country("US").taxId("US123456789")
                .build();

        assertThat(CompanyPairScorer.taxIdPlacesElsewhere(de, us)).isTrue();
        assertThat(CompanyPairScorer.taxIdPlacesElsewhere(us, de)).isFalse();
        assertThat(CompanyPairScorer.taxIdPlacesElsewhere(digitsOnly, us)).isFalse();
        assertThat(CompanyPairScorer.taxIdPlacesElsewhere(ownCountry, us)).isFalse();
        assertThat(CompanyPairScorer.taxIdPlacesElsewhere(sameCountry, us)).isFalse();
    }

    @Test
    void theSameLabelOnLocalDomainsInTwoCountriesIsNotEnough() {
        CompanyCandidate uk = Companies.in("helios", "h1").named("Apex Consulting Ltd").web("apexconsulting.co.uk")
                .country("GB").build();
        CompanyCandidate france = Companies.in("vantage", "v1").named("Apex Consulting SAS").web("apexconsulting.fr")
                .country("FR").build();

        assertThat(matcher.compare(uk, france).decision()).isNotEqualTo(MatchDecision.MERGE);
    }

    @Test
    void aFuzzyMatchInsideOneProgramGoesToAStewardUnlessThePolicyAllowsIt() {
        CompanyCandidate a = Companies.in("helios", "h1").named("Contoso Ltd").country("GB").build();
        CompanyCandidate b = Companies.in("helios", "h2").named("CONTOSO LIMITED").country("GB").build();
        CompanyMatcher permissive = new CompanyMatcher(index, policy.withFuzzyMergeWithinProgram(true));

        assertThat(matcher.compare(a, b).decision()).isEqualTo(MatchDecision.REVIEW);
        assertThat(permissive.compare(a, b).decision()).isEqualTo(MatchDecision.MERGE);
    }

    @Test
    void anExactKeyMergesInsideOneProgram() {
        CompanyCandidate a = Companies.in("helios", "h1").named("Contoso Ltd").taxId("GB123").build();
        CompanyCandidate b = Companies.in("helios", "h2").named("Contoso (old)").taxId("GB123").build();

        assertThat(matcher.compare(a, b).decision()).isEqualTo(MatchDecision.MERGE);
    }

    @Test
    void twoUnrelatedDomainsOutweighTheSameNameInTheSameTown() {
        CompanyCandidate a = Companies.in("helios", "h1").named("Morgan Development, AB").web("morgan.se")
                .country("SE").at("Uppsala", null).build();
        CompanyCandidate b = Companies.in("vantage", "v1").named("MORGAN-DEVELOPMENT AB").web("morgan132.com")
                .country("SE").at("Uppsala", "753 10").build();
        CompanyCandidate noDomain = Companies.in("vantage", "v2").named("MORGAN-DEVELOPMENT AB").country("SE")
                .at("Uppsala", "753 10").build();

        assertThat(matcher.compare(a, b).decision()).isEqualTo(MatchDecision.REVIEW);
        assertThat(matcher.compare(a, noDomain).decision()).isEqualTo(MatchDecision.MERGE);
    }

    @Test
    void aCommonOneWordNameNeedsMoreThanTheName() {
        for (String business : List.of("Digital", "Media", "Cloud", "Data", "Labs")) {
            index.add(Companies.in("helios", business).named("Wilson " + business).country("US").build());
        }
        index.add(Companies.in("helios", "bare").named("Wilson Inc").country("US").build());
        index.add(Companies.in("helios", "bare2").named("Wilson").country("US").build());
        index.add(Companies.in("nimbus", "bare3").named("WILSON CORP").country("US").build());
        CompanyCandidate probe = Companies.in("vantage", "v1").named("Wilson LLC").country("US").build();

        MatchResult result = matcher.match(probe);

        assertThat(result.best().sourceKey()).isEqualTo("helios:partner:bare");
        assertThat(result.decision()).isEqualTo(MatchDecision.REVIEW);
        assertThat(result.reasons()).contains("a common name on its own: wilson");
        assertThat(matcher.compare(probe, result.best()).decision()).isEqualTo(MatchDecision.MERGE);
    }

    @Test
    void aCommonWordThatOnlyOneOtherRecordCarriesAsItsWholeNameIsThatCompany() {
        for (String business : List.of("Digital", "Media", "Cloud", "Data", "Labs")) {
            index.add(Companies.in("helios", business).named("Wilson " + business).country("US").build());
        }
        index.add(Companies.in("helios", "bare").named("Wilson Inc").country("US").build());
        CompanyCandidate probe = Companies.in("vantage", "v1").named("WILSON, LLC").country("US").build();
        CompanyCandidate longerProbe = Companies.in("vantage", "v2").named("Wilson Group").country("US").build();

        MatchResult result = matcher.match(probe);
        MatchResult longer = matcher.match(longerProbe);

        assertThat(result.best().sourceKey()).isEqualTo("helios:partner:bare");
        assertThat(result.decision()).isEqualTo(MatchDecision.MERGE);
        assertThat(result.reasons()).noneMatch(reason -> reason.startsWith("a common name on its own"));
        assertThat(longer.decision()).as("not the identical name: the caution holds").isEqualTo(MatchDecision.REVIEW);
        assertThat(longer.reasons()).contains("a common name on its own: wilson");
    }

    @Test
    void initialsMergeWhenTheirDomainSpellsTheFullNameOut() {
        CompanyCandidate full = Companies.in("vantage", "v1").named("Summit-Clear Health Logistics")
                .web("summitclearhealth.in").country("IN").build();
        CompanyCandidate initialsSameRoot = Companies.in("helios", "h1").named("SCHL Pvt. Ltd.")
                .web("summitclearhealth.net").country("IN").build();
        CompanyCandidate initialsAlone = Companies.in("helios", "h2").named("SCHL Pvt. Ltd.").country("IN").build();

        assertThat(matcher.compare(initialsSameRoot, full).decision()).isEqualTo(MatchDecision.MERGE);
        assertThat(matcher.compare(initialsAlone, full).decision()).isEqualTo(MatchDecision.REVIEW);
    }

    @Test
    void brandsOneSlipApartWithNothingElseInCommonGoToAStewardWithTheDomainTheyMerge() {
        CompanyCandidate a = Companies.in("helios", "h1").named("Lynkelxa Logistics AB").country("SE").build();
        CompanyCandidate b = Companies.in("vantage", "v1").named("Lyxkelxa Logistics").country("SE").build();
        CompanyCandidate aOnDomain = Companies.in("helios", "h2").named("Lynkelxa Logistics AB")
                .web("lynkelxa.se").country("SE").build();
        CompanyCandidate bOnDomain = Companies.in("vantage", "v2").named("Lyxkelxa Logistics")
                .web("lynkelxa.se").country("SE").build();

        PairScore alone = matcher.compare(a, b);

        assertThat(alone.decision()).isEqualTo(MatchDecision.REVIEW);
        assertThat(alone.reasons()).contains("the brands differ by a slip and nothing else agrees");
        assertThat(matcher.compare(aOnDomain, bOnDomain).decision()).isEqualTo(MatchDecision.MERGE);
        assertThat(matcher.compare(
                Companies.in("helios", "h3").named("Blue Fin Systems").country("US").build(),
                Companies.in("vantage", "v3").named("Bluefin Systems").country("US").build()).decision())
                .isEqualTo(MatchDecision.MERGE);
    }

    @Test
    void noCandidateIsSeparate() {
        MatchResult result = matcher.match(Companies.in("helios", "h1").named("Initech").country("US").build());

        assertThat(result.decision()).isEqualTo(MatchDecision.SEPARATE);
        assertThat(result.bestCandidate()).isEmpty();
        assertThat(result.candidates()).isZero();
    }

    @Test
    void everyCandidateThatReachesMergeIsListedBestFirst() {
        index.add(Companies.in("helios", "h1").named("Bluefin Systems").web("bluefin.com").country("US").build());
        index.add(Companies.in("nimbus", "n1").named("Blue Fin Systems").country("US").build());

        MatchResult result = matcher.match(
                Companies.in("vantage", "v1").named("Bluefin Systems Inc").web("bluefin.com").country("US").build());

        assertThat(result.merges()).extracting(m -> m.candidate().sourceKey())
                .containsExactly("helios:partner:h1", "nimbus:partner:n1");
        assertThat(result.merges().get(0).score().rank()).isGreaterThan(result.merges().get(1).score().rank());
    }
}
