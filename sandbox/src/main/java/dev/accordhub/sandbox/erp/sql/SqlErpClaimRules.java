package dev.accordhub.sandbox.erp.sql;

import java.math.BigDecimal;

/** When the ERP's finance team turns a claim down: the checks in the order a clerk would make them. */
final class SqlErpClaimRules {

    private SqlErpClaimRules() {
    }

    /**
     * The reason to reject a claim, or null to approve it.
     *
     * @param requestStatus   the status of the claimed request, null when there is no such request
     * @param otherClaimId    another approved or paid claim of the same request, null when there is none
     */
    static String rejection(String fundId, String requestId, String invoiceReference, BigDecimal amount,
            String requestStatus, String requestFundId, BigDecimal requestAmount, String otherClaimId) {
        if (invoiceReference == null || invoiceReference.isBlank()) {
            return "the claim has no invoice reference";
        }
        if (requestId == null) {
            return "the claim names no pre-approved request";
        }
        if (requestStatus == null) {
            return "request " + requestId + " is unknown";
        }
        if (!SqlErpStatusCodes.APPROVED.equals(requestStatus)) {
            return "request " + requestId + " is not approved (" + requestStatus + ")";
        }
        if (!fundId.equals(requestFundId)) {
            return "request " + requestId + " is on fund " + requestFundId + ", not " + fundId;
        }
        if (amount.compareTo(requestAmount) > 0) {
            return "the amount exceeds the approved amount of request " + requestId + " ("
                    + requestAmount.stripTrailingZeros().toPlainString() + ")";
        }
        if (otherClaimId != null) {
            return "request " + requestId + " is already claimed by " + otherClaimId;
        }
        return null;
    }
}
