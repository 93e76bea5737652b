package dev.accordhub.portal.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accordhub.model.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecentRatesTest {

    final TestClock clock = TestClock.at(Instant.parse("2026-11-20T10:00:00Z"));
    final RecentRates rates = new RecentRates(Duration.ofSeconds(10), clock);

    @Test
    void theFirstLookHasNoRateTheNextOneHasTheGrowthPerSecond() {
        assertThat(rates.observe("a", 100, 0)).isEmpty();
        clock.advance(Duration.ofSeconds(2));

        RecentRates.Change change = rates.observe("a", 110, 1).orElseThrow();
        assertThat(change.seconds()).isEqualTo(2.0);
        assertThat(change.perSecond(0)).isEqualTo(5.0);
        assertThat(change.growth()[1]).isEqualTo(1);
    }

    @Test
    void theRateIsOverTheLastWindowNotSinceTheStart() {
        rates.observe("a", 0);
        for (int second = 1; second <= 30; second++) {
            clock.advance(Duration.ofSeconds(1));
            // 100 per second for 20 s, then quiet
            rates.observe("a", Math.min(second, 20) * 100L);
        }
        clock.advance(Duration.ofSeconds(1));

        assertThat(rates.observe("a", 2000).orElseThrow().perSecond(0)).as("quiet for the last 11 s").isZero();
    }

    @Test
    void aBaselineFromLongAgoIsDroppedRatherThanAveragedOverMinutes() {
        rates.observe("a", 0);
        clock.advance(Duration.ofMinutes(5));

        assertThat(rates.observe("a", 3000)).isEmpty();
        clock.advance(Duration.ofSeconds(2));
        assertThat(rates.observe("a", 3010).orElseThrow().perSecond(0)).isEqualTo(5.0);
    }

    @Test
    void aCounterThatWentBackStartsOver() {
        rates.observe("a", 500);
        clock.advance(Duration.ofSeconds(2));

        assertThat(rates.observe("a", 10)).isEmpty();
        clock.advance(Duration.ofSeconds(2));
        assertThat(rates.observe("a", 30).orElseThrow().perSecond(0)).isEqualTo(10.0);
    }

    @Test
    void keysAreIndependent() {
        rates.observe("a", 0);
        rates.observe("b", 0);
        clock.advance(Duration.ofSeconds(1));

        assertThat(rates.observe("a", 10).orElseThrow().perSecond(0)).isEqualTo(10.0);
        assertThat(rates.observe("b", 1).orElseThrow().perSecond(0)).isEqualTo(1.0);
    }
}
