package dev.accordhub.routes.consolidate.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A domain that writes out a name with the business word one record dropped says which business it is. */
class DomainSpellingTest {

    final MatchPolicy policy = MatchPolicy.defaults();
    final CompanyMatcher matcher = new CompanyMatcher(new InMemoryCandidateIndex(policy), policy);

    @Test
    void aLabelSpellsTheWordsOfANameInAnyOfTheirSpellings() {
        assertThat(DomainSpelling.spells("islandapexsoftware", new String[] {"island", "apex", "sw"})).isTrue();
        assertThat(DomainSpelling.spells("bakkersouzamedia", new String[] {"bakker", "and", "souza", "media"}))
                .as("a connector may be left out").isTrue();
        assertThat(DomainSpelling.spells("islandapex", new String[] {"island", "apex", "sw"})).isFalse();
        assertThat(DomainSpelling.spells("islandapexsoftware1", new String[] {"island", "apex", "sw"})).isFalse();
        assertThat(DomainSpelling.spells("islandapexdesign", new String[] {"island", "apex", "sw"})).isFalse();
    }

    @Test
    void theDomainOfARecordThatDroppedItsBusinessWordNamesTheOther() {
        CompanyCandidate bare = Companies.in("nimbus", "n1").named("Island Apex, S.A.")
                .web("https://www.islandapexsoftware.com").country("PL").build();
        CompanyCandidate full = Companies.in("vantage", "v1").named("Island Apex Software").country("PL").build();
        CompanyCandidate marketing = Companies.in("nimbus", "n2").named("Island Apex")
                .web("getislandapexsoftware.com").country("PL").build();

        assertThat(DomainSpelling.holdsWhatTheNameDropped(bare, full)).isTrue();
        assertThat(DomainSpelling.holdsWhatTheNameDropped(marketing, full)).isTrue();
        assertThat(DomainSpelling.holdsWhatTheNameDropped(full, bare)).as("the full name lacks nothing").isFalse();
    }

    @Test
    void notWhenTheDomainSpellsOnlyTheBrandOrAnotherBusinessOrTheWordIsOnlyWrittenOtherwise() {
        CompanyCandidate full = Companies.in("vantage", "v1").named("Island Apex Software").country("PL").build();
        CompanyCandidate brandOnly = Companies.in("nimbus", "n1").named("Island Apex").web("islandapex.com")
                .country("PL").build();
        CompanyCandidate otherBusiness = Companies.in("nimbus", "n2").named("Island Apex")
                .web("islandapexdesign.com").country("PL").build();
        CompanyCandidate abbreviated = Companies.in("nimbus", "n3").named("Island Apex Sftw")
                .web("islandapexsoftware.com").country("PL").build();
        CompanyCandidate freeMail = Companies.in("nimbus", "n4").named("Island Apex").web("gmail.com")
                .country("PL").build();

        assertThat(DomainSpelling.holdsWhatTheNameDropped(brandOnly, full)).isFalse();
        assertThat(DomainSpelling.holdsWhatTheNameDropped(otherBusiness, full)).isFalse();
        assertThat(DomainSpelling.holdsWhatTheNameDropped(abbreviated, full))
                .as("'Sftw' is the word abbreviated, not dropped").isFalse();
        assertThat(DomainSpelling.holdsWhatTheNameDropped(freeMail, full)).isFalse();
    }

    @Test
    void aBareBrandOnTheDomainOfTheFullNameMergesWithIt() {
        CompanyCandidate full = Companies.in("vantage", "v1").named("Island Apex Software").country("PL").build();
        CompanyCandidate bareOnFullDomain = Companies.in("nimbus", "n1").named("Island Apex, S.A.")
                .web("islandapexsoftware.com").country("PL").build();
        CompanyCandidate bareOnBrandDomain = Companies.in("nimbus", "n2").named("Island Apex, S.A.")
                .web("islandapex.com").country("PL").build();
        CompanyCandidate bareAbroad = Companies.in("nimbus", "n3").named("Island Apex GmbH")
                .web("islandapexsoftware.com").country("DE").build();
        CompanyCandidate fullInATown = Companies.in("vantage", "v2").named("Island Apex Software").country("PL")
                .at("Kraków", "30-001").build();
        CompanyCandidate bareAbroadInAnotherTown = Companies.in("nimbus", "n4").named("Island Apex GmbH")
                .web("islandapexsoftware.com").country("DE").at("Berlin", "10115").build();

        PairScore spelled = matcher.compare(bareOnFullDomain, full);

        assertThat(spelled.decision()).isEqualTo(MatchDecision.MERGE);
        assertThat(spelled.reasons()).contains("a domain spells the other name out islandapexsoftware.com");
        assertThat(matcher.compare(full, bareOnFullDomain).decision()).isEqualTo(MatchDecision.MERGE);
        assertThat(matcher.compare(bareOnBrandDomain, full).decision()).isEqualTo(MatchDecision.REVIEW);
        assertThat(matcher.compare(bareAbroad, full).rank()).as("the domain does not explain another country")
                .isLessThan(spelled.rank() - 0.09);
        assertThat(matcher.compare(bareAbroadInAnotherTown, fullInATown).decision()).isEqualTo(MatchDecision.REVIEW);
    }
}
