package dev.accordhub.connectors.scim;

import java.util.List;
import java.util.Optional;

/** A schema (RFC 7643 §7): its URN, a name, and attribute definitions. */
public record ScimSchema(String id, String name, String description, List<ScimAttribute> attributes) {

    public ScimSchema {
        if (id == null || !id.regionMatches(true, 0, "urn:", 0, 4)) {
            throw new IllegalArgumentException("a SCIM schema id is a URN, got " + id);
        }
        attributes = List.copyOf(attributes);
    }

    public Optional<ScimAttribute> attribute(String attributeName) {
        return attributes.stream().filter(a -> a.name().equalsIgnoreCase(attributeName)).findFirst();
    }
}
