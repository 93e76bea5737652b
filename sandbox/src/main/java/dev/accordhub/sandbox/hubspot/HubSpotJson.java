package dev.accordhub.sandbox.hubspot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accordhub.sandbox.JsonHttp;
import dev.accordhub.sandbox.SandboxResponse;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** HubSpot's JSON shapes: CRM objects and the error body with its correlation id. */
final class HubSpotJson {

    private HubSpotJson() {
    }

    /**
     * The object with the requested properties (the type's defaults when none are named) plus the three HubSpot
     * always adds. Unknown names are left out, known but unset ones are null, as HubSpot does.
     */
    static ObjectNode object(HubSpotObjectType type, HubSpotObject object, Collection<String> requested) {
        Set<String> names = new LinkedHashSet<>(requested.isEmpty() ? type.defaultProperties() : requested);
        names.add("createdate");
        names.add(type.lastModifiedProperty());
        names.add("hs_object_id");
        ObjectNode node = JsonHttp.object().put("id", object.id());
        ObjectNode properties = node.putObject("properties");
        for (String name : names) {
            type.property(name).ifPresent(p -> properties.put(name, object.property(p.name())));
        }
        node.put("createdAt", HubSpotValues.formatInstant(object.createdAt()))
                .put("updatedAt", HubSpotValues.formatInstant(object.updatedAt()))
                .put("archived", object.archived());
        if (object.archived()) {
            node.put("archivedAt", HubSpotValues.formatInstant(object.archivedAt()));
        }
        return node;
    }

    static SandboxResponse error(HubSpotApiException e) {
        ObjectNode body = JsonHttp.object()
                .put("status", "error")
                .put("message", e.getMessage())
                .put("correlationId", UUID.randomUUID().toString())
                .put("category", e.category());
        return SandboxResponse.json(e.status(), body);
    }

    static SandboxResponse secondlyLimitReached() {
        ObjectNode body = JsonHttp.object()
                .put("status", "error")
                .put("message", "You have reached your secondly limit.")
                .put("errorType", "RATE_LIMIT")
                .put("correlationId", UUID.randomUUID().toString())
                .put("policyName", "SECONDLY");
        return SandboxResponse.json(429, body).withHeader("Retry-After", "1");
    }
}
