package dev.accordhub.model.incentive;

import dev.accordhub.model.Money;
import dev.accordhub.model.SourceRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A market-development fund: what a partner's program allocated to it for a period, in the fund's currency, as the
 * program's ERP holds it. {@code partnerKey} is the partner's source key in that program.
 */
public record MdfFund(String id, String partnerKey, String program, LocalDate periodStart, LocalDate periodEnd,
        Money allocated, Instant updatedAt, List<SourceRef> sources) {

    public MdfFund {
        sources = sources == null ? List.of() : List.copyOf(sources);
        if (periodStart != null && periodEnd != null && periodEnd.isBefore(periodStart)) {
            throw new IllegalArgumentException("Fund " + id + " ends (" + periodEnd + ") before it starts ("
                    + periodStart + ")");
        }
    }
}
