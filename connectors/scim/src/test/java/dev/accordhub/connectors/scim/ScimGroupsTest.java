package dev.accordhub.connectors.scim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.accordhub.connectors.scim.ScimTestClient.BASE;
import static dev.accordhub.connectors.scim.ScimTestClient.json;
import static dev.accordhub.connectors.scim.ScimTestClient.patchOp;
import static org.assertj.core.api.Assertions.assertThat;

class ScimGroupsTest {

    private final ScimTestClient scim = new ScimTestClient();
    private String alice;
    private String bob;

    @BeforeEach
    void createUsers() {
        alice = scim.createUser("alice@example.com");
        bob = scim.createUser("bob@example.com");
    }

    private String createGroup(String displayName, String... members) {
        StringBuilder list = new StringBuilder();
        for (String member : members) {
            list.append(list.isEmpty() ? "" : ",").append("{\"value\":\"").append(member).append("\"}");
        }
        return scim.create("/Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"%s","members":[%s]}"""
                .formatted(displayName, list));
    }

    private JsonNode members(String groupId) {
        return json(scim.get("/Groups/" + groupId)).path("members");
    }

    @Test
    void createStoresMembersWithTypeAndRendersTheirRef() {
        ScimResponse response = scim.post("/Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Helios partners",
                 "externalId":"okta-grp-1","members":[{"value":"%s","display":"Alice"}]}""".formatted(alice));

        assertThat(response.status()).isEqualTo(201);
        JsonNode group = json(response);
        assertThat(response.header("Location")).isEqualTo(BASE + "/Groups/" + group.get("id").asText());
        assertThat(group.get("meta").get("resourceType").asText()).isEqualTo("Group");
        assertThat(group.get("members")).singleElement().satisfies(m -> {
            assertThat(m.get("value").asText()).isEqualTo(alice);
            assertThat(m.get("type").asText()).isEqualTo("User");
            assertThat(m.get("display").asText()).isEqualTo("Alice");
            assertThat(m.get("$ref").asText()).isEqualTo(BASE + "/Users/" + alice);
        });
    }

    @Test
    void anUnknownMemberIs400AndNothingIsStored() {
        ScimResponse response = scim.post("/Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"G","members":[{"value":"ghost"}]}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(json(response).get("scimType").asText()).isEqualTo("invalidValue");
        assertThat(scim.store.all("Group")).isEmpty();
    }

    @Test
    void aMemberWithoutValueIsInvalid() {
        ScimResponse response = scim.post("/Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"G","members":[{"display":"x"}]}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(json(response).get("scimType").asText()).isEqualTo("invalidValue");
    }

    @Test
    void patchAddsMembersWithoutDuplicates() {
        String group = createGroup("Partners", alice);

        ScimResponse response = scim.patch("/Groups/" + group, patchOp("""
                [{"op":"add","path":"members","value":[{"value":"%s"},{"value":"%s","display":"Bob"}]}]"""
                .formatted(alice, bob)));

        assertThat(response.status()).isEqualTo(200);
        assertThat(members(group)).extracting(m -> m.get("value").asText()).containsExactlyInAnyOrder(alice, bob);
    }

    @Test
    void patchRemovesAMemberByValueFilterAsOktaDoes() {
        String group = createGroup("Partners", alice, bob);

        ScimResponse response = scim.patch("/Groups/" + group, patchOp("""
                [{"op":"remove","path":"members[value eq \\"%s\\"]"}]""".formatted(alice)));

        assertThat(response.status()).isEqualTo(200);
        assertThat(members(group)).extracting(m -> m.get("value").asText()).containsExactly(bob);
    }

    @Test
    void patchRemovesMembersListedInTheValueAsEntraDoes() {
        String group = createGroup("Partners", alice, bob);

        ScimResponse response = scim.patch("/Groups/" + group, patchOp("""
                [{"op":"Remove","path":"members","value":[{"$ref":null,"value":"%s"}]}]""".formatted(bob)));

        assertThat(response.status()).isEqualTo(200);
        assertThat(members(group)).extracting(m -> m.get("value").asText()).containsExactly(alice);
    }

    @Test
    void removingTheLastMemberLeavesAGroupWithoutMembers() {
        String group = createGroup("Partners", alice);

        scim.patch("/Groups/" + group, patchOp("[{\"op\":\"remove\",\"path\":\"members\"}]"));

        assertThat(json(scim.get("/Groups/" + group)).has("members")).isFalse();
    }

    @Test
    void replaceMembersSwapsTheWholeList() {
        String group = createGroup("Partners", alice);

        scim.patch("/Groups/" + group, patchOp("""
                [{"op":"replace","path":"members","value":[{"value":"%s"}]}]""".formatted(bob)));

        assertThat(members(group)).extracting(m -> m.get("value").asText()).containsExactly(bob);
    }

    @Test
    void addingAnUnknownMemberByPatchIs400AndKeepsTheGroup() {
        String group = createGroup("Partners", alice);

        ScimResponse response = scim.patch("/Groups/" + group,
                patchOp("[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"ghost\"}]}]"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(members(group)).extracting(m -> m.get("value").asText()).containsExactly(alice);
    }

    @Test
    void groupsCanBeMembersButNotOfThemselves() {
        String inner = createGroup("Inner", alice);
        String outer = createGroup("Outer", inner);

        assertThat(members(outer)).singleElement().satisfies(m -> {
            assertThat(m.get("type").asText()).isEqualTo("Group");
            assertThat(m.get("$ref").asText()).isEqualTo(BASE + "/Groups/" + inner);
        });
        ScimResponse self = scim.patch("/Groups/" + outer,
                patchOp("[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + outer + "\"}]}]"));
        assertThat(self.status()).isEqualTo(400);
    }

    @Test
    void deletingAUserRemovesItFromItsGroupsAndReportsTheGroups() {
        String group = createGroup("Partners", alice, bob);
        scim.changes.clear();

        assertThat(scim.delete("/Users/" + alice).status()).isEqualTo(204);

        assertThat(members(group)).extracting(m -> m.get("value").asText()).containsExactly(bob);
        assertThat(scim.changes).extracting(ScimTestClient.Change::type).containsExactly("User", "Group");
        assertThat(json(scim.get("/Groups/" + group)).get("meta").get("version").asText()).isEqualTo("W/\"2\"");
    }

    @Test
    void renameAsOktaSendsItWithIdInTheValue() {
        String group = createGroup("Old name", alice);

        ScimResponse response = scim.patch("/Groups/" + group, patchOp("""
                [{"op":"replace","value":{"id":"%s","displayName":"New name"}}]""".formatted(group)));

        assertThat(response.status()).isEqualTo(200);
        assertThat(json(response).get("displayName").asText()).isEqualTo("New name");
        assertThat(json(response).get("members")).hasSize(1);
    }

    @Test
    void listExcludingMembersAsEntraAsks() {
        createGroup("Partners", alice, bob);

        JsonNode list = json(scim.list("/Groups", Map.of("excludedAttributes", "members",
                "filter", "displayName eq \"partners\"")));

        assertThat(list.get("totalResults").asInt()).isEqualTo(1);
        assertThat(list.get("Resources").get(0).has("members")).isFalse();
        assertThat(list.get("Resources").get(0).get("displayName").asText()).isEqualTo("Partners");
    }

    @Test
    void filterOnMembersValue() {
        String group = createGroup("Partners", alice);
        createGroup("Others", bob);

        JsonNode list = json(scim.list("/Groups", Map.of("filter", "members[value eq \"" + alice + "\"]")));

        assertThat(list.get("Resources")).singleElement()
                .satisfies(g -> assertThat(g.get("id").asText()).isEqualTo(group));
    }

    @Test
    void putReplacesMembersAndDeleteRemovesTheGroup() {
        String group = createGroup("Partners", alice);

        ScimResponse put = scim.put("/Groups/" + group, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Partners",
                 "members":[{"value":"%s"}]}""".formatted(bob));
        assertThat(put.status()).isEqualTo(200);
        assertThat(members(group)).extracting(m -> m.get("value").asText()).containsExactly(bob);

        assertThat(scim.delete("/Groups/" + group).status()).isEqualTo(204);
        assertThat(scim.get("/Groups/" + group).status()).isEqualTo(404);
        assertThat(json(scim.get("/Users/" + bob)).has("groups")).isFalse();
    }
}
