package dev.accordhub.routes.consolidate.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompanyNameNormaliserTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Acme Corp                        | acme
            ACME Corporation                 | acme
            Acme, Inc.                       | acme
            Acme Incorporated                | acme
            Acme LLC                         | acme
            Bluefin Systems GmbH             | bluefin sys
            Bluefin Systeme AG               | bluefin sys
            Nordwind Handels GmbH & Co. KG   | nordwind handels
            Contoso Ltd                      | contoso
            Contoso Limited                  | contoso
            Contoso Ltd.                     | contoso
            Wingtip Pty Ltd                  | wingtip
            Fabrikam Co., Ltd.               | fabrikam
            Fabrikam K.K.                    | fabrikam
            Fabrikam Kabushiki Kaisha        | fabrikam
            Tailspin B.V.                    | tailspin
            Tailspin BV                      | tailspin
            Tailspin N.V.                    | tailspin
            Lucerne S.r.l.                   | lucerne
            Lucerne SRL                      | lucerne
            Lucerne S.p.A.                   | lucerne
            Lucerne SARL                     | lucerne
            Lucerne S.A.                     | lucerne
            Globex PLC                       | globex
            Globex Oy                        | globex
            Globex AB                        | globex
            Globex A/S                       | globex
            Globex SE                        | globex
            Polmex Sp. z o.o.                | polmex
            Infosys Pvt Ltd                  | infosys
            Infosys Private Limited          | infosys
            The Acme Company                 | acme
            Smith & Co                       | smith
            Johnson & Johnson                | johnson and johnson
            Johnson and Johnson              | johnson and johnson
            Société Générale SA              | societe generale
            Müller Technik GmbH              | muller technik
            Straße Logistik AG               | strasse logistics
            Ørsted A/S                       | orsted
            Acme International               | acme intl
            Acme Intl.                       | acme intl
            Acme Int'l                       | acme intl
            Acme Technologies                | acme tech
            Acme Technology                  | acme tech
            Acme Tech                        | acme tech
            Acme Technolgies                 | acme tech
            Acme Systems                     | acme sys
            Acme Sys                         | acme sys
            Acme Services                    | acme svc
            Acme Svcs                        | acme svc
            Acme Manufacturing               | acme mfg
            Acme Mfg.                        | acme mfg
            Acme Group                       | acme grp
            Acme Grp                         | acme grp
            Acme Solutions                   | acme soln
            Acme Solns                       | acme soln
            Blue-Ridge Networks              | blue ridge ntwk
            Amazon.com Inc                   | amazon com
            A.B. Dick Company                | ab dick
            '  Acme    Corp  '               | acme
            Limited                          | ltd
            The                              | the
            """)
    void normalisesCaseAccentsPunctuationLegalFormsAndAbbreviations(String raw, String expected) {
        assertThat(CompanyNameNormaliser.normalise(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Internet Solutions  | internet soln
            Corpus Analytics    | corpus analytics
            Cobalt Co Holdings  | cobalt co hldg
            """)
    void keepsWordsThatOnlyLookLikeVocabulary(String raw, String expected) {
        assertThat(CompanyNameNormaliser.normalise(raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Xalynbelio Associates Pte. Lt.  | xalynbelio assoc
            Lighthouse Polar Pte Ldt        | lighthouse polar
            Fox Gox GmHb                    | fox gox
            Zorclaen Kabushiki Kasiha       | zorclaen
            Vinzorion Groqup                | vinzorion grp
            Acme Sytems                     | acme sys
            Taaxwenex Privare Limited       | taaxwenex
            North Cobalt Capital Gmbw & Co. KG | north cobalt capital
            Tidal Horizon Kabnshiki Kaisha  | tidal horizon
            """)
    void readsASlipInALegalFormOrAShortBusinessWord(String raw, String expected) {
        assertThat(CompanyNameNormaliser.normalise(raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Acme Lt          | acme lt
            Acme Cor         | acme cor
            """)
    void aShortWordIsReadAsALegalFormOnlyAfterAnother(String raw, String expected) {
        assertThat(CompanyNameNormaliser.normalise(raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Wenragion Logistics Ltrd.     | wenragion logistics
            Gaaxwen Communications Ljtd.  | gaaxwen comm
            Sygara Lab GbH & Co. KG       | sygara lab
            Nytramara-Health GMH          | nytramara health
            """)
    void aWordWithoutVowelsOneSlipFromALegalFormWithoutVowelsIsThatForm(String raw, String expected) {
        assertThat(CompanyNameNormaliser.normalise(raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Kuala Sun                     | kuala sun
            Acme Lid                      | acme lid
            Acme Ply                      | acme ply
            LTRD                          | ltrd
            """)
    void aWordWithAVowelOrAloneStaysAWordOfTheName(String raw, String expected) {
        assertThat(CompanyNameNormaliser.normalise(raw)).isEqualTo(expected);
    }
}
