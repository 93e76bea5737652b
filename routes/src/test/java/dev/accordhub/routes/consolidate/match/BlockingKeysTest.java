package dev.accordhub.routes.consolidate.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import org.junit.jupiter.api.Test;

class BlockingKeysTest {

    @Test
    void aSecondDomainSharesABlockWithTheFirst() {
        CompanyCandidate fullName = Companies.in("helios", "h1").named("Trail Harbor Cloud")
                .web("trailharborcloud.com").country("IN").build();
        CompanyCandidate initialsOnItsSecondDomain = Companies.in("nimbus", "n1").named("THC Pvt Ltd")
                .web("trailharborcloud-online.com").country("IN").build();

        assertThat(BlockingKeys.of(initialsOnItsSecondDomain)).contains("d|trailharborcloud");
        assertThat(Collections.disjoint(BlockingKeys.of(fullName), BlockingKeys.of(initialsOnItsSecondDomain)))
                .isFalse();
    }

    @Test
    void initialsAtTheSamePostalCodeShareABlockWithTheFullName() {
        CompanyCandidate fullName = Companies.in("helios", "h1").named("Zubelly Health Technologies NV")
                .country("NL").at("Amsterdam", "30056").build();
        CompanyCandidate initials = Companies.in("vantage", "v1").named("ZHT").country("NL")
                .at("Amsterdam", "30 056").build();
        CompanyCandidate elsewhere = Companies.in("vantage", "v2").named("ZHT").country("NL")
                .at("Utrecht", "35011").build();

        assertThat(BlockingKeys.of(initials)).contains("p|NL|30056|z");
        assertThat(Collections.disjoint(BlockingKeys.of(fullName), BlockingKeys.of(initials))).isFalse();
        assertThat(Collections.disjoint(BlockingKeys.of(fullName), BlockingKeys.of(elsewhere))).isTrue();
    }
}
