package dev.accordhub.sandbox.seed;

import java.time.Instant;

/** A person at a partner company who works with the program. */
public record SeedContact(
        String firstName,
        String lastName,
        String email,
        String title,
        Instant createdAt,
        Instant modifiedAt) {
}
