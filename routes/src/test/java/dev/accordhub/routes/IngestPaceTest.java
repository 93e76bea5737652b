package dev.accordhub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IngestPaceTest {

    @Test
    void theTimerTicksAtTheShorterOfTheTwoPaces() {
        assertThat(new EngineConfiguration.IngestPace(500, 100).tickMs()).isEqualTo(100);
        assertThat(new EngineConfiguration.IngestPace(50, 100).tickMs()).as("an operator's shorter idle pace").isEqualTo(50);
    }

    @Test
    void aPaceBelowTenMillisecondsIsRefusedByName() {
        assertThatThrownBy(() -> new EngineConfiguration.IngestPace(0, 100))
                .hasMessageContaining("accord.ingest.poll-interval-ms").hasMessageContaining("got 0");
        assertThatThrownBy(() -> new EngineConfiguration.IngestPace(500, 5))
                .hasMessageContaining("accord.ingest.busy-poll-interval-ms").hasMessageContaining("got 5");
    }
}
