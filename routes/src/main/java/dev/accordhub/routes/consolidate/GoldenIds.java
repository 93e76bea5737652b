package dev.accordhub.routes.consolidate;

import dev.accordhub.model.EntityType;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Golden ids are name-based UUIDs of the first source key that created the record: replaying the same changes
 * gives the same ids, and an id reveals nothing of the source.
 */
public final class GoldenIds {

    private GoldenIds() {
    }

    public static String of(EntityType entity, String firstSourceKey) {
        return UUID.nameUUIDFromBytes((entity.code() + "|" + firstSourceKey).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
