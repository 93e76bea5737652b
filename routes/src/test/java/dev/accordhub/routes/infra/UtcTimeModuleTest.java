package dev.accordhub.routes.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The short way must read exactly what Jackson's java.time deserializers read, write exactly what its serializers
 * write, and leave them everything else.
 */
class UtcTimeModuleTest {

    final ObjectMapper jackson = new ObjectMapper().registerModule(new JavaTimeModule());
    final ObjectMapper fast = new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(new UtcTimeModule());

    record Stamped(Instant at, LocalDate on) {
    }

    @Test
    void readsPlainUtcInstantsAndDatesAsJacksonDoes() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(-5_000_000_000L, 250_000_000_000L),
                    random.nextInt(1_000_000_000));
            for (String text : List.of(at.toString(), at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                    at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString())) {
                String date = at.atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
                String json = "{\"at\":\"" + text + "\",\"on\":\"" + date + "\"}";
                assertThat(fast.readValue(json, Stamped.class)).as(json).isEqualTo(jackson.readValue(json, Stamped.class));
            }
        }
        assertThat(UtcTimeModule.parseInstant("2024-02-29T23:59:59.5Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.5Z"));
        assertThat(UtcTimeModule.parseInstant("2026-11-24T10:00:00.12Z")).isEqualTo(Instant.parse("2026-11-24T10:00:00.12Z"));
    }

    @Test
    void writesInstantsAndDatesAsJacksonDoes() throws Exception {
        ObjectMapper jacksonText = jackson.copy().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        ObjectMapper fastText = fast.copy().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        Random random = new Random(7);
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH,
                Instant.parse("-999999-06-01T00:00:00Z"), Instant.parse("+999999-06-01T00:00:00.5Z"),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-12-31T23:59:59Z"),
                Instant.parse("1969-12-31T23:59:59.000000001Z"), Instant.parse("2024-02-29T12:00:00.100Z"),
                Instant.parse("2026-11-24T10:00:00.000100Z"), Instant.parse("2026-11-24T10:00:00.100000010Z")));
        for (int i = 0; i < 20_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(-100_000_000_000L, 300_000_000_000L),
                    random.nextInt(1_000_000_000));
            instants.addAll(List.of(at, at.truncatedTo(ChronoUnit.SECONDS), at.truncatedTo(ChronoUnit.MILLIS),
                    at.truncatedTo(ChronoUnit.MICROS)));
        }
        for (Instant at : instants) {
            LocalDate on = at.atZone(ZoneOffset.UTC).toLocalDate();
            Stamped stamped = new Stamped(at, on);
            assertThat(fastText.writeValueAsString(stamped)).as(at.toString())
                    .isEqualTo(jacksonText.writeValueAsString(stamped));
            assertThat(fast.writeValueAsString(stamped)).as("as numbers: " + at)
                    .isEqualTo(jackson.writeValueAsString(stamped));
        }
        assertThat(fastText.writeValueAsString(new Stamped(Instant.parse("2026-11-24T10:00:00.120Z"), null)))
                .isEqualTo("{\"at\":\"2026-11-24T10:00:00.120Z\",\"on\":null}");
    }

    @Test
    void leavesEveryOtherFormToJackson() throws Exception {
        for (String other : List.of("2026-11-24T10:00:00+02:00", "2026-11-24T10:00:00.123456789012Z",
                "2026-11-24t10:00:00Z", "2026-11-24T10:00Z", "2026-11-24T24:00:00Z", "2023-02-29T10:00:00Z",
                "2026-13-01T10:00:00Z", "2026-11-24T10:00:00.Z", "+12026-11-24T10:00:00Z", "2026-11-24T10:00:6aZ")) {
            assertThat(UtcTimeModule.parseInstant(other)).as(other).isNull();
        }
        String offset = "{\"at\":\"2026-11-24T10:00:00+02:00\"}";
        assertThat(fast.readValue(offset, Stamped.class).at()).isEqualTo(Instant.parse("2026-11-24T08:00:00Z"));
        assertThat(fast.readValue("{\"at\":1764000000}", Stamped.class).at()).isEqualTo(Instant.ofEpochSecond(1764000000));
        assertThat(UtcTimeModule.parseDate("2023-02-29", 0, 10)).isNull();
        assertThatThrownBy(() -> fast.readValue("{\"on\":\"2023-02-29\"}", Stamped.class))
                .isInstanceOf(InvalidFormatException.class);
        assertThatThrownBy(() -> fast.readValue("{\"at\":\"yesterday\"}", Stamped.class))
                .isInstanceOf(InvalidFormatException.class).hasMessageContaining("yesterday");
    }
}
