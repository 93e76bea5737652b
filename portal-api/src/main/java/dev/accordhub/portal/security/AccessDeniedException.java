package dev.accordhub.portal.security;

/** The caller is authenticated but may not do this; the message says why, in words an end user can act on. */
public class AccessDeniedException extends RuntimeException {

    public AccessDeniedException(String message) {
        super(message);
    }
}
