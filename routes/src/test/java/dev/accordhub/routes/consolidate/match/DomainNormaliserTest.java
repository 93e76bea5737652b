package dev.accordhub.routes.consolidate.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainNormaliserTest {

    @ParameterizedTest(name = "{0} → {1} / {2}")
    @CsvSource(delimiter = '|', textBlock = """
            https://www.Acme.com/partners | acme.com      | acme
            shop.acme.co.uk               | acme.co.uk    | acme
            acme.co.uk                    | acme.co.uk    | acme
            http://ACME.COM.AU:8080/      | acme.com.au   | acme
            eu.shop.acme.de               | acme.de       | acme
            acme.io                       | acme.io       | acme
            """)
    void findsTheRegistrableDomainAndItsRootLabel(String website, String registrable, String root) {
        String domain = DomainNormaliser.normalise(website);

        assertThat(DomainNormaliser.registrableDomain(domain)).isEqualTo(registrable);
        assertThat(DomainNormaliser.rootLabel(domain)).isEqualTo(root);
    }

    @Test
    void aBareLabelOrNothingHasNoRoot() {
        assertThat(DomainNormaliser.normalise("  ")).isNull();
        assertThat(DomainNormaliser.rootLabel("localhost")).isNull();
        assertThat(DomainNormaliser.rootLabel(null)).isNull();
    }

    @Test
    void freeMailAndSiteBuildersIdentifyNobody() {
        assertThat(DomainNormaliser.isShared("gmail.com")).isTrue();
        assertThat(DomainNormaliser.isShared("mail.yahoo.co.uk")).isTrue();
        assertThat(DomainNormaliser.isShared("acme.com")).isFalse();
    }

    @ParameterizedTest(name = "{0} / {1} → {2}")
    @CsvSource({
        "acme, getacme, true",
        "acme, acme-online, true",
        "acme, acmehq, true",
        "acme, acme-de, true",
        "acme, myacme, true",
        "wilson, wilsondigital, false",
        "acme, acme, false",
        "acme, globex, false",
        "ab, abhq, false"})
    void recognisesASecondDomainOfTheSameName(String a, String b, boolean variant) {
        assertThat(DomainNormaliser.isMarketingVariant(a, b)).isEqualTo(variant);
        assertThat(DomainNormaliser.isMarketingVariant(b, a)).isEqualTo(variant);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "getacme, acme",
        "acme-online, acme",
        "acmegroup, acme",
        "myacme, acme",
        "acme-de, acme",
        "acme, acme",
        "getit, getit"})
    void aSecondDomainWithoutItsMarketingAffixIsTheName(String root, String base) {
        assertThat(DomainNormaliser.withoutMarketingAffix(root)).isEqualTo(base);
    }
}
