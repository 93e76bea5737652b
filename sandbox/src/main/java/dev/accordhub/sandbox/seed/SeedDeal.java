package dev.accordhub.sandbox.seed;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A deal a partner registered for an end customer. {@code deleted} ones exist only in the recycle bin
 * (Salesforce) or the archive (HubSpot), so full and incremental reads differ as they do for real.
 */
public record SeedDeal(
        String name,
        String customerCompany,
        BigDecimal amount,
        String currency,
        String stage,
        LocalDate closeDate,
        boolean deleted,
        Instant createdAt,
        Instant modifiedAt) {
}
