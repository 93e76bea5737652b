package dev.accordhub.portal.security;

import java.util.List;

/**
 * Who is calling the portal API, derived from a validated token and the golden model, never from the request.
 * A partner user sees one partner company, their own; an operator (the operator scope in the token) sees every
 * partner and the ops endpoints. {@code profile} is what the permission matrix looks at.
 */
public record Caller(String subject, String email, Kind kind, String userId, String partnerId, String partnerKey,
        Profile profile, PortalSecurityProperties.ChannelAssignment assignment) {

    public enum Kind { PARTNER_USER, CHANNEL_MANAGER, OPERATOR }

    /** The caller's company as the golden model has it, and the caller's roles. */
    public record Profile(String partnerName, String type, String tier, String territory, String vertical,
            List<String> roles) {

        public Profile {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    public static Caller operator(String subject, String email) {
        return new Caller(subject, email, Kind.OPERATOR, null, null, null,
                new Profile(null, null, null, null, null, List.of("operator")), null);
    }

    public static Caller channelManager(String subject, String email,
            PortalSecurityProperties.ChannelAssignment assignment) {
        return new Caller(subject, email, Kind.CHANNEL_MANAGER, null, null, null,
                new Profile(null, null, null, null, null, List.of("channel-manager")), assignment);
    }

    /** @param partnerKey the source key of the user's company in the user's own program, which owns their deals */
    public static Caller partnerUser(String subject, String email, String userId, String partnerId,
            String partnerKey, Profile profile) {
        return new Caller(subject, email, Kind.PARTNER_USER, userId, partnerId, partnerKey, profile, null);
    }

    public boolean isOperator() {
        return kind == Kind.OPERATOR;
    }

    public boolean isChannelManager() {
        return kind == Kind.CHANNEL_MANAGER;
    }

    /**
     * Whether this caller may see the partner company (and everything that belongs to it), given its golden id, its
     * territory and the programs it has sources in.
     */
    public boolean sees(String goldenPartnerId, String territory, java.util.Collection<String> programs) {
        return switch (kind) {
            case OPERATOR -> true;
            case PARTNER_USER -> partnerId != null && partnerId.equals(goldenPartnerId);
            case CHANNEL_MANAGER -> (territory != null && assignment.territories().contains(territory))
                    || programs.stream().anyMatch(assignment.programs()::contains);
        };
    }
}
