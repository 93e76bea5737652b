package dev.accordhub.routes.consolidate.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NameSimilarityTest {

    @Test
    void equalNamesAreOne() {
        assertThat(similarity("Acme Corp", "ACME Corporation")).isEqualTo(1.0);
    }

    @Test
    void aTypoInTheBrandKeepsTheNamesClose() {
        assertThat(similarity("Bluefin Systems", "Bluefni Systems")).isGreaterThan(0.92);
        assertThat(similarity("Rock Birch Energy", "Rofk Birch Energy")).isGreaterThan(0.9);
    }

    @Test
    void aSplitBrandIsTheSameWord() {
        assertThat(similarity("Blue Fin Systems", "Bluefin Systems")).isEqualTo(1.0, within(1e-9));
    }

    @Test
    void aMissingBusinessWordIsCloseAMissingFillerCloser() {
        double missingBusinessWord = similarity("Bluefin", "Bluefin Systems");
        double missingFiller = similarity("Bluefin", "Bluefin Group");

        assertThat(missingBusinessWord).isBetween(0.8, 0.9);
        assertThat(missingFiller).isGreaterThan(missingBusinessWord);
    }

    @Test
    void twoDifferentBusinessesOfOneBrandAreFarApart() {
        assertThat(similarity("Bluefin Systems", "Bluefin Networks")).isLessThan(0.7);
    }

    @Test
    void anAbbreviationTheVocabularyDoesNotListStillMatches() {
        assertThat(similarity("Lunar Manuf.", "Lunar Manufacturing")).isGreaterThan(0.92);
        assertThat(similarity("WKM Devt", "WKM Development")).isGreaterThan(0.92);
    }

    @Test
    void initialsAreCloseButNotEqual() {
        assertThat(similarity("LN", "Lion Networks")).isEqualTo(0.8);
    }

    @Test
    void twoSlipsInALongWordStillMatchButNotInAShortOne() {
        assertThat(similarity("Rizenmerex Trading", "Rieenmereex Trading")).isGreaterThan(0.8);
        assertThat(similarity("Kora Trading", "Kaxa Trading")).isLessThan(0.5);
    }

    @Test
    void aBusinessWordWrittenOutWithTwoSlipsIsThatWord() {
        assertThat(CompanyNameNormaliser.normalise("Corbriis Soluotoins AB")).isEqualTo("corbriis soluotoins");
        assertThat(similarity("Corbriis Soluotoins AB", "Corbriis-Solutions AB")).isGreaterThan(0.9);
        assertThat(similarity("Collins Intelantional SA", "COLLINS INTERNATIONAL GMBH")).isGreaterThan(0.9);
        assertThat(similarity("Sun Ocean Laboratrves", "Sun-Ocean Labs")).isGreaterThan(0.9);
        assertThat(NameSimilarity.businessWordWithSlips("soluotoins", "soln")).isTrue();
        assertThat(NameSimilarity.businessWordWithSlips("intelantional", "intl")).isTrue();
    }

    @Test
    void onlyABusinessWordWrittenOutIsReadWithTwoSlips() {
        assertThat(NameSimilarity.businessWordWithSlips("oluotions", "soln")).as("the first letter must be right")
                .isFalse();
        assertThat(NameSimilarity.businessWordWithSlips("soluxxxons", "soln")).as("three slips").isFalse();
        assertThat(NameSimilarity.businessWordWithSlips("systxmz", "sys")).as("'systems' is seven letters")
                .isTrue();
        assertThat(NameSimilarity.businessWordWithSlips("solutin", "soln"))
                .as("one slip: the vocabulary reads it as 'soln' already").isFalse();
        assertThat(NameSimilarity.businessWordWithSlips("rizenmerex", "rieenmereex"))
                .as("two own words: the two-slip rule of long words applies, not this one").isFalse();
        assertThat(NameSimilarity.businessWordWithSlips("soluotoins", "data")).as("no spelling that long")
                .isFalse();
    }

    @Test
    void aBrandWrittenAsOneWordMayCarryASlip() {
        assertThat(similarity("Pine Nova Distribution", "Pineanova Distribution")).isGreaterThan(0.9);
        assertThat(NameSimilarity.joinedAsInOther(new String[] {"pine", "nova", "dist"},
                new String[] {"pineanova", "dist"})).containsExactly("pinenova", "dist");
        assertThat(NameSimilarity.joinedAsInOther(new String[] {"jo", "kel", "tech"},
                new String[] {"jokew", "tech"})).as("five letters joined are too few to carry a slip")
                .containsExactly("jo", "kel", "tech");
        assertThat(NameSimilarity.joinedAsInOther(new String[] {"pine", "nova", "dist"},
                new String[] {"pineanovax", "dist"})).as("two slips").containsExactly("pine", "nova", "dist");
    }

    @Test
    void theOrderOfTheCompanysOwnWordsCounts() {
        assertThat(similarity("Delta High", "High Delta")).isLessThan(similarity("Delta High", "Delta High Inc"));
    }

    @Test
    void aWordWithANewEndingIsAnotherWordNotASlip() {
        assertThat(similarity("Telnex", "Telnexia")).isZero();
        assertThat(similarity("Martin Security", "Martinez Security")).isLessThan(0.7);
        assertThat(similarity("Telnex", "Telnexa")).as("one letter more is a slip").isGreaterThan(0.85);
        assertThat(NameSimilarity.extendedBy("telnexia", "telnex")).isTrue();
        assertThat(NameSimilarity.extendedBy("telnex", "telnexia")).isFalse();
    }

    @Test
    void shortWordsMustBeEqual() {
        assertThat(similarity("ABX Data", "ABC Data")).isLessThan(0.5);
    }

    private static double similarity(String a, String b) {
        return NameSimilarity.of(CompanyNameNormaliser.normalise(a), CompanyNameNormaliser.normalise(b));
    }
}
