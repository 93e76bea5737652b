package dev.accordhub.model.program;

import dev.accordhub.model.EntityType;
import java.util.Map;

/**
 * One acquired partner program, read from {@code config/programs/<id>.yaml}: which system holds it, how its
 * objects and fields map onto the canonical model, and how its tier, partner-type and stage names translate.
 * {@code territories} and {@code verticals} translate source values (a country, a region, an industry) into the
 * company's own territory and vertical codes. {@code connection} holds the settings the system's connector needs
 * (URLs, client id and secret). {@code registrationStatuses} translates the CRM's deal-registration status values
 * (both ways: reading decisions, writing registrations). {@code erp} names the program's ERP ({@code system}: odata
 * or sql) and the settings its connector needs; empty when the program's incentives are not synchronised.
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
        Map<String, String> dealStages,
        Map<String, String> territories,
        Map<String, String> verticals,
        Map<String, String> registrationStatuses,
        Map<String, String> erp) {

    public ProgramDefinition(String id, String name, String system, String defaultCurrency,
            Map<String, String> connection, Map<String, EntityMapping> entities, Map<String, String> tiers,
            Map<String, String> partnerTypes, Map<String, String> dealStages, Map<String, String> territories,
            Map<String, String> verticals, Map<String, String> registrationStatuses) {
        this(id, name, system, defaultCurrency, connection, entities, tiers, partnerTypes, dealStages, territories,
                verticals, registrationStatuses, null);
    }

    public ProgramDefinition(String id, String name, String system, String defaultCurrency,
            Map<String, String> connection, Map<String, EntityMapping> entities, Map<String, String> tiers,
            Map<String, String> partnerTypes, Map<String, String> dealStages, Map<String, String> territories,
            Map<String, String> verticals) {
        this(id, name, system, defaultCurrency, connection, entities, tiers, partnerTypes, dealStages, territories,
                verticals, null, null);
    }

    public ProgramDefinition {
        connection = connection == null ? Map.of() : Map.copyOf(connection);
        entities = entities == null ? Map.of() : Map.copyOf(entities);
        tiers = tiers == null ? Map.of() : Map.copyOf(tiers);
        partnerTypes = partnerTypes == null ? Map.of() : Map.copyOf(partnerTypes);
        dealStages = dealStages == null ? Map.of() : Map.copyOf(dealStages);
        territories = territories == null ? Map.of() : Map.copyOf(territories);
        verticals = verticals == null ? Map.of() : Map.copyOf(verticals);
        registrationStatuses = registrationStatuses == null ? Map.of() : Map.copyOf(registrationStatuses);
        erp = erp == null ? Map.of() : Map.copyOf(erp);
    }

    /** Whether the program's ERP is connected (an {@code erp} section with a system). */
    public boolean hasErp() {
        return erp.containsKey("system");
    }

    /** An ERP setting, already resolved from the environment. */
    public String erp(String key) {
        return erp.get(key);
    }

    /** A connection setting (URL, client id, secret...), already resolved from the environment. */
    public String connection(String key) {
        return connection.get(key);
    }

    public EntityMapping entity(EntityType type) {
        return entities.get(type.code());
    }

    /** The source value to write for a canonical code: the first name of the map that translates to it. */
    public static String sourceValueOf(Map<String, String> codes, String canonical) {
        return codes.entrySet().stream().filter(e -> e.getValue().equals(canonical)).map(Map.Entry::getKey)
                .sorted().findFirst().orElse(null);
    }
}
