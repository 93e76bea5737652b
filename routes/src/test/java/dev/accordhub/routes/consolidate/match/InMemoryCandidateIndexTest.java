package dev.accordhub.routes.consolidate.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InMemoryCandidateIndexTest {

    final InMemoryCandidateIndex index = new InMemoryCandidateIndex(3);

    @Test
    void findsRecordsThatShareAKeyButNeverTheProbeItself() {
        CompanyCandidate acme = Companies.in("helios", "h1").named("Acme Corp").country("US").build();
        CompanyCandidate globex = Companies.in("helios", "h2").named("Globex").country("US").build();
        index.add(acme);
        index.add(globex);

        assertThat(index.candidatesFor(Companies.in("vantage", "v1").named("ACME Inc").country("US").build()))
                .containsExactly(acme);
        assertThat(index.candidatesFor(acme)).isEmpty();
    }

    @Test
    void aChangedRecordReplacesItsOldKeys() {
        index.add(Companies.in("helios", "h1").named("Acme").country("US").build());
        index.add(Companies.in("helios", "h1").named("Initech").country("US").build());

        assertThat(index.size()).isEqualTo(1);
        assertThat(index.candidatesFor(Companies.in("vantage", "v1").named("Acme").country("US").build())).isEmpty();
        assertThat(index.candidatesFor(Companies.in("vantage", "v1").named("Initech").country("US").build()))
                .hasSize(1);
    }

    @Test
    void removeForgetsTheRecordAndItsEmptyBlocks() {
        index.add(Companies.in("helios", "h1").named("Acme").country("US").build());

        assertThat(index.remove("helios:partner:h1")).isTrue();
        assertThat(index.remove("helios:partner:h1")).isFalse();
        assertThat(index.size()).isZero();
        assertThat(index.blockCount()).isZero();
    }

    @Test
    void aBlockAboveTheCapIsSkippedButAnExactKeyBlockNeverIs() {
        for (int i = 0; i < 4; i++) {
            index.add(Companies.in("helios", "h" + i).named("Smith " + i + " Consulting").country("US")
                    .taxId(i == 0 ? "US999" : null).build());
        }
        CompanyCandidate probe = Companies.in("vantage", "v1").named("Smith").country("US").taxId("US999").build();

        assertThat(index.candidatesFor(probe)).extracting(CompanyCandidate::sourceKey)
                .containsExactly("helios:partner:h0");
        assertThat(index.oversizedBlocksSkipped()).isPositive();
    }
}
