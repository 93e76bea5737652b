package dev.accordhub.sandbox.oidc;

/**
 * A person who can sign in at the sandbox issuer. Only identity and granted scopes go into the token (subject,
 * e-mail, name, {@code scope}): which partner the person works for is the hub's business, derived from its own
 * model.
 */
public record OidcUser(String subject, String username, String password, String email, String name, String scope) {

    /** A user granted the plain {@code openid} scope, as every partner user is. */
    public OidcUser(String subject, String username, String password, String email, String name) {
        this(subject, username, password, email, name, "openid");
    }
}
