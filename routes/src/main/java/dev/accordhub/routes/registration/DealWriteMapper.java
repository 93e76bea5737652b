package dev.accordhub.routes.registration;

import dev.accordhub.model.Deal;
import dev.accordhub.model.EntityType;
import dev.accordhub.model.program.EntityMapping;
import dev.accordhub.model.program.ProgramDefinition;
import dev.accordhub.model.program.MappingException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A golden registration as the owning CRM's fields, through the same program file that reads its deals: each
 * canonical field the program maps is written to its source field; stage and registration status go back through
 * the program's maps (the first source name of the canonical code); the partner becomes the CRM's own id of the
 * partner company.
 */
public final class DealWriteMapper {

    private DealWriteMapper() {
    }

    public static Map<String, Object> fields(ProgramDefinition program, Deal deal) {
        EntityMapping mapping = program.entity(EntityType.DEAL);
        if (mapping == null || mapping.sourceField("registrationId") == null) {
            throw new MappingException("Program '" + program.id() + "' maps no deal registrationId field, so it "
                    + "cannot take registrations");
        }
        var registration = deal.registration();
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("name", deal.name());
        canonical.put("partner", deal.partnerKey().substring(deal.partnerKey().lastIndexOf(':') + 1));
        canonical.put("customer", deal.customerName());
        if (deal.amount() != null) {
            canonical.put("amount", deal.amount().amount());
            canonical.put("currency", deal.amount().currency());
        }
        canonical.put("stage", code(program, program.dealStages(), deal.stage() == null ? null : deal.stage().name(),
                "deal-stages"));
        canonical.put("closeDate", deal.closeDate());
        canonical.put("registrationId", deal.id());
        canonical.put("registrationStatus", code(program, program.registrationStatuses(),
                registration.status().name(), "registration-statuses"));
        canonical.put("decisionReason", registration.decisionReason());
        canonical.put("notes", registration.notes());
        canonical.put("customerDomain", registration.customerDomain());
        canonical.put("customerCountry", registration.customerCountry());
        canonical.put("customerContactName", registration.customerContactName());
        canonical.put("customerContactEmail", registration.customerContactEmail());
        Map<String, Object> fields = new LinkedHashMap<>();
        canonical.forEach((name, value) -> {
            String sourceField = mapping.sourceField(name);
            if (sourceField != null && value != null) {
                fields.put(sourceField, value);
            }
        });
        return fields;
    }

    private static String code(ProgramDefinition program, Map<String, String> codes, String canonical, String map) {
        if (canonical == null) {
            return null;
        }
        if (codes.isEmpty()) {
            return canonical;
        }
        String value = ProgramDefinition.sourceValueOf(codes, canonical);
        if (value == null) {
            throw new MappingException("Program '" + program.id() + "': " + map + " has no name for " + canonical);
        }
        return value;
    }
}
