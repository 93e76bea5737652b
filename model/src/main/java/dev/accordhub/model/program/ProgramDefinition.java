package dev.accordhub.model.program;

import dev.accordhub.model.EntityType;
import java.util.Map;

/**
 * One acquired partner program, read from {@code config/programs/<id>.yaml}: which system holds it, how its
 * objects and fields map onto the canonical model, and how its tier, partner-type and stage names translate.
 * {@code connection} holds the settings the system's connector needs (URLs, client id and secret).
 */
public record ProgramDefinition(
        String id,
        String name,
        String system,
        String defaultCurrency,
        Map<String, String> connection,
        Map<String, EntityMapping> entities,
        Map<String, String> tiers,
        Map<String, String> partnerTypes,
        Map<String, String> dealStages) {

    public ProgramDefinition {
        connection = connection == null ? Map.of() : Map.copyOf(connection);
        entities = entities == null ? Map.of() : Map.copyOf(entities);
        tiers = tiers == null ? Map.of() : Map.copyOf(tiers);
        partnerTypes = partnerTypes == null ? Map.of() : Map.copyOf(partnerTypes);
        dealStages = dealStages == null ? Map.of() : Map.copyOf(dealStages);
    }

    /** A connection setting (URL, client id, secret...), already resolved from the environment. */
    public String connection(String key) {
        return connection.get(key);
    }

    public EntityMapping entity(EntityType type) {
        return entities.get(type.code());
    }
}
