package dev.accordhub.connectors.scim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The discovery endpoints of RFC 7644 §4, generated from the same definitions that validate requests. */
final class ScimDiscovery {

    private final List<ScimResourceType> types;
    private final ScimConfig config;

    ScimDiscovery(List<ScimResourceType> types, ScimConfig config) {
        this.types = types;
        this.config = config;
    }

    ObjectNode serviceProviderConfig(String baseUrl) {
        ObjectNode body = ScimJson.object();
        body.putArray("schemas").add(ScimCoreSchemas.SERVICE_PROVIDER_CONFIG);
        body.putObject("patch").put("supported", true);
        body.putObject("bulk").put("supported", false).put("maxOperations", 0).put("maxPayloadSize", 0);
        body.putObject("filter").put("supported", true).put("maxResults", config.maxResults());
        body.putObject("changePassword").put("supported", false);
        body.putObject("sort").put("supported", true);
        body.putObject("etag").put("supported", true);
        body.putArray("authenticationSchemes").addObject()
                .put("type", "oauthbearertoken")
                .put("name", "OAuth Bearer Token")
                .put("description", "Authentication with a bearer token in the Authorization header")
                .put("primary", true);
        meta(body, "ServiceProviderConfig", baseUrl + "/ServiceProviderConfig");
        return body;
    }

    List<ObjectNode> resourceTypes(String baseUrl) {
        return types.stream().map(t -> resourceType(t, baseUrl)).toList();
    }

    ObjectNode resourceType(ScimResourceType type, String baseUrl) {
        ObjectNode body = ScimJson.object();
        body.putArray("schemas").add(ScimCoreSchemas.RESOURCE_TYPE);
        body.put("id", type.name());
        body.put("name", type.name());
        body.put("endpoint", type.endpoint());
        body.put("description", type.description());
        body.put("schema", type.schema().id());
        ArrayNode extensions = body.putArray("schemaExtensions");
        type.extensions().forEach(e -> extensions.addObject().put("schema", e.id()).put("required", false));
        meta(body, "ResourceType", baseUrl + "/ResourceTypes/" + type.name());
        return body;
    }

    List<ObjectNode> schemas(String baseUrl) {
        Map<String, ScimSchema> schemas = new LinkedHashMap<>();
        for (ScimResourceType type : types) {
            schemas.putIfAbsent(type.schema().id(), type.schema());
            type.extensions().forEach(e -> schemas.putIfAbsent(e.id(), e));
        }
        List<ObjectNode> bodies = new ArrayList<>();
        schemas.values().forEach(s -> bodies.add(schema(s, baseUrl)));
        return bodies;
    }

    ObjectNode schema(ScimSchema schema, String baseUrl) {
        ObjectNode body = ScimJson.object();
        body.putArray("schemas").add(ScimCoreSchemas.SCHEMA);
        body.put("id", schema.id());
        body.put("name", schema.name());
        body.put("description", schema.description());
        ArrayNode attributes = body.putArray("attributes");
        schema.attributes().forEach(a -> attributes.add(attribute(a)));
        meta(body, "Schema", baseUrl + "/Schemas/" + schema.id());
        return body;
    }

    static ObjectNode listOf(List<ObjectNode> resources) {
        ObjectNode body = ScimJson.object();
        body.putArray("schemas").add(ScimCoreSchemas.LIST_RESPONSE);
        body.put("totalResults", resources.size());
        body.put("startIndex", 1);
        body.put("itemsPerPage", resources.size());
        resources.forEach(body.putArray("Resources")::add);
        return body;
    }

    private static ObjectNode attribute(ScimAttribute attribute) {
        ObjectNode body = ScimJson.object();
        body.put("name", attribute.name());
        body.put("type", attribute.type().scimName());
        body.put("multiValued", attribute.multiValued());
        body.put("description", attribute.description());
        body.put("required", attribute.required());
        if (attribute.type().isText() && attribute.type() != ScimAttribute.Type.DATE_TIME) {
            body.put("caseExact", attribute.caseExact());
        }
        if (!attribute.canonicalValues().isEmpty()) {
            attribute.canonicalValues().forEach(body.putArray("canonicalValues")::add);
        }
        if (!attribute.referenceTypes().isEmpty()) {
            attribute.referenceTypes().forEach(body.putArray("referenceTypes")::add);
        }
        body.put("mutability", attribute.mutability().scimName());
        body.put("returned", attribute.returned().scimName());
        if (!attribute.isComplex()) {
            body.put("uniqueness", attribute.uniqueness().scimName());
        } else {
            ArrayNode subs = body.putArray("subAttributes");
            attribute.subAttributes().forEach(s -> subs.add(attribute(s)));
        }
        return body;
    }

    private static void meta(ObjectNode body, String resourceType, String location) {
        body.putObject("meta").put("resourceType", resourceType).put("location", location);
    }
}
