package dev.accordhub.sandbox.oidc;

/**
 * A person who can sign in at the sandbox issuer. Only identity goes into the token (subject, e-mail, name): what
 * the person may see is the hub's business, derived from its own model.
 */
public record OidcUser(String subject, String username, String password, String email, String name) {
}
