package dev.accordhub.model.incentive;

import dev.accordhub.model.Money;
import java.time.Instant;

/**
 * A pre-approval of a marketing activity against a fund: what it is, where it runs ({@code country}, ISO 3166
 * alpha-2: the market it targets), how much, and the ERP's decision with its reason.
 *
 * @param partnerKey the partner's id in the owning program's CRM (the ERP keeps it on the fund)
 * @param submittedBy e-mail of the portal user who asked, null for requests entered in the ERP
 */
public record MdfRequest(String id, String program, String fundId, String partnerKey, String activity,
        String country, Money amount, Status status, String decisionReason, String submittedBy, Instant updatedAt) {

    public enum Status { SUBMITTED, APPROVED, REJECTED }

    public MdfRequest withStatus(Status newStatus, String reason, Instant at) {
        return new MdfRequest(id, program, fundId, partnerKey, activity, country, amount, newStatus, reason,
                submittedBy, at);
    }
}
