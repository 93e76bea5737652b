package dev.accordhub.model.source;

import dev.accordhub.model.program.EntityMapping;
import java.util.Map;

/**
 * Writes a deal registration into a program's CRM. Idempotent by the registration id: the CRM record whose
 * registration-id field ({@code mapping.sourceField("registrationId")}) holds it is updated, or created if there is
 * none, so a redelivered command never creates a second record.
 *
 * <p>Failures are thrown as {@link SourceUnavailableException} (retry later), {@link SourceRateLimitedException}
 * (retry after the given delay) or any other exception (the CRM refused the data; retrying will not help until
 * someone fixes it).
 */
public interface DealWriter {

    /**
     * @param fields source field name → value (String, BigDecimal, LocalDate, Boolean), as mapped from the
     *               program's deal fields
     * @return the CRM's id of the record
     */
    String upsertDeal(EntityMapping mapping, String registrationId, Map<String, Object> fields);
}
