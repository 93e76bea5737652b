package dev.accordhub.model.incentive;

import dev.accordhub.model.Money;
import java.time.Instant;

/** Money the ERP paid for a claim, in the fund's currency. */
public record Payout(String id, String program, String claimId, String fundId, Money amount, Instant paidAt) {
}
