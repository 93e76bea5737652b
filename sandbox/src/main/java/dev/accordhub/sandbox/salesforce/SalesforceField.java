package dev.accordhub.sandbox.salesforce;

/**
 * One field of an sObject. {@code writable} is false for the system fields (Id, IsDeleted, the dates) that
 * Salesforce refuses in a write; {@code referenceTo} names the sObject a lookup points to.
 */
record SalesforceField(String name, SalesforceFieldType type, boolean writable, String referenceTo, boolean externalId) {

    static SalesforceField system(String name, SalesforceFieldType type) {
        return new SalesforceField(name, type, false, null, false);
    }

    static SalesforceField writable(String name, SalesforceFieldType type) {
        return new SalesforceField(name, type, true, null, false);
    }

    static SalesforceField lookup(String name, String referenceTo) {
        return new SalesforceField(name, SalesforceFieldType.REFERENCE, true, referenceTo, false);
    }

    static SalesforceField externalId(String name) {
        return new SalesforceField(name, SalesforceFieldType.STRING, true, null, true);
    }
}
