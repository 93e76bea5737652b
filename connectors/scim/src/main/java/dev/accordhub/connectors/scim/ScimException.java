package dev.accordhub.connectors.scim;

/**
 * A protocol error that {@link ScimService#handle} answers with a SCIM Error body (RFC 7644 §3.12).
 * {@code scimType} is set for the 400s and the 409 uniqueness; RFC 7644 gives 404, 405, 412, 413 and 415 none.
 */
public class ScimException extends RuntimeException {

    public static final String INVALID_FILTER = "invalidFilter";
    public static final String TOO_MANY = "tooMany";
    public static final String UNIQUENESS = "uniqueness";
    public static final String MUTABILITY = "mutability";
    public static final String INVALID_SYNTAX = "invalidSyntax";
    public static final String INVALID_PATH = "invalidPath";
    public static final String NO_TARGET = "noTarget";
    public static final String INVALID_VALUE = "invalidValue";

    private final int status;
    private final String scimType;

    public ScimException(int status, String scimType, String detail) {
        super(detail);
        this.status = status;
        this.scimType = scimType;
    }

    public static ScimException badRequest(String scimType, String detail) {
        return new ScimException(400, scimType, detail);
    }

    public static ScimException notFound(String detail) {
        return new ScimException(404, null, detail);
    }

    public int status() {
        return status;
    }

    public String scimType() {
        return scimType;
    }

    public String detail() {
        return getMessage();
    }
}
