package dev.accordhub.sandbox.erp.odata;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One row of the ERP's {@code MdfClaims}: a claim against an approved request, decided and then paid. */
public record MdfClaimRow(String claimId, String fundId, String requestId, String partnerAccount,
        String invoiceReference, List<String> proofReferences, String currencyCode, BigDecimal amount, String status,
        String decisionReason, String submittedBy, Instant modifiedAt, long changeSeq) {

    public MdfClaimRow {
        proofReferences = proofReferences == null ? List.of() : List.copyOf(proofReferences);
    }

    MdfClaimRow decided(String newStatus, String reason, Instant at, long seq) {
        return new MdfClaimRow(claimId, fundId, requestId, partnerAccount, invoiceReference, proofReferences,
                currencyCode, amount, newStatus, reason, submittedBy, at, seq);
    }
}
