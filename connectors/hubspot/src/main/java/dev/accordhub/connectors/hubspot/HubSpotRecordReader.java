package dev.accordhub.connectors.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accordhub.model.source.SourceRecord;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads HubSpot CRM v3 object lists and search answers ({@code results[], paging.next.after}). */
public final class HubSpotRecordReader {

    private final ObjectMapper json;

    public HubSpotRecordReader(ObjectMapper json) {
        this.json = json;
    }

    /** The records and the {@code after} cursor of the next page, or null on the last page. */
    public record Results(List<SourceRecord> records, String after) {
    }

    public Results read(String answer) {
        JsonNode root;
        try {
            root = json.readTree(answer);
        } catch (IOException e) {
            throw new IllegalArgumentException("HubSpot answer is not JSON: " + e.getMessage(), e);
        }
        List<SourceRecord> records = new ArrayList<>();
        for (JsonNode node : root.path("results")) {
            records.add(toRecord(node));
        }
        JsonNode after = root.path("paging").path("next").path("after");
        return new Results(records, after.isMissingNode() || after.isNull() ? null : after.asText());
    }

    private SourceRecord toRecord(JsonNode node) {
        Map<String, Object> fields = new LinkedHashMap<>();
        node.path("properties").fields().forEachRemaining(p ->
                fields.put(p.getKey(), p.getValue().isNull() ? null : p.getValue().asText()));
        String id = node.path("id").asText(null);
        fields.putIfAbsent("id", id);
        boolean archived = node.path("archived").asBoolean(false);
        // An archived object's last change is its archiving.
        Instant version = instant(firstNonNull(archived ? node.path("archivedAt").asText(null) : null,
                fields.get("hs_lastmodifieddate"), fields.get("lastmodifieddate"), node.path("updatedAt").asText(null)));
        return new SourceRecord(id, version, archived, fields, node.toString());
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        try {
            return text.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(text))
                    : Instant.parse(text);
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    private static Object firstNonNull(Object... values) {
        for (Object v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
