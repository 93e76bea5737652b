package dev.accordhub.routes.consolidate.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * How many known records carry a name's words: an invented brand belongs to one company, a dictionary word or a
 * surname to many, so a bare brand next to the brand with a business word says more in the first case.
 */
class NameFrequencyScoringTest {

    final MatchPolicy policy = MatchPolicy.defaults();
    final InMemoryCandidateIndex index = new InMemoryCandidateIndex(policy);
    final CompanyMatcher matcher = new CompanyMatcher(index, policy);

    @Test
    void theIndexCountsOwnWordsAndForgetsThoseOfRemovedOrChangedRecords() {
        index.add(Companies.in("helios", "h1").named("Kelzenraio Manufacturing GmbH").country("DE").build());
        index.add(Companies.in("vantage", "v1").named("KELZENRAIO").country("DE").build());
        index.add(Companies.in("nimbus", "n1").named("Blue Kelzenraio Systems").country("DE").build());

        assertThat(index.recordsWithWord("kelzenraio")).isEqualTo(3);
        assertThat(index.recordsWithWord("mfg")).as("business words are not counted").isZero();

        index.remove("vantage:partner:v1");
        index.add(Companies.in("nimbus", "n1").named("Initech").country("DE").build());

        assertThat(index.recordsWithWord("kelzenraio")).isEqualTo(1);
        assertThat(index.recordsWithWord("blue")).isZero();
        assertThat(new CandidateIndex() {
            public void add(CompanyCandidate candidate) {
            }

            public boolean remove(String sourceKey) {
                return false;
            }

            public java.util.List<CompanyCandidate> candidatesFor(CompanyCandidate probe) {
                return java.util.List.of();
            }

            public int size() {
                return 0;
            }
        }.recordsWithWord("kelzenraio")).as("an index that does not count says so").isEqualTo(-1);
    }

    @Test
    void aRareBrandWithItsBusinessWordDroppedMergesWhenTheTownAgrees() {
        CompanyCandidate full = Companies.in("nimbus", "n1").named("KELZENRAIO MANUFACTURING").country("JP")
                .at("Osaka", null).build();
        index.add(full);
        CompanyCandidate bare = Companies.in("helios", "h1").named("Kelzenraio KK").country("JP")
                .at("OSAKA", "530 0001").build();

        MatchResult result = matcher.match(bare);

        assertThat(result.decision()).isEqualTo(MatchDecision.MERGE);
        assertThat(result.reasons()).contains("own words no other company carries");
        assertThat(matcher.compare(bare, full).decision()).as("without the index nothing says the brand is rare")
                .isEqualTo(MatchDecision.REVIEW);
    }

    @Test
    void aBrandManyRecordsCarryStaysWithAStewardEvenInTheSameTown() {
        for (String business : new String[] {"Media", "Cloud"}) {
            index.add(Companies.in("helios", business).named("Trail " + business).country("US")
                    .at("Denver", null).build());
        }
        index.add(Companies.in("nimbus", "n1").named("Trail Laboratories").country("US").at("Austin", null).build());

        MatchResult result = matcher.match(Companies.in("vantage", "v1").named("Trail").country("US")
                .at("Austin", null).build());

        assertThat(result.best().sourceKey()).isEqualTo("nimbus:partner:n1");
        assertThat(result.decision()).isEqualTo(MatchDecision.REVIEW);
    }

    @Test
    void aRareBrandMergesInTheSameCountryUnlessADomainOrATownContradicts() {
        index.add(Companies.in("nimbus", "n1").named("Kelzenraio Manufacturing").web("kelzenraio.de").country("DE")
                .at("München", "80331").build());

        MatchResult alone = matcher.match(Companies.in("helios", "h1").named("Kelzenraio").country("DE").build());
        MatchResult abroad = matcher.match(Companies.in("helios", "h2").named("Kelzenraio").web("kelzenraio.fr")
                .country("FR").build());
        MatchResult otherDomain = matcher.match(Companies.in("helios", "h3").named("Kelzenraio GmbH")
                .web("blueoak.de").country("DE").build());
        MatchResult otherTown = matcher.match(Companies.in("helios", "h4").named("Kelzenraio GmbH").country("DE")
                .at("Hamburg", "20095").build());

        assertThat(alone.decision()).isEqualTo(MatchDecision.MERGE);
        assertThat(alone.reasons()).contains("own words no other company carries");
        assertThat(abroad.decision()).isNotEqualTo(MatchDecision.MERGE);
        assertThat(otherDomain.decision()).isNotEqualTo(MatchDecision.MERGE);
        assertThat(otherTown.decision()).isNotEqualTo(MatchDecision.MERGE);
    }

    @Test
    void aRareBrandAbroadMergesWhenALegalFormOrATaxIdPlacesTheRecordInTheOtherCountry() {
        index.add(Companies.in("nimbus", "n1").named("Kelzenraio Blue Manufacturing GmbH").country("DE").build());

        MatchResult byLegalForm = matcher.match(Companies.in("helios", "h1").named("Kelzenraio Blue GmbH")
                .country("US").build());
        MatchResult byTaxId = matcher.match(Companies.in("helios", "h2").named("Kelzenraio Blue").country("US")
                .taxId("DE 123 456 789").build());
        MatchResult unexplained = matcher.match(Companies.in("helios", "h3").named("Kelzenraio Blue Inc")
                .country("US").build());

        assertThat(byLegalForm.decision()).isEqualTo(MatchDecision.MERGE);
        assertThat(byLegalForm.reasons()).contains("own words no other company carries");
        assertThat(byTaxId.decision()).isEqualTo(MatchDecision.MERGE);
        assertThat(byTaxId.reasons()).contains("own words no other company carries",
                "other countries US / DE (a tax id issued in the other's country)");
        assertThat(unexplained.decision()).isNotEqualTo(MatchDecision.MERGE);
        assertThat(unexplained.reasons()).doesNotContain("own words no other company carries");
    }
}
