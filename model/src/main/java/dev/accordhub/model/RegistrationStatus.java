package dev.accordhub.model;

/** Where a partner's deal registration stands with the channel team of the owning program. */
public enum RegistrationStatus {
    SUBMITTED, APPROVED, REJECTED
}
