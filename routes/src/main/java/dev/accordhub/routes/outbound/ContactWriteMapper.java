package dev.accordhub.routes.outbound;

import dev.accordhub.model.EntityType;
import dev.accordhub.model.PartnerStatus;
import dev.accordhub.model.PartnerUser;
import dev.accordhub.model.program.EntityMapping;
import dev.accordhub.model.program.MappingException;
import dev.accordhub.model.program.ProgramDefinition;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A partner user as the identity provider has them, as the owning CRM's contact fields, through the program's
 * user mapping: e-mail, names, title, the company (the CRM's own id of it), and — where the program maps them —
 * the portal access ({@code Active} / {@code Inactive}) and the roles (comma-separated).
 */
public final class ContactWriteMapper {

    private ContactWriteMapper() {
    }

    public static Map<String, Object> fields(ProgramDefinition program, PartnerUser user) {
        EntityMapping mapping = program.entity(EntityType.USER);
        if (mapping == null || mapping.sourceField("email") == null) {
            throw new MappingException("Program '" + program.id() + "' maps no user e-mail, so it cannot take "
                    + "contacts from the identity providers");
        }
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("email", user.email());
        canonical.put("firstName", user.firstName());
        canonical.put("lastName", user.lastName() == null ? user.email() : user.lastName());
        canonical.put("title", user.title());
        if (user.partnerKey() != null && user.partnerKey().startsWith(program.id() + ":")) {
            canonical.put("partner", user.partnerKey().substring(user.partnerKey().lastIndexOf(':') + 1));
        }
        canonical.put("portalStatus", user.status() == PartnerStatus.INACTIVE ? "Inactive" : "Active");
        canonical.put("portalRoles", String.join(",", user.roles()));
        Map<String, Object> fields = new LinkedHashMap<>();
        canonical.forEach((name, value) -> {
            String field = mapping.sourceField(name);
            if (field != null && value != null) {
                fields.put(field, value);
            }
        });
        return fields;
    }
}
