package dev.accordhub.model.incentive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accordhub.model.Money;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ErpChangeTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void aChangeCarriesExactlyTheDocumentItsKindNames() {
        Payout payout = new Payout("p1", "helios", "c1", "f1", Money.of("10", "EUR"), NOW);
        ErpChange change = ErpChange.of("helios", 7, payout);

        assertThat(change.kind()).isEqualTo(ErpChange.Kind.PAYOUT);
        assertThat(change.key()).isEqualTo("helios:PAYOUT:p1");
        assertThat(ErpChange.of("vantage", 1, new FxRate("vantage", "EUR", "USD", BigDecimal.ONE, NOW)).key())
                .isEqualTo("vantage:FX_RATE:EUR");
        assertThatThrownBy(() -> new ErpChange("helios", ErpChange.Kind.CLAIM, 1, null, null, null, payout, null))
                .hasMessageContaining("exactly one CLAIM");
    }

    @Test
    void aCursorOnlyMovesForward() {
        ErpCursor cursor = ErpCursor.START.with(ErpChange.Kind.CLAIM, 5).with(ErpChange.Kind.FUND, 2);

        assertThat(cursor.position(ErpChange.Kind.CLAIM)).isEqualTo(5);
        assertThat(cursor.with(ErpChange.Kind.CLAIM, 3).position(ErpChange.Kind.CLAIM)).isEqualTo(5);
        assertThat(cursor.position(ErpChange.Kind.PAYOUT)).isZero();
        assertThat(ErpCursor.START.positions()).isEmpty();
    }
}
