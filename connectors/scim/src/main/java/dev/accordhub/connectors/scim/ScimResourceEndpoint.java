package dev.accordhub.connectors.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The operations on one resource type: create, read, list, replace, patch and delete (RFC 7644 §3.3 to §3.6).
 * Every write runs inside {@link ScimStore#atomically}, validates completely before it stores, and then tells
 * the listener.
 */
final class ScimResourceEndpoint {

    private final ScimResourceType type;
    private final ScimStore store;
    private final ScimChangeListener listener;
    private final Clock clock;
    private final ScimResourceValidator validator;
    private final ScimPatch patch;
    private final ScimMembership membership;

    ScimResourceEndpoint(ScimResourceType type, ScimStore store, ScimChangeListener listener, Clock clock,
                         ScimConfig config) {
        this.type = type;
        this.store = store;
        this.listener = listener;
        this.clock = clock;
        this.validator = new ScimResourceValidator(type);
        this.patch = new ScimPatch(type, config.maxPatchOperations());
        this.membership = new ScimMembership(store);
    }

    ScimResourceType type() {
        return type;
    }

    ScimResponse create(ScimRequest request) {
        ObjectNode attributes = validator.resource(ScimJson.parse(request.body()));
        ObjectNode stored = store.atomically(() -> {
            String id = UUID.randomUUID().toString();
            checkReferences(attributes, id);
            checkUniqueness(attributes, id);
            String now = now();
            return save(id, attributes, now, now, ScimETags.FIRST);
        });
        return respond(request, 201, stored);
    }

    ScimResponse get(ScimRequest request, String id) {
        JsonNode stored = existing(id);
        String version = stored.path("meta").path("version").asText();
        String ifNoneMatch = request.header("If-None-Match");
        if (ifNoneMatch != null && ScimETags.matches(ifNoneMatch, version)) {
            return ScimResponses.notModified(version);
        }
        return respond(request, 200, stored);
    }

    List<ScimListQuery.Candidate> candidates(String baseUrl) {
        Map<String, List<JsonNode>> groups = type.name().equals(ScimMembership.USER)
                ? membership.groupsByMember() : Map.of();
        List<ScimListQuery.Candidate> candidates = new ArrayList<>();
        for (JsonNode stored : store.all(type.name())) {
            candidates.add(new ScimListQuery.Candidate(type,
                    ScimMembership.render(type, stored, baseUrl, groups)));
        }
        return candidates;
    }

    ScimResponse replace(ScimRequest request, String id) {
        ObjectNode attributes = validator.resource(ScimJson.parse(request.body()));
        ObjectNode stored = store.atomically(() -> {
            ObjectNode previous = existingMatching(request, id);
            checkImmutableUnchanged(previous, attributes);
            checkReferences(attributes, id);
            checkUniqueness(attributes, id);
            return save(id, attributes, previous.path("meta").path("created").asText(), now(),
                    ScimETags.next(previous.path("meta").path("version").asText()));
        });
        return respond(request, 200, stored);
    }

    ScimResponse patch(ScimRequest request, String id) {
        JsonNode body = ScimJson.parse(request.body());
        ObjectNode stored = store.atomically(() -> {
            ObjectNode previous = existingMatching(request, id);
            ObjectNode patched = patch.apply(previous, body);
            if (patched.equals(previous)) {
                return previous;
            }
            checkReferences(patched, id);
            checkUniqueness(patched, id);
            JsonNode meta = patched.remove("meta");
            patched.remove("id");
            patched.remove("schemas");
            return save(id, patched, meta.path("created").asText(), now(),
                    ScimETags.next(meta.path("version").asText()));
        });
        return respond(request, 200, stored);
    }

    ScimResponse delete(ScimRequest request, String id) {
        store.atomically(() -> {
            existingMatching(request, id);
            store.delete(type.name(), id);
            listener.changed(type.name(), null, id);
            for (ObjectNode group : membership.groupsWithout(id)) {
                JsonNode meta = group.remove("meta");
                String groupId = group.remove("id").asText();
                group.remove("schemas");
                save(ScimMembership.GROUP, groupId, group, meta.path("created").asText(), now(),
                        ScimETags.next(meta.path("version").asText()));
            }
            return null;
        });
        return ScimResponses.noContent();
    }

    /** RFC 7644 §3.9: attributes and excludedAttributes apply to the resource a write returns too. */
    private ScimResponse respond(ScimRequest request, int status, JsonNode stored) {
        ObjectNode rendered = render(stored, request.baseUrl());
        ObjectNode body = ScimProjection.of(type, request.param("attributes"), request.param("excludedAttributes"))
                .apply(rendered);
        return ScimResponses.resource(status, rendered, body, status == 201);
    }

    private ObjectNode render(JsonNode stored, String baseUrl) {
        return ScimMembership.render(type, stored, baseUrl, type.name().equals(ScimMembership.USER)
                ? membership.groupsByMember() : Map.of());
    }

    private ObjectNode save(String id, ObjectNode attributes, String created, String modified, String version) {
        return save(type.name(), id, attributes, created, modified, version);
    }

    private ObjectNode save(String typeName, String id, ObjectNode attributes, String created, String modified,
                            String version) {
        ObjectNode resource = ScimJson.object();
        ArrayNode schemas = resource.putArray("schemas");
        ScimResourceType resourceType = typeName.equals(type.name()) ? type : ScimCoreSchemas.groupType();
        schemas.add(resourceType.schema().id());
        resourceType.extensions().stream().filter(e -> attributes.has(e.id())).forEach(e -> schemas.add(e.id()));
        resource.put("id", id);
        resource.setAll(attributes);
        resource.putObject("meta")
                .put("resourceType", typeName)
                .put("created", created)
                .put("lastModified", modified)
                .put("version", version);
        store.put(typeName, id, resource);
        listener.changed(typeName, resource.deepCopy(), id);
        return resource;
    }

    private JsonNode existing(String id) {
        return store.get(type.name(), id)
                .orElseThrow(() -> ScimException.notFound(type.name() + " '" + id + "' not found"));
    }

    private ObjectNode existingMatching(ScimRequest request, String id) {
        ObjectNode previous = (ObjectNode) existing(id);
        String ifMatch = request.header("If-Match");
        String version = previous.path("meta").path("version").asText();
        if (ifMatch != null && !ScimETags.matches(ifMatch, version)) {
            throw new ScimException(412, null,
                    type.name() + " '" + id + "' has changed: its version is " + version + ", not " + ifMatch);
        }
        return previous;
    }

    private void checkReferences(ObjectNode resource, String id) {
        if (type.name().equals(ScimMembership.GROUP)) {
            membership.checkMembers(resource, id);
        }
    }

    private void checkImmutableUnchanged(ObjectNode previous, ObjectNode replacement) {
        for (ScimAttribute attribute : type.schema().attributes()) {
            JsonNode before = previous.get(attribute.name());
            if (attribute.mutability() == ScimAttribute.Mutability.IMMUTABLE && before != null
                    && !before.equals(replacement.get(attribute.name()))) {
                throw ScimException.badRequest(ScimException.MUTABILITY, "'" + attribute.name() + "' is immutable");
            }
        }
    }

    /** RFC 7643 §2.2 uniqueness "server": no other resource of the type may have the same value. */
    private void checkUniqueness(ObjectNode resource, String id) {
        List<ScimAttribute> unique = type.schema().attributes().stream()
                .filter(a -> a.uniqueness() != ScimAttribute.Uniqueness.NONE && !a.multiValued())
                .filter(a -> resource.path(a.name()).isTextual())
                .toList();
        if (unique.isEmpty()) {
            return;
        }
        for (JsonNode other : store.all(type.name())) {
            if (other.path("id").asText().equals(id)) {
                continue;
            }
            for (ScimAttribute attribute : unique) {
                String mine = resource.get(attribute.name()).textValue();
                String theirs = other.path(attribute.name()).asText(null);
                if (theirs != null && (attribute.caseExact() ? mine.equals(theirs) : mine.equalsIgnoreCase(theirs))) {
                    throw new ScimException(409, ScimException.UNIQUENESS,
                            type.name() + " with " + attribute.name() + " '" + mine + "' already exists");
                }
            }
        }
    }

    private String now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
