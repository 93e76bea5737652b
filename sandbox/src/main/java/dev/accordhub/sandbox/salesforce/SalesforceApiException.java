package dev.accordhub.sandbox.salesforce;

import java.util.List;

/**
 * A refusal in Salesforce's words: answered as {@code [{"message","errorCode","fields"}]} with the status. The
 * sandbox's Java helpers throw it too, so a test sees the same refusal a client over HTTP would.
 */
public final class SalesforceApiException extends RuntimeException {

    private final int status;
    private final String errorCode;
    private final List<String> fields;

    SalesforceApiException(int status, String errorCode, String message, List<String> fields) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
        this.fields = List.copyOf(fields);
    }

    SalesforceApiException(int status, String errorCode, String message) {
        this(status, errorCode, message, List.of());
    }

    static SalesforceApiException notFound() {
        return new SalesforceApiException(404, "NOT_FOUND", "The requested resource does not exist");
    }

    static SalesforceApiException invalidType(String type) {
        return new SalesforceApiException(400, "INVALID_TYPE",
                "sObject type '" + type + "' is not supported. If you are attempting to use a custom object, be sure to"
                        + " append the '__c' after the entity name.");
    }

    static SalesforceApiException invalidField(String type, String field) {
        return new SalesforceApiException(400, "INVALID_FIELD",
                "No such column '" + field + "' on sobject of type " + type, List.of(field));
    }

    static SalesforceApiException malformedQuery(String message) {
        return new SalesforceApiException(400, "MALFORMED_QUERY", message);
    }

    static SalesforceApiException jsonParse(String message) {
        return new SalesforceApiException(400, "JSON_PARSER_ERROR", message);
    }

    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    public List<String> fields() {
        return fields;
    }
}
