package dev.accordhub.model.incentive;

import dev.accordhub.model.Money;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A market-development fund: what a partner's program allocated to it for a period, in the fund's currency, as the
 * program's ERP holds it.
 *
 * @param partnerKey the partner's id in the program's CRM, which the ERP keeps on its partner (vendor) account;
 *                   the hub finds the golden partner through it
 */
public record MdfFund(String id, String program, String partnerKey, String name, LocalDate periodStart,
        LocalDate periodEnd, Money allocated, Instant updatedAt) {

    public MdfFund {
        if (periodStart != null && periodEnd != null && periodEnd.isBefore(periodStart)) {
            throw new IllegalArgumentException("Fund " + id + " ends (" + periodEnd + ") before it starts ("
                    + periodStart + ")");
        }
    }
}
