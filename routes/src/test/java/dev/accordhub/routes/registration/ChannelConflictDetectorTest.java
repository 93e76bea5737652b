package dev.accordhub.routes.registration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accordhub.model.Deal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChannelConflictDetectorTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void theSameDomainWhateverItsSpellingIsTheSameCustomer() {
        assertThat(ChannelConflictDetector.sameCustomer(
                RegistrationHandlerTest.registration("a", "helios:partner:1", "https://www.Northwind.example/",
                        "Northwind", NOW),
                RegistrationHandlerTest.registration("b", "vantage:partner:2", "northwind.example", "NW Traders",
                        NOW))).isTrue();
    }

    @Test
    void withoutADomainTheNormalisedNameAndTheCountryDecide() {
        Deal a = RegistrationHandlerTest.registration("a", "helios:partner:1", null, "Contoso GmbH", NOW);
        Deal b = RegistrationHandlerTest.registration("b", "vantage:partner:2", null, "CONTOSO", NOW);
        Deal elsewhere = new Deal(b.id(), b.name(), b.partnerKey(), b.customerName(), b.amount(), b.stage(),
                b.closeDate(), b.updatedAt(), b.sources(), new dev.accordhub.model.DealRegistration(b.id(), "vantage",
                b.registration().status(), null, null, null, "FR", null, null, null, null, NOW, NOW, null,
                java.util.List.of(), false, null));

        assertThat(ChannelConflictDetector.sameCustomer(a, b)).isTrue();
        assertThat(ChannelConflictDetector.sameCustomer(a, elsewhere)).isFalse();
        assertThat(ChannelConflictDetector.sameCustomer(a, RegistrationHandlerTest.registration("c",
                "vantage:partner:2", null, "Fabrikam", NOW))).isFalse();
    }
}
