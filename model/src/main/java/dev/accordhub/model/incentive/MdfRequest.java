package dev.accordhub.model.incentive;

import dev.accordhub.model.Money;
import java.time.Instant;

/** A pre-approval of a marketing activity against a fund: what it is, how much, and the ERP's decision. */
public record MdfRequest(String id, String fundId, String partnerKey, String activity, Money amount, Status status,
        Instant updatedAt) {

    public enum Status { SUBMITTED, APPROVED, REJECTED }
}
