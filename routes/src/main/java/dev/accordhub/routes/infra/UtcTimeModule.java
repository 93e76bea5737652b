package dev.accordhub.routes.infra;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.LocalDateSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the timestamps every change event carries ({@code 2026-11-24T10:00:00Z}, {@code 2026-11-24T10:00:00.123Z},
 * {@code 2026-12-31}) without {@code java.time}'s formatters, which build a formatter per parse of an instant and
 * were a fifth of what consolidating a change cost (bench/README.md). Only those plain UTC forms take the short way;
 * everything else (offsets, numbers, leap seconds, anything malformed) goes to Jackson's own deserializers, which
 * also give the errors. Registered after Jackson's Java-time module (a Spring {@code Module} bean), so it wins.
 *
 * <p>It writes them the short way too: {@code DateTimeFormatter.ISO_INSTANT} was 8 % of the consolidation thread in
 * a backfill (every golden record and event carries several instants). The text is character for character what
 * Jackson writes (golden event ids hash it); years outside 0000–9999, and a mapper that writes dates as numbers,
 * are left to Jackson's serializers.
 */
public class UtcTimeModule extends SimpleModule {

    public UtcTimeModule() {
        super("accord-utc-time");
        addDeserializer(Instant.class, new FastInstant());
        addDeserializer(LocalDate.class, new FastLocalDate());
        addSerializer(Instant.class, new FastInstantWriter());
        addSerializer(LocalDate.class, new FastLocalDateWriter());
    }

    static final class FastInstantWriter extends StdSerializer<Instant> {
        FastInstantWriter() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            String text = provider.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS) ? null : format(value);
            if (text != null) {
                gen.writeString(text);
            } else {
                InstantSerializer.INSTANCE.serialize(value, gen, provider);
            }
        }
    }

    static final class FastLocalDateWriter extends StdSerializer<LocalDate> {
        FastLocalDateWriter() {
            super(LocalDate.class);
        }

        @Override
        public void serialize(LocalDate value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            int year = value.getYear();
            if (provider.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS) || year < 0 || year > 9999) {
                LocalDateSerializer.INSTANCE.serialize(value, gen, provider);
                return;
            }
            char[] text = new char[10];
            date(text, year, value.getMonthValue(), value.getDayOfMonth());
            gen.writeString(text, 0, 10);
        }
    }

    private static final long SECONDS_PER_DAY = 86_400;
    /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z in epoch seconds: the years written here. */
    private static final long FIRST = LocalDate.of(0, 1, 1).toEpochDay() * SECONDS_PER_DAY;
    private static final long END = LocalDate.of(10_000, 1, 1).toEpochDay() * SECONDS_PER_DAY;

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.SSS|.SSSSSS|.SSSSSSSSS]Z}, as {@code DateTimeFormatter.ISO_INSTANT} writes it
     * (seconds always, the fraction in as few groups of three digits as it needs), or null for a year it does not
     * write that way.
     */
    static String format(Instant value) {
        long seconds = value.getEpochSecond();
        if (seconds < FIRST || seconds >= END) {
            return null;
        }
        int nanos = value.getNano();
        int digits = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        char[] text = new char[20 + (digits == 0 ? 0 : digits + 1)];
        long day = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        LocalDate date = LocalDate.ofEpochDay(day);
        date(text, date.getYear(), date.getMonthValue(), date.getDayOfMonth());
        text[10] = 'T';
        two(text, 11, secondOfDay / 3_600);
        text[13] = ':';
        two(text, 14, secondOfDay / 60 % 60);
        text[16] = ':';
        two(text, 17, secondOfDay % 60);
        if (digits > 0) {
            text[19] = '.';
            int fraction = digits == 3 ? nanos / 1_000_000 : digits == 6 ? nanos / 1_000 : nanos;
            for (int i = 19 + digits; i > 19; i--) {
                text[i] = (char) ('0' + fraction % 10);
                fraction /= 10;
            }
        }
        text[text.length - 1] = 'Z';
        return new String(text);
    }

    private static void date(char[] text, int year, int month, int day) {
        two(text, 0, year / 100);
        two(text, 2, year % 100);
        text[4] = '-';
        two(text, 5, month);
        text[7] = '-';
        two(text, 8, day);
    }

    private static void two(char[] text, int at, int value) {
        text[at] = (char) ('0' + value / 10);
        text[at + 1] = (char) ('0' + value % 10);
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
