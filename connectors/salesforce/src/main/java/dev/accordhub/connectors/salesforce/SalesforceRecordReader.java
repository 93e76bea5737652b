package dev.accordhub.connectors.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accordhub.model.source.SourcePage;
import dev.accordhub.model.source.SourceRecord;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a Salesforce REST query answer ({@code totalSize, done, nextRecordsUrl, records}) into a source page. */
public final class SalesforceRecordReader {

    /** Salesforce writes datetimes as {@code 2026-11-25T10:00:00.000+0000}. */
    static final DateTimeFormatter SALESFORCE_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXX");

    private final ObjectMapper json;

    public SalesforceRecordReader(ObjectMapper json) {
        this.json = json;
    }

    public SourcePage read(String queryResult) {
        JsonNode root;
        try {
            root = json.readTree(queryResult);
        } catch (IOException e) {
            throw new IllegalArgumentException("Salesforce query answer is not JSON: " + e.getMessage(), e);
        }
        List<SourceRecord> records = new ArrayList<>();
        for (JsonNode node : root.path("records")) {
            records.add(toRecord(node));
        }
        boolean done = root.path("done").asBoolean(true);
        String next = done ? null : root.path("nextRecordsUrl").asText(null);
        return new SourcePage(records, next);
    }

    private SourceRecord toRecord(JsonNode node) {
        Map<String, Object> fields = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> {
            if (!"attributes".equals(field.getKey())) {
                JsonNode v = field.getValue();
                fields.put(field.getKey(), v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString());
            }
        });
        return new SourceRecord(text(node, "Id"), modstamp(text(node, "SystemModstamp")),
                node.path("IsDeleted").asBoolean(false), fields, node.toString());
    }

    static Instant modstamp(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value, SALESFORCE_DATETIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
