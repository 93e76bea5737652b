package dev.accordhub.model.incentive;

import dev.accordhub.model.Money;
import java.time.Instant;
import java.util.List;

/**
 * A claim against a fund: proof of performance for an approved activity ({@code requestId}), the invoice it
 * rests on, and the amount, in the fund's currency. The ERP decides it and pays it.
 */
public record MdfClaim(String id, String fundId, String requestId, String partnerKey, String invoiceReference,
        Money amount, Status status, List<String> proofReferences, Instant updatedAt) {

    public enum Status { SUBMITTED, APPROVED, REJECTED, PAID }

    public MdfClaim {
        proofReferences = proofReferences == null ? List.of() : List.copyOf(proofReferences);
    }
}
