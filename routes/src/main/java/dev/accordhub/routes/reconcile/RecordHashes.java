package dev.accordhub.routes.reconcile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a record's canonical JSON (properties sorted at every level), so field order never counts as drift. */
final class RecordHashes {

    private final ObjectMapper canonical;

    RecordHashes(ObjectMapper json) {
        this.canonical = json.copy().configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true);
    }

    String of(String recordJson) {
        try {
            byte[] text = canonical.writeValueAsBytes(canonical.readTree(recordJson));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + recordJson, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
