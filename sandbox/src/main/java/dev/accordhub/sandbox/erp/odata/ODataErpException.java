package dev.accordhub.sandbox.erp.odata;

/** The ERP refuses a request; the processor answers it as an OData error with this status and code. */
final class ODataErpException extends RuntimeException {

    private final int status;
    private final String code;

    ODataErpException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
