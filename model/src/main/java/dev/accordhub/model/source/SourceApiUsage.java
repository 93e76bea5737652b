package dev.accordhub.model.source;

import java.time.Instant;
import java.util.Optional;

/**
 * A connector that counts the calls it makes and reads what the source says is left of its API allowance (Salesforce:
 * {@code Sforce-Limit-Info: api-usage=used/limit}; HubSpot: {@code X-HubSpot-RateLimit-Daily} and
 * {@code -Daily-Remaining}). Meters and the reconciliation job read it to stay within the budget.
 */
public interface SourceApiUsage {

    /** Calls this connector has made since start, answered or not. */
    long apiCalls();

    /** The allowance as the source last reported it, if it ever did. */
    Optional<Allowance> apiAllowance();

    /** {@code used} of {@code limit} calls in the source's current window, as reported {@code at}. */
    record Allowance(long used, long limit, Instant at) {

        public long remaining() {
            return Math.max(0, limit - used);
        }

        /** The share of the limit left, 0..1. */
        public double remainingShare() {
            return limit <= 0 ? 0 : (double) remaining() / limit;
        }
    }
}
