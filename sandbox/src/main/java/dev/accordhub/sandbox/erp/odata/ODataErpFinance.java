package dev.accordhub.sandbox.erp.odata;

import dev.accordhub.sandbox.erp.ErpProcessTiming;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;

/**
 * The ERP's finance team: decides submitted requests and claims {@code timing.decision()} after they arrive and pays
 * approved claims {@code timing.payout()} after their approval. A request is approved when its amount fits what is
 * left of its fund in the ERP's own books: allocated − approved requests without an approved claim − approved or
 * paid claims. A claim is approved when it has an invoice, rests on an approved request and asks no more than it.
 */
final class ODataErpFinance {

    private final ODataErpStore store;
    private final ErpProcessTiming timing;

    ODataErpFinance(ODataErpStore store, ErpProcessTiming timing) {
        this.store = store;
        this.timing = timing;
    }

    /** One run of the process: every document that is due, oldest change first. */
    void tick() {
        synchronized (store) {
            Instant now = store.now();
            store.requests().stream()
                    .filter(r -> r.status().equals(ODataErpStatus.SUBMITTED))
                    .filter(r -> due(r.modifiedAt(), timing.decision(), now))
                    .sorted(Comparator.comparingLong(MdfRequestRow::changeSeq))
                    .forEach(this::decide);
            store.claims().stream()
                    .filter(c -> c.status().equals(ODataErpStatus.SUBMITTED))
                    .filter(c -> due(c.modifiedAt(), timing.decision(), now))
                    .sorted(Comparator.comparingLong(MdfClaimRow::changeSeq))
                    .forEach(this::decide);
            store.claims().stream()
                    .filter(c -> c.status().equals(ODataErpStatus.APPROVED))
                    .filter(c -> due(c.modifiedAt(), timing.payout(), now))
                    .sorted(Comparator.comparingLong(MdfClaimRow::changeSeq))
                    .forEach(this::pay);
        }
    }

    /** Pays an approved claim at once, whatever the payout delay. */
    PayoutRow payNow(String claimId) {
        synchronized (store) {
            MdfClaimRow claim = store.claim(claimId)
                    .orElseThrow(() -> new IllegalArgumentException("No claim " + claimId));
            if (!claim.status().equals(ODataErpStatus.APPROVED)) {
                throw new IllegalStateException("Claim " + claimId + " is " + claim.status() + ", not Approved");
            }
            return pay(claim);
        }
    }

    /** Allocated minus what the ERP has committed or paid on the fund. */
    BigDecimal available(String fundId) {
        ODataErpStore.FundBooks books = store.books(fundId);
        Set<String> settledRequests = new HashSet<>();
        BigDecimal claimed = BigDecimal.ZERO;
        for (MdfClaimRow claim : books.claims()) {
            if (claim.status().equals(ODataErpStatus.APPROVED) || claim.status().equals(ODataErpStatus.PAID)) {
                claimed = claimed.add(claim.amount());
                settledRequests.add(claim.requestId());
            }
        }
        BigDecimal committed = books.requests().stream()
                .filter(r -> r.status().equals(ODataErpStatus.APPROVED) && !settledRequests.contains(r.requestId()))
                .map(MdfRequestRow::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return books.fund().allocatedAmount().subtract(committed).subtract(claimed);
    }

    private void decide(MdfRequestRow request) {
        boolean fits = request.amount().compareTo(available(request.fundId())) <= 0;
        store.update(fits
                ? request.decided(ODataErpStatus.APPROVED, null, store.now(), store.nextSeq())
                : request.decided(ODataErpStatus.REJECTED, "exceeds the available balance of fund "
                        + request.fundId(), store.now(), store.nextSeq()));
    }

    private void decide(MdfClaimRow claim) {
        String reason = rejection(claim);
        store.update(reason == null
                ? claim.decided(ODataErpStatus.APPROVED, null, store.now(), store.nextSeq())
                : claim.decided(ODataErpStatus.REJECTED, reason, store.now(), store.nextSeq()));
    }

    private String rejection(MdfClaimRow claim) {
        if (claim.invoiceReference() == null) {
            return "no invoice reference";
        }
        MdfRequestRow request = store.request(claim.requestId()).orElse(null);
        if (request == null || !request.status().equals(ODataErpStatus.APPROVED)) {
            return "request " + claim.requestId() + " is not approved";
        }
        if (claim.amount().compareTo(request.amount()) > 0) {
            return "exceeds the approved amount of request " + request.requestId();
        }
        return null;
    }

    private PayoutRow pay(MdfClaimRow claim) {
        Instant at = store.now();
        PayoutRow payout = new PayoutRow(String.format("PAY-%06d", store.payouts().size() + 1), claim.claimId(),
                claim.fundId(), claim.currencyCode(), claim.amount(), at, store.nextSeq());
        store.insert(payout);
        store.update(claim.decided(ODataErpStatus.PAID, claim.decisionReason(), at, store.nextSeq()));
        return payout;
    }

    private static boolean due(Instant since, Duration delay, Instant now) {
        return !since.plus(delay).isAfter(now);
    }
}
