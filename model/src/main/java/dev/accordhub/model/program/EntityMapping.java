package dev.accordhub.model.program;

import java.util.List;
import java.util.Map;

/**
 * How one canonical entity is read from a program's source system.
 *
 * @param object the source object type (Salesforce sObject, HubSpot object type)
 * @param where  an extra filter in the source's own query syntax, optional (e.g. {@code IsPartner = true})
 * @param fields     canonical field name → source field name
 * @param transforms canonical field name → how its source value is cleaned first (optional)
 */
public record EntityMapping(String object, String where, Map<String, String> fields,
        Map<String, FieldTransform> transforms) {

    public EntityMapping {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        transforms = transforms == null ? Map.of() : Map.copyOf(transforms);
    }

    public EntityMapping(String object, String where, Map<String, String> fields) {
        this(object, where, fields, Map.of());
    }

    /** The transform of a canonical field, or null. */
    public FieldTransform transform(String canonicalField) {
        return transforms.get(canonicalField);
    }

    public String sourceField(String canonicalField) {
        return fields.get(canonicalField);
    }

    /** The source fields to request, in a stable order. */
    public List<String> sourceFields() {
        return fields.values().stream().distinct().sorted().toList();
    }
}
