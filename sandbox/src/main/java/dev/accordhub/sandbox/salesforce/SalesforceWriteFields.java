package dev.accordhub.sandbox.salesforce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the fields of a create, update or upsert body into stored values, refusing what Salesforce refuses:
 * unknown fields, system fields, values of the wrong type, and required fields left empty.
 */
final class SalesforceWriteFields {

    private SalesforceWriteFields() {
    }

    /**
     * @param raw          field names as the client spelled them, values as plain Java (see {@link SalesforceValues})
     * @param targetId     the record being updated; an {@code Id} equal to it in the body is tolerated
     */
    static Map<String, Object> resolve(SObjectType type, Map<String, Object> raw, String targetId) {
        Map<String, Object> resolved = new LinkedHashMap<>();
        List<String> readOnly = new ArrayList<>();
        raw.forEach((name, value) -> {
            if (name.equals("attributes")) {
                return; // clients that serialise whole sObjects send it; Salesforce ignores it
            }
            SalesforceField field = type.field(name)
                    .orElseThrow(() -> SalesforceApiException.invalidField(type.name(), name));
            if (!field.writable()) {
                boolean harmless = value == null || field.name().equals("Id") && value.toString().equals(targetId);
                if (!harmless) {
                    readOnly.add(field.name());
                }
                return;
            }
            resolved.put(field.name(), SalesforceValues.coerce(field, value));
        });
        if (!readOnly.isEmpty()) {
            throw new SalesforceApiException(400, "INVALID_FIELD_FOR_INSERT_UPDATE",
                    "Unable to create/update fields: " + String.join(", ", readOnly)
                            + ". Please check the security settings of this field and verify that it is read/write"
                            + " for your profile or permission set.", readOnly);
        }
        return resolved;
    }

    /** Required fields must be present and non-blank after the write is applied to {@code record}. */
    static void checkRequired(SObjectType type, Map<String, Object> record) {
        List<String> missing = type.requiredOnCreate().stream()
                .filter(name -> record.get(name) == null || record.get(name).toString().isBlank())
                .toList();
        if (!missing.isEmpty()) {
            throw new SalesforceApiException(400, "REQUIRED_FIELD_MISSING",
                    "Required fields are missing: " + missing, missing);
        }
    }
}
