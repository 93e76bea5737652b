package dev.accordhub.model.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TestClockTest {

    static final Instant START = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void standsStillUntilMoved() {
        TestClock clock = TestClock.at(START);
        assertThat(clock.instant()).isEqualTo(START);
        assertThat(clock.instant()).isEqualTo(START);
        clock.advance(Duration.ofMinutes(5));
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(300));
    }

    @Test
    void aTickingClockMovesOneStepAtEachRead() {
        TestClock clock = TestClock.ticking(START, Duration.ofSeconds(1));
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(1));
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(2));
        clock.advance(Duration.ofSeconds(10));
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(13));
        assertThatThrownBy(() -> TestClock.ticking(START, Duration.ZERO)).hasMessageContaining("positive step");
    }
}
