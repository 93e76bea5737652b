package dev.accordhub.model;

import java.time.Instant;
import java.util.List;

/**
 * What makes a deal a partner's registration: who submitted it and when, the end customer as registered, the
 * channel team's decision, the review deadline, channel conflicts with other partners' registrations, and what the
 * hub last wrote to the owning CRM (so the CRM echoing it back is recognised).
 *
 * <p>A deal read from a CRM carries only {@code id} (the hub's registration id, kept in the CRM record),
 * {@code status} and {@code decisionReason}; the hub's golden record has the rest.
 *
 * @param id            the registration id, equal to the golden deal id
 * @param program       the program whose CRM owns the deal
 * @param writtenHash   hash of the fields the hub last wrote to the CRM; null before the first write
 */
public record DealRegistration(
        String id,
        String program,
        RegistrationStatus status,
        String decisionReason,
        String submittedBy,
        String customerDomain,
        String customerCountry,
        String customerContactName,
        String customerContactEmail,
        String notes,
        Instant submittedAt,
        Instant reviewDueAt,
        String idempotencyKey,
        List<String> conflictsWith,
        boolean overdue,
        String writtenHash) {

    public DealRegistration {
        conflictsWith = conflictsWith == null ? List.of() : List.copyOf(conflictsWith);
    }

    /** What a CRM reports about a registration: the hub's id and the channel team's decision. */
    public static DealRegistration reported(String id, RegistrationStatus status, String decisionReason) {
        return new DealRegistration(id, null, status, decisionReason, null, null, null, null, null, null, null, null,
                null, List.of(), false, null);
    }

    /** Not rejected: it still counts as this partner's claim on the customer. */
    public boolean stillOpen() {
        return status != RegistrationStatus.REJECTED;
    }

    public DealRegistration decided(RegistrationStatus newStatus, String reason) {
        return new DealRegistration(id, program, newStatus, reason, submittedBy, customerDomain, customerCountry,
                customerContactName, customerContactEmail, notes, submittedAt, reviewDueAt, idempotencyKey,
                conflictsWith, overdue, writtenHash);
    }

    public DealRegistration withConflicts(List<String> others) {
        return new DealRegistration(id, program, status, decisionReason, submittedBy, customerDomain,
                customerCountry, customerContactName, customerContactEmail, notes, submittedAt, reviewDueAt,
                idempotencyKey, others, overdue, writtenHash);
    }

    public DealRegistration markedOverdue() {
        return new DealRegistration(id, program, status, decisionReason, submittedBy, customerDomain,
                customerCountry, customerContactName, customerContactEmail, notes, submittedAt, reviewDueAt,
                idempotencyKey, conflictsWith, true, writtenHash);
    }

    public DealRegistration written(String hash) {
        return new DealRegistration(id, program, status, decisionReason, submittedBy, customerDomain,
                customerCountry, customerContactName, customerContactEmail, notes, submittedAt, reviewDueAt,
                idempotencyKey, conflictsWith, overdue, hash);
    }
}
