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
 * @param customerNameKey the end customer's normalised name and country ({@code name|CC}), to find other
 *                      registrations of the same customer without a domain
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
        String customerNameKey,
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
                null, null, List.of(), false, null);
    }

    /** Not rejected: it still counts as this partner's claim on the customer. */
    public boolean stillOpen() {
        return status != RegistrationStatus.REJECTED;
    }

    public DealRegistration decided(RegistrationStatus newStatus, String reason) {
        return copy(newStatus, reason, conflictsWith, overdue, writtenHash);
    }

    public DealRegistration withConflicts(List<String> others) {
        return copy(status, decisionReason, others, overdue, writtenHash);
    }

    public DealRegistration markedOverdue() {
        return copy(status, decisionReason, conflictsWith, true, writtenHash);
    }

    public DealRegistration written(String hash) {
        return copy(status, decisionReason, conflictsWith, overdue, hash);
    }

    private DealRegistration copy(RegistrationStatus newStatus, String reason, List<String> conflicts,
            boolean isOverdue, String hash) {
        return new DealRegistration(id, program, newStatus, reason, submittedBy, customerDomain, customerCountry,
                customerNameKey, customerContactName, customerContactEmail, notes, submittedAt, reviewDueAt,
                idempotencyKey, conflicts, isOverdue, hash);
    }
}
