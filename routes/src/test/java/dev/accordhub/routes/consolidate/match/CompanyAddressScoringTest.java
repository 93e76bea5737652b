package dev.accordhub.routes.consolidate.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** City and postal code: evidence for the same site, against namesakes elsewhere; no address says nothing. */
class CompanyAddressScoringTest {

    final MatchPolicy policy = MatchPolicy.defaults();
    final CompanyMatcher matcher = new CompanyMatcher(new InMemoryCandidateIndex(policy), policy);

    @Test
    void addressesAreNormalisedAndOptional() {
        CompanyCandidate withAddress = Companies.in("helios", "h1").named("Acme GmbH").country("DE")
                .at("  Frankfurt-am-Main ", "60 311").build();
        CompanyCandidate without = CompanyCandidate.of("helios:partner:h2", "helios", "Acme GmbH", null, false, "DE",
                null, null);

        assertThat(withAddress.city()).isEqualTo("frankfurt am main");
        assertThat(withAddress.postalCode()).isEqualTo("60311");
        assertThat(CompanyCandidate.of("k", "helios", "Acme", null, false, "DE", null, null, "Düsseldorf", "")
                .city()).isEqualTo("dusseldorf");
        assertThat(without.city()).isNull();
        assertThat(without.postalCode()).isNull();
    }

    @Test
    void namesakesInOtherCitiesDoNotMerge() {
        CompanyCandidate a = Companies.in("helios", "h1").named("Bennett Health Inc").country("US")
                .at("Portland", "97201").build();
        CompanyCandidate b = Companies.in("vantage", "v1").named("Bennett Health Incorporated").country("US")
                .at("Boston", "02108").build();
        CompanyCandidate noAddress = Companies.in("vantage", "v2").named("Bennett Health Incorporated")
                .country("US").build();

        PairScore apart = matcher.compare(a, b);

        assertThat(apart.decision()).isNotEqualTo(MatchDecision.MERGE);
        assertThat(apart.reasons()).contains("other addresses 97201 portland / 02108 boston");
        assertThat(matcher.compare(a, noAddress).decision()).isEqualTo(MatchDecision.MERGE);
        assertThat(matcher.compare(a, noAddress).score()).isGreaterThan(apart.score());
    }

    @Test
    void anotherCityOnTheSameDomainIsASecondSiteAndStillMerges() {
        CompanyCandidate a = Companies.in("helios", "h1").named("Bluefin Systems Inc").web("bluefin.com")
                .country("US").at("Austin", "78701").build();
        CompanyCandidate b = Companies.in("vantage", "v1").named("BLUEFIN SYSTEMS").web("www.bluefin.com")
                .country("US").at("Denver", null).build();

        assertThat(matcher.compare(a, b).decision()).isEqualTo(MatchDecision.MERGE);
    }

    @Test
    void theSamePostalCodeSettlesANameThatMayBeShortForAnother() {
        CompanyCandidate shortName = Companies.in("helios", "h1").named("Bluefin").country("US")
                .at(null, "78701").build();
        CompanyCandidate longName = Companies.in("vantage", "v1").named("Bluefin Systems Inc").country("US")
                .at("Austin", "78701").build();
        CompanyCandidate shortNoAddress = Companies.in("helios", "h2").named("Bluefin").country("US").build();

        PairScore settled = matcher.compare(shortName, longName);

        assertThat(matcher.compare(shortNoAddress, longName).decision()).isEqualTo(MatchDecision.REVIEW);
        assertThat(settled.decision()).isEqualTo(MatchDecision.MERGE);
        assertThat(settled.reasons()).contains("same postal code 78701");
    }

    @Test
    void theSameCityWithOneSlipCountsAsTheSameCity() {
        CompanyCandidate a = Companies.in("helios", "h1").named("A").at("München", "80331").build();
        CompanyCandidate b = Companies.in("vantage", "v1").named("A").at("MUENCHEN", "80333").build();
        CompanyCandidate c = Companies.in("vantage", "v2").named("A").at("Hamburg", null).build();
        CompanyCandidate d = Companies.in("vantage", "v3").named("A").at(null, "80331").build();
        CompanyCandidate e = Companies.in("vantage", "v4").named("A").at(null, "20095").build();
        CompanyCandidate none = Companies.in("vantage", "v5").named("A").build();

        assertThat(SiteAgreement.of(a, b)).isEqualTo(SiteAgreement.SAME_CITY);
        assertThat(SiteAgreement.of(a, c)).isEqualTo(SiteAgreement.OTHER);
        assertThat(SiteAgreement.of(a, d)).isEqualTo(SiteAgreement.SAME_POSTCODE);
        assertThat(SiteAgreement.of(a, e)).isEqualTo(SiteAgreement.OTHER);
        assertThat(SiteAgreement.of(a, none)).isEqualTo(SiteAgreement.UNKNOWN);
    }

    @Test
    void aRareNameOfSeveralWordsInAnotherCityIsTheCompanysOtherSiteACommonOneStaysWithAsteward() {
        InMemoryCandidateIndex index = new InMemoryCandidateIndex(policy);
        CompanyMatcher indexed = new CompanyMatcher(index, policy);
        index.add(Companies.in("helios", "h1").named("Pereira Logistics Inc").country("US")
                .at("Portland", "97201").build());
        CompanyCandidate secondSite = Companies.in("vantage", "v1").named("Pereira-Logistics Incorporated")
                .country("US").at("Boston", "02108").build();

        MatchResult rare = indexed.match(secondSite);

        assertThat(rare.decision()).isEqualTo(MatchDecision.MERGE);
        for (String id : new String[] {"h2", "h3", "h4"}) {
            index.add(Companies.in("nimbus", id).named("Pereira Logistics LLC").country("US")
                    .at("Denver", "80202").build());
        }
        assertThat(indexed.match(secondSite).decision()).isEqualTo(MatchDecision.REVIEW);
        assertThat(matcher.compare(index.candidatesFor(secondSite).get(0), secondSite).decision())
                .isEqualTo(MatchDecision.REVIEW);
    }

    @Test
    void aRareOneWordNameInAnotherCityIsTheCompanysOtherSiteACommonWordStaysWithASteward() {
        InMemoryCandidateIndex index = new InMemoryCandidateIndex(policy);
        CompanyMatcher indexed = new CompanyMatcher(index, policy);
        CompanyCandidate known = Companies.in("helios", "h1").named("Driritikis Ltda").country("BR")
                .at("Curitiba", "80010").build();
        index.add(known);
        index.add(Companies.in("helios", "h2").named("Anchor Ltda").country("BR").at("Curitiba", "80010").build());
        index.add(Companies.in("nimbus", "n1").named("Anchor Media Ltda").country("BR").at("Recife", "50010")
                .build());
        index.add(Companies.in("nimbus", "n2").named("Anchor Data Ltda").country("BR").at("Natal", "59010")
                .build());

        MatchResult invented = indexed.match(Companies.in("vantage", "v1").named("driritikis ltda.").country("BR")
                .at("Porto Alegre", "90010").build());
        MatchResult dictionaryWord = indexed.match(Companies.in("vantage", "v2").named("ANCHOR LTDA").country("BR")
                .at("Porto Alegre", "90010").build());

        assertThat(invented.decision()).isEqualTo(MatchDecision.MERGE);
        assertThat(invented.reasons()).contains("other addresses 90010 porto alegre / 80010 curitiba");
        assertThat(dictionaryWord.best().sourceKey()).isEqualTo("helios:partner:h2");
        assertThat(dictionaryWord.decision()).isEqualTo(MatchDecision.REVIEW);
        assertThat(invented.best()).isEqualTo(known);
        assertThat(matcher.compare(known, invented.probe()).decision())
                .as("without the index nothing says the word is rare").isEqualTo(MatchDecision.REVIEW);
    }

    @Test
    void oneBrandInTwoBusinessesAtOneSiteOnOneDomainGoesToASteward() {
        CompanyCandidate laboratories = Companies.in("nimbus", "n1").named("Maple Trail Laboratories Kabushiki Kaisha")
                .web("mapletrail.co.jp").country("JP").at("Osaka", "530 0001").build();
        CompanyCandidate management = Companies.in("vantage", "v1").named("Maple Trail Management Co., Ltd.")
                .web("mapletrail.co.jp").country("JP").at("Osaka", "5300001").build();
        CompanyCandidate bare = Companies.in("vantage", "v2").named("Maple Trail Co., Ltd.")
                .web("mapletrail.co.jp").country("JP").at("Osaka", "5300001").build();

        PairScore twoBusinesses = matcher.compare(laboratories, management);

        assertThat(twoBusinesses.score()).isGreaterThanOrEqualTo(policy.mergeThreshold());
        assertThat(twoBusinesses.decision()).isEqualTo(MatchDecision.REVIEW);
        assertThat(twoBusinesses.reasons()).contains("one brand in two businesses: a steward decides");
        assertThat(matcher.compare(laboratories, bare).decision()).isEqualTo(MatchDecision.MERGE);
    }
}
