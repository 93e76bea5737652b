package dev.accordhub.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void roundsHalfEvenToTheCurrencysMinorUnit() {
        assertThat(Money.of("10.005", "EUR").amount()).isEqualByComparingTo("10.00");
        assertThat(Money.of("10.015", "EUR").amount()).isEqualByComparingTo("10.02");
        assertThat(Money.of("1234.5", "JPY").amount()).isEqualTo(new BigDecimal("1234"));
    }

    @Test
    void amountsOfDifferentScaleAreEqual() {
        assertThat(Money.of("100", "USD")).isEqualTo(Money.of("100.000", "USD"));
    }

    @Test
    void rejectsUnknownCurrency() {
        assertThatThrownBy(() -> Money.of("1", "XYZ1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XYZ1");
    }
}
