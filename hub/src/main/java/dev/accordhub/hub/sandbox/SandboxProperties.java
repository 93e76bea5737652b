package dev.accordhub.hub.sandbox;

import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The emulated CRMs of the default profile ({@code accord.sandbox.*}). Seeded data is drawn from {@code seed} and
 * dated before {@code anchor}, so a restarted demo serves the same records with the same stamps and the hub's
 * watermarks see nothing new.
 */
@ConfigurationProperties("accord.sandbox")
public record SandboxProperties(boolean enabled, long seed, int partnersPerProgram, Instant anchor,
        Salesforce salesforce, HubSpot hubspot, Nimbus nimbus, Oidc oidc, Erp erp) {

    public SandboxProperties {
        anchor = anchor == null ? Instant.parse("2026-11-20T00:00:00Z") : anchor;
    }

    public record Salesforce(int port, String clientId, String clientSecret) {
    }

    /** The third acquired program's Salesforce org; off when {@code enabled} is false. */
    public record Nimbus(boolean enabled, int port, int partners, String clientId, String clientSecret) {
    }

    /**
     * The demo's OpenID Connect issuer; its users are partner contacts of the seeded programs, plus an operator.
     * {@code publicClient}: the ops dashboard's browser sign-in (authorization code + PKCE), with its redirect URIs.
     */
    public record Oidc(boolean enabled, int port, String clientId, String clientSecret, String audience,
            java.time.Duration tokenLifetime, String password, PublicClient publicClient) {
    }

    /** A browser client without a secret; loopback redirect URIs allow any port. */
    public record PublicClient(String id, java.util.List<String> redirectUris) {
    }

    /**
     * The acquired companies' ERPs: helios's over OData v4, vantage's as interface tables in an H2 database served
     * over TCP; each seeded with a fund per partner of its program's CRM. Their finance teams decide a request or
     * claim after {@code decisionDelay} and pay an approved claim after {@code payoutDelay}.
     */
    public record Erp(boolean enabled, java.time.Duration decisionDelay, java.time.Duration payoutDelay,
            ErpOData helios, ErpSql vantage) {
    }

    public record ErpOData(int port, String clientId, String clientSecret) {
    }

    public record ErpSql(int port, String database, String user, String password) {
    }

    public record HubSpot(int port, String clientId, String clientSecret, String refreshToken, int requestsPerSecond) {
    }
}
