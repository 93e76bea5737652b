package dev.accordhub.connectors.scim;

import java.util.List;
import java.util.Optional;

/**
 * A resource type (RFC 7643 §6): core schema, extensions, and the common attributes id, externalId and meta that
 * every resource carries without listing them in its schema.
 */
public record ScimResourceType(String name, String endpoint, String description, ScimSchema schema,
                               List<ScimSchema> extensions) {

    public ScimResourceType {
        extensions = List.copyOf(extensions);
    }

    /** Finds a top-level attribute: common or core when {@code schemaUrn} is null or the core URN. */
    public Optional<ScimAttribute> attribute(String schemaUrn, String attributeName) {
        if (schemaUrn == null || schemaUrn.equalsIgnoreCase(schema.id())) {
            return ScimCoreSchemas.COMMON_ATTRIBUTES.stream()
                    .filter(a -> a.name().equalsIgnoreCase(attributeName))
                    .findFirst()
                    .or(() -> schema.attribute(attributeName));
        }
        return extension(schemaUrn).flatMap(e -> e.attribute(attributeName));
    }

    public Optional<ScimSchema> extension(String urn) {
        return extensions.stream().filter(e -> e.id().equalsIgnoreCase(urn)).findFirst();
    }

    /** The schema URN of an attribute given by a name that may carry a URN prefix of a schema of this type. */
    public boolean isSchemaUrn(String urn) {
        return urn.equalsIgnoreCase(schema.id()) || extension(urn).isPresent();
    }
}
