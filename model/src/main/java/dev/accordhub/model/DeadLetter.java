package dev.accordhub.model;

import java.time.Instant;

/**
 * A message that could not be processed: the untouched payload, why it failed, and where.
 *
 * @param stage   the step that gave up, e.g. {@code ingest.salesforce} or {@code consolidate.deal}
 * @param source  the program or topic the payload came from
 * @param key     the record's source key when it could be read, else null
 */
public record DeadLetter(String id, String stage, String source, String key, String reason, String payload, Instant time) {
}
