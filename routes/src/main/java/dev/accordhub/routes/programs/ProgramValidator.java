package dev.accordhub.routes.programs;

import dev.accordhub.model.DealStage;
import dev.accordhub.model.EntityType;
import dev.accordhub.model.PartnerType;
import dev.accordhub.model.Tier;
import dev.accordhub.model.program.EntityMapping;
import dev.accordhub.model.program.ProgramDefinition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks a program definition and lists every problem, each with its field path. */
final class ProgramValidator {

    static final Set<String> SYSTEMS = Set.of("salesforce", "hubspot");
    /** The ERP connectors and the settings each needs. */
    static final Map<String, List<String>> ERP_SYSTEMS = Map.of(
            "odata", List.of("service-uri", "token-uri", "client-id", "client-secret", "scope"),
            "sql", List.of("jdbc-url", "username", "password"));
    private static final Map<EntityType, List<String>> REQUIRED_FIELDS = Map.of(
            EntityType.PARTNER, List.of("name", "tier"),
            EntityType.USER, List.of("email"),
            EntityType.DEAL, List.of("name", "partner", "stage"));
    private static final Map<EntityType, Set<String>> KNOWN_FIELDS = Map.of(
            EntityType.PARTNER, Set.of("name", "domain", "country", "city", "postalCode", "tier", "type", "territory",
                    "vertical", "taxId", "duns"),
            EntityType.USER, Set.of("email", "firstName", "lastName", "title", "partner", "portalStatus",
                    "portalRoles"),
            EntityType.DEAL, Set.of("name", "partner", "customer", "amount", "currency", "stage", "closeDate",
                    // deal registration, read back and written
                    "registrationId", "registrationStatus", "decisionReason", "notes", "customerDomain",
                    "customerCountry", "customerContactName", "customerContactEmail"));

    private final List<String> problems = new ArrayList<>();

    List<String> validate(ProgramDefinition p, String fileId) {
        if (p.id() == null || !p.id().matches("[a-z][a-z0-9-]*")) {
            problems.add("id: '" + p.id() + "' must be lower-case letters, digits and dashes");
        } else if (!p.id().equals(fileId)) {
            problems.add("id: '" + p.id() + "' must match the file name '" + fileId + ".yaml'");
        }
        if (p.system() == null || !SYSTEMS.contains(p.system())) {
            problems.add("system: '" + p.system() + "' is not one of " + SYSTEMS);
        }
        checkCurrency(p.defaultCurrency());
        if (p.entity(EntityType.PARTNER) == null) {
            problems.add("entities.partner: missing (every program maps its partner companies)");
        }
        p.entities().forEach((code, mapping) -> checkEntity(code, mapping));
        checkMap("tiers", p.tiers(), names(Tier.values()), p.entity(EntityType.PARTNER) != null);
        checkMap("partner-types", p.partnerTypes(), names(PartnerType.values()), false);
        checkMap("deal-stages", p.dealStages(), names(DealStage.values()), p.entity(EntityType.DEAL) != null);
        checkMap("registration-statuses", p.registrationStatuses(),
                names(dev.accordhub.model.RegistrationStatus.values()), false);
        var deal = p.entity(EntityType.DEAL);
        if (deal != null && deal.fields().containsKey("registrationId") && p.registrationStatuses().isEmpty()) {
            problems.add("registration-statuses: missing (entities.deal maps registrationId, so the CRM's "
                    + "registration status values must be translated)");
        }
        checkCodes("territories", p.territories());
        checkCodes("verticals", p.verticals());
        checkErp(p.erp());
        return problems;
    }

    private void checkErp(Map<String, String> erp) {
        if (erp.isEmpty()) {
            return;
        }
        List<String> required = ERP_SYSTEMS.get(erp.get("system"));
        if (required == null) {
            problems.add("erp.system: '" + erp.get("system") + "' is not one of " + new java.util.TreeSet<>(
                    ERP_SYSTEMS.keySet()));
            return;
        }
        for (String key : required) {
            if (erp.get(key) == null || erp.get(key).isBlank()) {
                problems.add("erp." + key + ": missing (required for an " + erp.get("system") + " ERP)");
            }
        }
        String interval = erp.get("poll-interval-ms");
        if (interval != null && !interval.matches("[1-9][0-9]*")) {
            problems.add("erp.poll-interval-ms: '" + interval + "' must be a positive number of milliseconds");
        }
    }

    private void checkCurrency(String code) {
        try {
            Currency.getInstance(code == null ? "" : code);
        } catch (IllegalArgumentException e) {
            problems.add("default-currency: '" + code + "' is not an ISO 4217 code");
        }
    }

    private void checkEntity(String code, EntityMapping mapping) {
        EntityType type;
        try {
            type = EntityType.fromCode(code);
        } catch (IllegalArgumentException e) {
            problems.add("entities." + code + ": unknown entity (known: partner, user, deal)");
            return;
        }
        if (mapping.object() == null || mapping.object().isBlank()) {
            problems.add("entities." + code + ".object: missing");
        }
        for (String field : REQUIRED_FIELDS.get(type)) {
            if (mapping.sourceField(field) == null) {
                problems.add("entities." + code + ".fields." + field + ": missing (required)");
            }
        }
        for (String field : mapping.fields().keySet()) {
            if (!KNOWN_FIELDS.get(type).contains(field)) {
                problems.add("entities." + code + ".fields." + field + ": unknown canonical field (known: "
                        + KNOWN_FIELDS.get(type) + ")");
            }
        }
        mapping.transforms().forEach((field, transform) -> {
            String where = "entities." + code + ".transforms." + field;
            if (mapping.sourceField(field) == null) {
                problems.add(where + ": the field is not mapped under fields");
            }
            if (transform.letterCase() != null && !Set.of("upper", "lower").contains(transform.letterCase())) {
                problems.add(where + ".case: '" + transform.letterCase() + "' is not upper or lower");
            }
            if (transform.decimalSeparator() != null && !Set.of(".", ",").contains(transform.decimalSeparator())) {
                problems.add(where + ".decimal-separator: '" + transform.decimalSeparator() + "' is not . or ,");
            }
            if (transform.dateFormat() != null) {
                try {
                    java.time.format.DateTimeFormatter.ofPattern(transform.dateFormat());
                } catch (IllegalArgumentException e) {
                    problems.add(where + ".date-format: '" + transform.dateFormat() + "' is not a date pattern: "
                            + e.getMessage());
                }
            }
        });
    }

    private void checkMap(String name, Map<String, String> map, Set<String> allowed, boolean required) {
        if (required && map.isEmpty()) {
            problems.add(name + ": missing");
        }
        map.forEach((source, target) -> {
            if (!allowed.contains(target)) {
                problems.add(name + "." + source + ": '" + target + "' is not one of " + allowed);
            }
        });
    }

    private void checkCodes(String name, Map<String, String> codes) {
        codes.forEach((source, code) -> {
            if (code == null || !code.matches("[A-Z0-9_-]+")) {
                problems.add(name + "." + source + ": '" + code + "' must be an upper-case code (e.g. EMEA, HEALTHCARE)");
            }
        });
    }

    private static Set<String> names(Enum<?>[] values) {
        return Set.copyOf(Arrays.stream(values).map(Enum::name).toList());
    }
}
