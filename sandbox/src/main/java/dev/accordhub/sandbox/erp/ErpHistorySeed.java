package dev.accordhub.sandbox.erp;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A finished MDF case an ERP sandbox can start with: an approved activity, its paid claim and the payout, on one
 * fund. So a demo's balances show money already paid, as a real ERP's would.
 */
public record ErpHistorySeed(String fundId, String partnerAccount, String currency, String requestId,
        String activity, String country, String claimId, String invoiceReference, String proofReference,
        String payoutId, BigDecimal amount, Instant paidAt) {
}
