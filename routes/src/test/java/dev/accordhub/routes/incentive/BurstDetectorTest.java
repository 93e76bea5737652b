package dev.accordhub.routes.incentive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BurstDetectorTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:30:00Z");
    final BurstDetector detector = new BurstDetector(IntegrityProperties.defaults()); // 1 h, 30 d, ×5, min 10

    @Test
    void aBusyPartnerIsHeldToItsOwnBaseline() {
        List<Instant> times = new ArrayList<>();
        for (int hour = 2; hour < 30 * 24; hour++) {
            for (int i = 0; i < 3; i++) {                // 3 an hour for a month: 15 an hour is a burst
                times.add(NOW.minus(Duration.ofHours(hour)).plusSeconds(i * 60L));
            }
        }
        times.addAll(recent(14));
        assertThat(detector.check(times, NOW)).as("14 < 5 × ~3").isEmpty();

        times.addAll(recent(2));
        assertThat(detector.check(times, NOW)).hasValueSatisfying(b -> {
            assertThat(b.recent()).isEqualTo(16);
            assertThat(b.baselinePerWindow()).isBetween(2.9, 3.0);
        });
    }

    @Test
    void aQuietPartnerIsHeldToTheMinimum() {
        assertThat(detector.check(recent(9), NOW)).isEmpty();
        assertThat(detector.check(recent(10), NOW)).isPresent();
        // spread over two hours, the same ten are no burst
        List<Instant> spread = new ArrayList<>(recent(5));
        for (int i = 0; i < 5; i++) {
            spread.add(NOW.minus(Duration.ofMinutes(90 + i)));
        }
        assertThat(detector.check(spread, NOW)).isEmpty();
    }

    @Test
    void nonsenseSettingsAreRefusedWithTheirNames() {
        assertThatThrownBy(() -> new IntegrityProperties(null, null, null, null, Duration.ofHours(2),
                Duration.ofHours(1), null, null)).hasMessageContaining("accord.integrity.bulk-baseline");
        assertThatThrownBy(() -> new IntegrityProperties(null, null, null, null, null, null, 0.5, null))
                .hasMessageContaining("accord.integrity.bulk-factor");
    }

    private static List<Instant> recent(int count) {
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            times.add(NOW.minusSeconds(30L * i));
        }
        return times;
    }
}
