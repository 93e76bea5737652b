package dev.accordhub.routes.consolidate.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InitialsTest {

    @ParameterizedTest(name = "{0} / {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            SCHL | Summit Clear Health Logistics     | true
            WRC  | Wong & Romano Capital             | true
            TF   | True Fusion Engineering           | true
            ZHTG | Zubelly Health Technologies       | true
            LN   | Lion Networks                     | true
            ABC  | Lion Networks                     | false
            LNX  | Lion                              | false
            SUMMITS | Summit Clear Health Logistics  | false
            """)
    void initialsStandForTheWordsLessConnectorsAndATrailingBusinessWord(String initials, String name,
            boolean stand) {
        assertThat(Initials.stand(words(initials), words(name))).isEqualTo(stand);
    }

    private static String[] words(String name) {
        return CompanyNameNormaliser.words(CompanyNameNormaliser.normalise(name));
    }
}
