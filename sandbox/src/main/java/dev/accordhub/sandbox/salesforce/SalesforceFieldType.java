package dev.accordhub.sandbox.salesforce;

/** The few Salesforce field types the sandbox needs; they decide JSON form, SOQL literals and comparison. */
enum SalesforceFieldType {
    ID, STRING, BOOLEAN, DATETIME, DATE, NUMBER, REFERENCE;

    boolean isText() {
        return this == ID || this == STRING || this == REFERENCE;
    }
}
