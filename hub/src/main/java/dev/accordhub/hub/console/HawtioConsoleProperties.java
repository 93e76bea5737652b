package dev.accordhub.hub.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code accord.hawtio.*}: the client the hub signs operators in with at the OIDC issuer of
 * {@code accord.security.issuer-uri} when they log in to the Hawtio console (resource-owner password grant). The
 * client must be allowed that grant and issue tokens for {@code accord.security.audience}. Missing values stop the
 * hub at start-up with the property's name.
 */
@ConfigurationProperties("accord.hawtio")
public record HawtioConsoleProperties(String clientId, String clientSecret) {

    public HawtioConsoleProperties {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("accord.hawtio.client-id must name the OIDC client that signs "
                    + "operators in to the Hawtio console (password grant), or set hawtio.enabled=false");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("accord.hawtio.client-secret must be the secret of the OIDC client "
                    + "accord.hawtio.client-id, or set hawtio.enabled=false");
        }
    }
}
