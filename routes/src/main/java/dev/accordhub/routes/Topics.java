package dev.accordhub.routes;

import dev.accordhub.model.EntityType;

/** The hub's Kafka topics. Ingest and golden topics are compacted by key: they are the hub's durable record. */
public final class Topics {

    public static final String CHECKPOINTS = "accord.checkpoints";
    public static final String DEAD_LETTER = "accord.deadletter";
    /** Concurrent edits of one golden field in two sources, with the winner. */
    public static final String CONFLICTS = "accord.conflicts";

    private Topics() {
    }

    /** Source snapshots, keyed by source key ({@code program:entity:externalId}). */
    public static String ingest(EntityType entity) {
        return "accord.ingest." + entity.code();
    }

    /** Consolidated records, keyed by golden id. */
    public static String golden(EntityType entity) {
        return "accord.golden." + entity.code();
    }
}
