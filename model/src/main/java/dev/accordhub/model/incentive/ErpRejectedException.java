package dev.accordhub.model.incentive;

/** The ERP refused a document for good (validation, unknown fund): retrying the same payload cannot help. */
public class ErpRejectedException extends RuntimeException {

    public ErpRejectedException(String message) {
        super(message);
    }

    public ErpRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
