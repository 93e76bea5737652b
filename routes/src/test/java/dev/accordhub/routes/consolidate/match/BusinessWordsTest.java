package dev.accordhub.routes.consolidate.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BusinessWordsTest {

    @Test
    void oneBrandInTwoBusinessesIsTwoBusinesses() {
        assertThat(sameBrandOtherBusiness("Lake True Analytics", "LAKE TRUE DESIGN PVT. LTD.")).isTrue();
        assertThat(sameBrandOtherBusiness("Blue Fin Systems", "Bluefin Capital")).isTrue();
    }

    @Test
    void aDroppedOrAbbreviatedBusinessWordOrAnAddedFillerIsNot() {
        assertThat(sameBrandOtherBusiness("Lake True", "Lake True Design")).isFalse();
        assertThat(sameBrandOtherBusiness("Bluefin Technologies", "Bluefin Tech Group")).isFalse();
        assertThat(sameBrandOtherBusiness("Bluefin Manufacturing", "Bluefin Manuf.")).isFalse();
    }

    @Test
    void anotherBrandIsNotTheCaseThisRuleIsAbout() {
        assertThat(sameBrandOtherBusiness("Globex Systems", "Hank Scorpio Capital")).isFalse();
    }

    private static boolean sameBrandOtherBusiness(String a, String b) {
        return BusinessWords.sameBrandOtherBusiness(CompanyNameNormaliser.normalise(a),
                CompanyNameNormaliser.normalise(b));
    }
}
