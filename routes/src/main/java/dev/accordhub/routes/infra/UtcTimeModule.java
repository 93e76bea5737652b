package dev.accordhub.routes.infra;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the timestamps every change event carries ({@code 2026-11-24T10:00:00Z}, {@code 2026-11-24T10:00:00.123Z},
 * {@code 2026-12-31}) without {@code java.time}'s formatters, which build a formatter per parse of an instant and
 * were a fifth of what consolidating a change cost (bench/README.md). Only those plain UTC forms take the short way;
 * everything else (offsets, numbers, leap seconds, anything malformed) goes to Jackson's own deserializers, which
 * also give the errors. Registered after Jackson's Java-time module (a Spring {@code Module} bean), so it wins.
 */
public class UtcTimeModule extends SimpleModule {

    public UtcTimeModule() {
        super("accord-utc-time");
        addDeserializer(Instant.class, new FastInstant());
        addDeserializer(LocalDate.class, new FastLocalDate());
    }

    static final class FastInstant extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                Instant fast = parseInstant(p.getText());
                if (fast != null) {
                    return fast;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(p, ctxt);
        }
    }

    static final class FastLocalDate extends JsonDeserializer<LocalDate> {
        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                LocalDate fast = parseDate(p.getText(), 0, p.getTextLength());
                if (fast != null) {
                    return fast;
                }
            }
            return LocalDateDeserializer.INSTANCE.deserialize(p, ctxt);
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, or null for anything else. */
    static Instant parseInstant(String s) {
        int n = s.length();
        if (n < 20 || n > 30 || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':'
                || s.charAt(n - 1) != 'Z') {
            return null;
        }
        LocalDate date = parseDate(s, 0, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if (date == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21; // between '.' and 'Z'
            if (s.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            nanos = digits(s, 20, n - 1);
            if (nanos < 0) {
                return null;
            }
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        return Instant.ofEpochSecond(date.toEpochDay() * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** {@code yyyy-MM-dd} in {@code s[from, to)}, or null for anything else (a day the month does not have too). */
    static LocalDate parseDate(String s, int from, int to) {
        if (to - from != 10 || s.charAt(from + 4) != '-' || s.charAt(from + 7) != '-') {
            return null;
        }
        int year = digits(s, from, from + 4);
        int month = digits(s, from + 5, from + 7);
        int day = digits(s, from + 8, from + 10);
        if (year < 0 || month < 1 || month > 12 || day < 1
                || day > 28 && day > java.time.Month.of(month).length(java.time.Year.isLeap(year))) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /** The decimal number in {@code s[from, to)}, or -1 if a character there is not an ASCII digit. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
