package dev.accordhub.portal.security;

/** A bearer token the portal does not accept (or none at all); the message says why without repeating the token. */
public class InvalidTokenException extends RuntimeException {

    private final boolean missing;

    public InvalidTokenException(String message) {
        this(message, false);
    }

    private InvalidTokenException(String message, boolean missing) {
        super(message);
        this.missing = missing;
    }

    public static InvalidTokenException missing() {
        return new InvalidTokenException("No bearer token: send Authorization: Bearer <access token>", true);
    }

    /** No token was presented at all (RFC 6750 §3.1: the challenge then carries no error code). */
    public boolean isMissing() {
        return missing;
    }
}
