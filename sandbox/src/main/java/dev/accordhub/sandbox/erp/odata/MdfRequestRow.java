package dev.accordhub.sandbox.erp.odata;

import java.math.BigDecimal;
import java.time.Instant;

/** One row of the ERP's {@code MdfRequests}: a pre-approval request and its decision, in ERP words. */
public record MdfRequestRow(String requestId, String fundId, String partnerAccount, String activity, String country,
        String currencyCode, BigDecimal amount, String status, String decisionReason, String submittedBy,
        Instant modifiedAt, long changeSeq) {

    MdfRequestRow decided(String newStatus, String reason, Instant at, long seq) {
        return new MdfRequestRow(requestId, fundId, partnerAccount, activity, country, currencyCode, amount,
                newStatus, reason, submittedBy, at, seq);
    }
}
