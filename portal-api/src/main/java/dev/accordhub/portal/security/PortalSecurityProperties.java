package dev.accordhub.portal.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code accord.security.*}: the OIDC issuer whose tokens the portal API accepts, the audience they must be for, the
 * scope that makes a caller an operator, and the vendor's channel managers: a token with the channel scope whose
 * e-mail is listed here sees the partners of its territories and programs. Missing values stop the hub at
 * start-up with the property's name.
 */
@ConfigurationProperties("accord.security")
public record PortalSecurityProperties(String issuerUri, String audience,
        @DefaultValue("accord.ops") String operatorScope,
        @DefaultValue("accord.channel") String channelManagerScope,
        java.util.Map<String, ChannelAssignment> channelManagers) {

    /** The partners a channel manager looks after: those in these territories, and those of these programs. */
    public record ChannelAssignment(java.util.List<String> territories, java.util.List<String> programs) {

        public ChannelAssignment {
            territories = territories == null ? java.util.List.of() : java.util.List.copyOf(territories);
            programs = programs == null ? java.util.List.of() : java.util.List.copyOf(programs);
        }
    }

    public PortalSecurityProperties {
        if (issuerUri == null || issuerUri.isBlank()) {
            throw new IllegalArgumentException(
                    "accord.security.issuer-uri must name the OIDC issuer whose tokens the portal API accepts");
        }
        if (audience == null || audience.isBlank()) {
            throw new IllegalArgumentException(
                    "accord.security.audience must name the audience the portal's tokens are issued for");
        }
        java.util.Map<String, ChannelAssignment> byEmail = new java.util.HashMap<>();
        if (channelManagers != null) {
            channelManagers.forEach((email, assignment) -> {
                if (assignment == null || (assignment.territories().isEmpty() && assignment.programs().isEmpty())) {
                    throw new IllegalArgumentException("accord.security.channel-managers." + email
                            + " must list territories or programs");
                }
                byEmail.put(email.trim().toLowerCase(java.util.Locale.ROOT), assignment);
            });
        }
        channelManagers = java.util.Map.copyOf(byEmail);
    }
}
