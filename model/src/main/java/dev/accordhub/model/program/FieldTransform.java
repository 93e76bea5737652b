package dev.accordhub.model.program;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Map;

/**
 * How one source value is cleaned before it is mapped, from a program file's {@code transforms}:
 * <pre>
 * transforms:
 *   country:   { trim: true, lookup: { Deutschland: DE, "United States": US }, case: upper }
 *   closeDate: { date-format: dd.MM.yyyy }
 *   amount:    { decimal-separator: "," }
 *   type:      { default: Reseller }
 * </pre>
 * Text steps run in this order: trim (on by default), lookup (exact, then case-insensitive), case, default when
 * empty. {@code date-format} and {@code decimal-separator} tell how dates and amounts are written at the source.
 */
public record FieldTransform(Boolean trim, Map<String, String> lookup, @JsonProperty("case") String letterCase,
        String dateFormat, String decimalSeparator, @JsonProperty("default") String defaultValue) {

    public FieldTransform {
        lookup = lookup == null ? Map.of() : Map.copyOf(lookup);
    }

    public String apply(String value) {
        String v = value;
        if (v != null && !Boolean.FALSE.equals(trim)) {
            v = v.trim().replaceAll("\\s+", " ");
        }
        if (v != null && !lookup.isEmpty()) {
            String found = lookup.get(v);
            if (found == null) {
                for (Map.Entry<String, String> entry : lookup.entrySet()) {
                    if (entry.getKey().equalsIgnoreCase(v)) {
                        found = entry.getValue();
                        break;
                    }
                }
            }
            v = found == null ? v : found;
        }
        if (v != null && letterCase != null) {
            v = "upper".equals(letterCase) ? v.toUpperCase(Locale.ROOT) : v.toLowerCase(Locale.ROOT);
        }
        if ((v == null || v.isEmpty()) && defaultValue != null) {
            v = defaultValue;
        }
        return v;
    }

    /** An amount as written at the source ({@code 1.234,56} with separator ",") in plain {@code 1234.56} form. */
    public String plainNumber(String value) {
        if (value == null || !",".equals(decimalSeparator)) {
            return value;
        }
        return value.replace(".", "").replace(" ", "").replace(',', '.');
    }
}
