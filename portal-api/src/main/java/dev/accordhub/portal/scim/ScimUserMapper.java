package dev.accordhub.portal.scim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accordhub.connectors.scim.ScimCoreSchemas;
import dev.accordhub.model.EntityType;
import dev.accordhub.model.PartnerStatus;
import dev.accordhub.model.PartnerUser;
import dev.accordhub.model.SourceKeys;
import dev.accordhub.model.SourceRef;
import dev.accordhub.routes.consolidate.survivorship.Survivorship;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A SCIM User as the canonical partner user of the identity provider's program: e-mail (the primary one, else the
 * first, else a userName that is an address), name, title, the company ({@code partnerId} of the Accord
 * extension, the company's id in the program's CRM), {@code active} and {@code roles}.
 */
public final class ScimUserMapper {

    private ScimUserMapper() {
    }

    public static PartnerUser toUser(String program, JsonNode user, Instant version) {
        String partnerId = user.path(ScimCoreSchemas.ACCORD_USER).path("partnerId").asText(null);
        List<String> roles = new ArrayList<>();
        user.path("roles").forEach(r -> roles.add(r.path("value").asText().trim().toLowerCase(Locale.ROOT)));
        boolean active = !user.has("active") || user.path("active").asBoolean(true);
        SourceRef ref = new SourceRef(Survivorship.IDENTITY_PROVIDER, program, user.path("id").asText(), version);
        return new PartnerUser(null, email(user), text(user.path("name").path("givenName")),
                text(user.path("name").path("familyName")), text(user.path("title")),
                partnerId == null || partnerId.isBlank() ? null : SourceKeys.of(program, EntityType.PARTNER, partnerId),
                active ? PartnerStatus.ACTIVE : PartnerStatus.INACTIVE, version, List.of(ref), roles);
    }

    static String email(JsonNode user) {
        JsonNode chosen = null;
        for (JsonNode email : user.path("emails")) {
            if (chosen == null || email.path("primary").asBoolean(false)) {
                chosen = email;
            }
        }
        String value = chosen != null ? chosen.path("value").asText(null) : user.path("userName").asText(null);
        return value != null && value.contains("@") ? value.trim().toLowerCase(Locale.ROOT) : null;
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText().trim() : null;
    }
}
