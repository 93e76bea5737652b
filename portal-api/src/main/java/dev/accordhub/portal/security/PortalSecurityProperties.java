package dev.accordhub.portal.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code accord.security.*}: the OIDC issuer whose tokens the portal API accepts, the audience they must be for, and
 * the scope that makes a caller an operator. Missing values stop the hub at start-up with the property's name.
 */
@ConfigurationProperties("accord.security")
public record PortalSecurityProperties(String issuerUri, String audience, @DefaultValue("accord.ops") String operatorScope) {

    public PortalSecurityProperties {
        if (issuerUri == null || issuerUri.isBlank()) {
            throw new IllegalArgumentException(
                    "accord.security.issuer-uri must name the OIDC issuer whose tokens the portal API accepts");
        }
        if (audience == null || audience.isBlank()) {
            throw new IllegalArgumentException(
                    "accord.security.audience must name the audience the portal's tokens are issued for");
        }
    }
}
