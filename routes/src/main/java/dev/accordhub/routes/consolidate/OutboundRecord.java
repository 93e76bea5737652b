package dev.accordhub.routes.consolidate;

/** A record the consolidation route publishes: topic, key and JSON value. */
public record OutboundRecord(String topic, String key, String value) {
}
