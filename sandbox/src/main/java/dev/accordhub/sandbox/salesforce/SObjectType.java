package dev.accordhub.sandbox.salesforce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An sObject type: its fields (looked up case-insensitively, as Salesforce does) and what a create needs. */
final class SObjectType {

    private final String name;
    private final String keyPrefix;
    private final List<String> requiredOnCreate;
    private final Map<String, SalesforceField> fieldsByLowerName = new LinkedHashMap<>();

    SObjectType(String name, String keyPrefix, List<String> requiredOnCreate, List<SalesforceField> fields) {
        this.name = name;
        this.keyPrefix = keyPrefix;
        this.requiredOnCreate = List.copyOf(requiredOnCreate);
        fields.forEach(this::add);
    }

    String name() {
        return name;
    }

    String keyPrefix() {
        return keyPrefix;
    }

    List<String> requiredOnCreate() {
        return requiredOnCreate;
    }

    synchronized Optional<SalesforceField> field(String anyCase) {
        return Optional.ofNullable(fieldsByLowerName.get(anyCase.toLowerCase(Locale.ROOT)));
    }

    synchronized List<SalesforceField> fields() {
        return new ArrayList<>(fieldsByLowerName.values());
    }

    /**
     * The field an upsert or a get-by-external-id keys on: {@code Id} or an external id field. An upsert may name a
     * custom field the org does not have yet; the sandbox creates it, where a real org needs an admin to set it up.
     */
    synchronized SalesforceField externalIdField(String anyCase, boolean createIfMissing) {
        Optional<SalesforceField> known = field(anyCase);
        if (known.isPresent() && (known.get().externalId() || known.get().name().equals("Id"))) {
            return known.get();
        }
        if (known.isEmpty() && createIfMissing && anyCase.endsWith("__c")) {
            SalesforceField created = SalesforceField.externalId(anyCase);
            add(created);
            return created;
        }
        throw new SalesforceApiException(404, "NOT_FOUND",
                "Provided external ID field does not exist or is not accessible: " + anyCase);
    }

    private void add(SalesforceField field) {
        fieldsByLowerName.put(field.name().toLowerCase(Locale.ROOT), field);
    }
}
