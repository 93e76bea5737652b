package dev.accordhub.portal.security;

/** A bearer token the API does not accept; the message says why (for the 401's detail), never echoing the token. */
public class InvalidTokenException extends RuntimeException {

    public InvalidTokenException(String message) {
        super(message);
    }
}
