package dev.accordhub.model.program;

import java.util.List;
import java.util.Map;

/**
 * How one canonical entity is read from a program's source system.
 *
 * @param object the source object type (Salesforce sObject, HubSpot object type)
 * @param where  an extra filter in the source's own query syntax, optional (e.g. {@code IsPartner = true})
 * @param fields canonical field name → source field name
 */
public record EntityMapping(String object, String where, Map<String, String> fields) {

    public EntityMapping {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    public String sourceField(String canonicalField) {
        return fields.get(canonicalField);
    }

    /** The source fields to request, in a stable order. */
    public List<String> sourceFields() {
        return fields.values().stream().distinct().sorted().toList();
    }
}
