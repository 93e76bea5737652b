package dev.accordhub.portal.security;

/**
 * Who is calling the portal API, derived from a validated token and the golden model, never from the request.
 * A partner user sees one partner company, their own; an operator (the operator scope in the token) sees every
 * partner and the ops endpoints.
 */
public record Caller(String subject, String email, Kind kind, String userId, String partnerId, String partnerKey) {

    public enum Kind { PARTNER_USER, OPERATOR }

    public static Caller operator(String subject, String email) {
        return new Caller(subject, email, Kind.OPERATOR, null, null, null);
    }

    /** @param partnerKey the source key of the user's company in the user's own program, which owns their deals */
    public static Caller partnerUser(String subject, String email, String userId, String partnerId,
            String partnerKey) {
        return new Caller(subject, email, Kind.PARTNER_USER, userId, partnerId, partnerKey);
    }

    public boolean isOperator() {
        return kind == Kind.OPERATOR;
    }

    /** Whether this caller may see the partner company with this golden id (and everything that belongs to it). */
    public boolean sees(String goldenPartnerId) {
        return isOperator() || (partnerId != null && partnerId.equals(goldenPartnerId));
    }
}
