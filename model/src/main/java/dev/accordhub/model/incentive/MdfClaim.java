package dev.accordhub.model.incentive;

import dev.accordhub.model.Money;
import java.time.Instant;
import java.util.List;

/**
 * A claim against a fund: proof of performance for an approved activity ({@code requestId}), the invoice it
 * rests on, and the amount, in the fund's currency. The ERP decides it and pays it.
 *
 * @param proofReferences the proof of performance by reference (document ids or https URLs), never inline
 * @param submittedBy e-mail of the portal user who claimed, null for claims entered in the ERP
 */
public record MdfClaim(String id, String program, String fundId, String requestId, String partnerKey,
        String invoiceReference, Money amount, Status status, String decisionReason, List<String> proofReferences,
        String submittedBy, Instant updatedAt) {

    public enum Status { SUBMITTED, APPROVED, REJECTED, PAID }

    public MdfClaim {
        proofReferences = proofReferences == null ? List.of() : List.copyOf(proofReferences);
    }

    public MdfClaim withStatus(Status newStatus, String reason, Instant at) {
        return new MdfClaim(id, program, fundId, requestId, partnerKey, invoiceReference, amount, newStatus, reason,
                proofReferences, submittedBy, at);
    }
}
