package dev.accordhub.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HubSpotValuesTest {

    @Test
    void storedDatetimesReadTheSameAsWithTheFormatter() {
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            // years 1970..2100, at millisecond precision, as the store writes them
            Instant instant = Instant.ofEpochMilli((long) (random.nextDouble() * 4_102_444_800_000L));
            String text = HubSpotValues.formatInstant(instant);
            assertThat(HubSpotValues.parseInstant(text)).as(text)
                    .isEqualTo(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant())
                    .isEqualTo(instant);
        }
    }

    @Test
    void otherFormsStillParse() {
        assertThat(HubSpotValues.parseInstant("2024-02-29T23:59:59.999Z")).isEqualTo("2024-02-29T23:59:59.999Z");
        assertThat(HubSpotValues.parseInstant("2026-11-25T10:00:00Z")).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(HubSpotValues.parseInstant("2026-11-25T11:00:00.000+01:00")).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(HubSpotValues.parseInstant("1764064800000")).isEqualTo("2025-11-25T10:00:00Z");
        assertThat(HubSpotValues.parseInstant("2026-11-25")).isEqualTo("2026-11-25T00:00:00Z");
    }

    @Test
    void invalidDatetimesInTheStoredFormAreStillRefused() {
        for (String bad : new String[] {"2025-02-29T10:00:00.000Z", "2026-13-01T10:00:00.000Z",
                "2026-11-25T24:00:00.000Z", "2026-11-25T10:60:00.000Z", "2026-11-2xT10:00:00.000Z"}) {
            assertThatThrownBy(() -> HubSpotValues.parseInstant(bad)).as(bad)
                    .isInstanceOf(DateTimeParseException.class);
            assertThat(HubSpotValues.instantOrNull(bad)).as(bad).isNull();
        }
        assertThat(HubSpotValues.compare(HubSpotProperty.Type.DATETIME, "2025-02-29T10:00:00.000Z", "a"))
                .isEqualTo(String.CASE_INSENSITIVE_ORDER.compare("2025-02-29T10:00:00.000Z", "a"));
    }
}
