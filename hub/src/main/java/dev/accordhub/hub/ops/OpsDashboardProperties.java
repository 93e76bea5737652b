package dev.accordhub.hub.ops;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code accord.ops-dashboard.*}: where the dashboard at {@code /ops} signs operators in. {@code issuerUri} is the
 * OIDC issuer (its discovery document names the authorization and token endpoints; by default the issuer the portal
 * API trusts), {@code clientId} a public client registered there with the redirect URI {@code <hub>/ops/}
 * (authorization code + PKCE, no secret), {@code scope} what to ask for, {@code refreshMillis} how often the page
 * polls. A bad value stops the hub at start-up with the property's name.
 */
@ConfigurationProperties("accord.ops-dashboard")
public record OpsDashboardProperties(String issuerUri, @DefaultValue("accord-ops") String clientId,
        @DefaultValue("openid accord.ops") String scope, @DefaultValue("2000") int refreshMillis) {

    public OpsDashboardProperties {
        if (issuerUri == null || issuerUri.isBlank()) {
            throw new IllegalArgumentException("accord.ops-dashboard.issuer-uri must name the OIDC issuer operators "
                    + "sign in at (default: accord.security.issuer-uri)");
        }
        URI parsed = URI.create(issuerUri.trim());
        if (!"https".equals(parsed.getScheme()) && !"http".equals(parsed.getScheme())) {
            throw new IllegalArgumentException("accord.ops-dashboard.issuer-uri must be an http(s) URL, got '"
                    + issuerUri + "'");
        }
        issuerUri = issuerUri.trim().replaceAll("/+$", "");
        if (clientId.isBlank()) {
            throw new IllegalArgumentException("accord.ops-dashboard.client-id must name the dashboard's public client");
        }
        if (refreshMillis < 500 || refreshMillis > 60_000) {
            throw new IllegalArgumentException("accord.ops-dashboard.refresh-millis must be 500 to 60000, got "
                    + refreshMillis);
        }
    }

    /** The issuer's origin, which the page may call (discovery, token): for the Content-Security-Policy. */
    String issuerOrigin() {
        URI uri = URI.create(issuerUri);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
