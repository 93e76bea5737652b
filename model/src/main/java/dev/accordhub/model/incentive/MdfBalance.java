package dev.accordhub.model.incentive;

import dev.accordhub.model.Money;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Set;

/**
 * What is left of a fund: allocated − committed − paid, in the fund's currency. Committed is what the ERP has
 * approved but not paid: approved activities whose claim is not approved yet, and approved claims not yet paid.
 * Paid is the sum of the payouts (what is paid of an approved claim is not committed twice). Submitted (undecided)
 * requests and claims hold nothing back; rejected ones never do.
 */
public record MdfBalance(String fundId, Money allocated, Money committed, Money paid, Money available) {

    public static MdfBalance of(MdfFund fund, Collection<MdfRequest> requests, Collection<MdfClaim> claims,
            Collection<Payout> payouts) {
        String currency = fund.allocated().currency();
        Set<String> claimedRequests = new java.util.HashSet<>();
        // An approved activity stays committed until the ERP approves its claim: a claim merely submitted may still
        // be rejected, and then the activity is still there to claim.
        claims.stream().filter(c -> (c.status() == MdfClaim.Status.APPROVED || c.status() == MdfClaim.Status.PAID)
                && c.requestId() != null).forEach(c -> claimedRequests.add(c.requestId()));
        BigDecimal committed = BigDecimal.ZERO;
        for (MdfRequest request : requests) {
            if (request.status() == MdfRequest.Status.APPROVED && !claimedRequests.contains(request.id())) {
                committed = committed.add(inFund(request.amount(), currency, "request " + request.id()));
            }
        }
        BigDecimal paid = BigDecimal.ZERO;
        java.util.Map<String, BigDecimal> paidByClaim = new java.util.HashMap<>();
        for (Payout payout : payouts) {
            BigDecimal amount = inFund(payout.amount(), currency, "payout " + payout.id());
            paid = paid.add(amount);
            if (payout.claimId() != null) {
                paidByClaim.merge(payout.claimId(), amount, BigDecimal::add);
            }
        }
        for (MdfClaim claim : claims) {
            if (claim.status() == MdfClaim.Status.APPROVED) {
                // What is paid of an approved claim is no longer committed (a payout may be read before its claim
                // turns PAID: the feed reads each kind of document on its own).
                BigDecimal open = inFund(claim.amount(), currency, "claim " + claim.id())
                        .subtract(paidByClaim.getOrDefault(claim.id(), BigDecimal.ZERO));
                committed = committed.add(open.max(BigDecimal.ZERO));
            }
        }
        BigDecimal available = fund.allocated().amount().subtract(committed).subtract(paid);
        return new MdfBalance(fund.id(), fund.allocated(), new Money(committed, currency), new Money(paid, currency),
                new Money(available, currency));
    }

    /** The same balance in the reporting currency, each figure converted and rounded on its own. */
    public MdfBalance in(FxRates fx) {
        return new MdfBalance(fundId, fx.toReporting(allocated), fx.toReporting(committed), fx.toReporting(paid),
                fx.toReporting(available));
    }

    private static BigDecimal inFund(Money money, String currency, String what) {
        if (!money.currency().equals(currency)) {
            throw new IllegalArgumentException("The " + what + " is in " + money.currency() + ", its fund in "
                    + currency);
        }
        return money.amount();
    }
}
