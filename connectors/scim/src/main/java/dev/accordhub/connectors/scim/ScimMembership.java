package dev.accordhub.connectors.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Group members reference Users and Groups by id. Members are checked on every write; a User's read-only
 * {@code groups} is derived from the Groups when rendered, so it can never disagree with them.
 */
final class ScimMembership {

    static final String USER = "User";
    static final String GROUP = "Group";

    private final ScimStore store;

    ScimMembership(ScimStore store) {
        this.store = store;
    }

    /** Every member must exist; its {@code type} is filled in or must agree. 400 invalidValue otherwise. */
    void checkMembers(ObjectNode group, String groupId) {
        for (JsonNode member : ScimJson.values(group.get("members"))) {
            String id = member.path("value").asText();
            String actual = store.get(USER, id).isPresent() ? USER : store.get(GROUP, id).isPresent() ? GROUP : null;
            if (actual == null) {
                throw ScimException.badRequest(ScimException.INVALID_VALUE,
                        "Member '" + id + "' is neither a User nor a Group");
            }
            if (id.equals(groupId)) {
                throw ScimException.badRequest(ScimException.INVALID_VALUE, "A Group cannot be its own member");
            }
            JsonNode given = member.get("type");
            if (given != null && !given.asText().equalsIgnoreCase(actual)) {
                throw ScimException.badRequest(ScimException.INVALID_VALUE,
                        "Member '" + id + "' is a " + actual + ", not a " + given.asText());
            }
            ((ObjectNode) member).put("type", actual);
            ((ObjectNode) member).remove("$ref");
        }
    }

    /** Group resources by the id of each of their members. */
    Map<String, List<JsonNode>> groupsByMember() {
        Map<String, List<JsonNode>> index = new HashMap<>();
        for (JsonNode group : store.all(GROUP)) {
            for (JsonNode member : ScimJson.values(group.get("members"))) {
                index.computeIfAbsent(member.path("value").asText(), id -> new ArrayList<>()).add(group);
            }
        }
        return index;
    }

    /** The Groups that list {@code memberId}, each as a copy without that member. */
    List<ObjectNode> groupsWithout(String memberId) {
        List<ObjectNode> changed = new ArrayList<>();
        for (JsonNode group : store.all(GROUP)) {
            ArrayNode members = group.get("members") instanceof ArrayNode array ? array : null;
            if (members == null) {
                continue;
            }
            ArrayNode kept = ScimJson.MAPPER.createArrayNode();
            members.forEach(m -> {
                if (!m.path("value").asText().equals(memberId)) {
                    kept.add(m);
                }
            });
            if (kept.size() != members.size()) {
                ObjectNode copy = group.deepCopy();
                if (kept.isEmpty()) {
                    copy.remove("members");
                } else {
                    copy.set("members", kept);
                }
                changed.add(copy);
            }
        }
        return changed;
    }

    /** The derived, request-dependent parts: meta.location, members' $ref, a User's groups. */
    static ObjectNode render(ScimResourceType type, JsonNode stored, String baseUrl,
                             Map<String, List<JsonNode>> groupsByMember) {
        ObjectNode out = stored.deepCopy();
        String id = out.path("id").asText();
        for (JsonNode member : ScimJson.values(out.get("members"))) {
            String endpoint = GROUP.equals(member.path("type").asText()) ? "/Groups/" : "/Users/";
            ((ObjectNode) member).put("$ref", baseUrl + endpoint + member.path("value").asText());
        }
        JsonNode meta = out.remove("meta");
        List<JsonNode> groups = groupsByMember.getOrDefault(id, List.of());
        if (type.name().equals(USER) && !groups.isEmpty()) {
            ArrayNode list = out.putArray("groups");
            groups.forEach(g -> {
                ObjectNode entry = list.addObject();
                entry.put("value", g.path("id").asText());
                entry.put("$ref", baseUrl + "/Groups/" + g.path("id").asText());
                entry.put("display", g.path("displayName").asText());
                entry.put("type", "direct");
            });
        }
        if (meta instanceof ObjectNode metaObject) {
            metaObject.put("location", baseUrl + type.endpoint() + "/" + id);
            out.set("meta", metaObject);
        }
        return out;
    }
}
