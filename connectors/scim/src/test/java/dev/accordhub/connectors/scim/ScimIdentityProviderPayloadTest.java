package dev.accordhub.connectors.scim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.accordhub.connectors.scim.ScimTestClient.json;
import static dev.accordhub.connectors.scim.ScimTestClient.resource;
import static org.assertj.core.api.Assertions.assertThat;

/** The provisioning conversations of Okta and Entra ID, with the bodies under src/test/resources/scim/. */
class ScimIdentityProviderPayloadTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String ACCORD = "urn:ietf:params:scim:schemas:extension:accord:2.0:User";

    private final ScimTestClient scim = new ScimTestClient();

    private static String body(String name, String userId, String otherUserId, String groupId) {
        return resource(name).replace("{{userId}}", String.valueOf(userId))
                .replace("{{otherUserId}}", String.valueOf(otherUserId))
                .replace("{{groupId}}", String.valueOf(groupId));
    }

    private JsonNode ok(ScimResponse response) {
        assertThat(response.status()).as(response.body()).isIn(200, 201);
        return json(response);
    }

    private int count(String path, Map<String, String> params) {
        return ok(scim.list(path, params)).get("totalResults").asInt();
    }

    @Test
    void oktaProvisionsUpdatesDeactivatesAndManagesAGroup() {
        Map<String, String> byUserName = Map.of("filter", "userName eq \"ana.silva@helios-partner.example\"",
                "startIndex", "1", "count", "100");
        assertThat(count("/Users", byUserName)).isZero();

        JsonNode created = ok(scim.post("/Users", resource("okta/create-user.json")));
        String userId = created.get("id").asText();
        assertThat(created.get("externalId").asText()).isEqualTo("00u1a2b3c4d5E6f7G8h9");
        assertThat(created.has("password")).isFalse();
        assertThat(count("/Users", byUserName)).isEqualTo(1);

        JsonNode replaced = ok(scim.put("/Users/" + userId, body("okta/replace-user.json", userId, null, null)));
        assertThat(replaced.get("name").get("familyName").asText()).isEqualTo("Silva-Costa");
        assertThat(replaced.get("locale").asText()).isEqualTo("pt-BR");

        JsonNode deactivated = ok(scim.patch("/Users/" + userId, resource("okta/deactivate-user.json")));
        assertThat(deactivated.get("active").asBoolean()).isFalse();

        String other = scim.createUser("li.wei@helios-partner.example");
        JsonNode group = ok(scim.post("/Groups", resource("okta/create-group.json")));
        String groupId = group.get("id").asText();
        assertThat(group.has("members")).isFalse();

        JsonNode withMembers = ok(scim.patch("/Groups/" + groupId,
                body("okta/group-add-members.json", userId, other, groupId)));
        assertThat(withMembers.get("members").findValuesAsText("value")).containsExactlyInAnyOrder(userId, other);

        JsonNode without = ok(scim.patch("/Groups/" + groupId,
                body("okta/group-remove-member.json", userId, other, groupId)));
        assertThat(without.get("members").findValuesAsText("value")).containsExactly(other);

        JsonNode renamed = ok(scim.patch("/Groups/" + groupId, body("okta/group-rename.json", null, null, groupId)));
        assertThat(renamed.get("displayName").asText()).isEqualTo("Helios Partner Administrators");
        assertThat(count("/Groups", Map.of("startIndex", "1", "count", "100"))).isEqualTo(1);

        assertThat(scim.delete("/Groups/" + groupId).status()).isEqualTo(204);
    }

    @Test
    void entraProvisionsWithTheEnterpriseAndAccordExtensions() {
        Map<String, String> byUserName = Map.of("filter", "userName eq \"li.wei@nimbus-partner.example\"");
        assertThat(count("/Users", byUserName)).isZero();

        JsonNode created = ok(scim.post("/Users", resource("entra/create-user.json")));
        String userId = created.get("id").asText();
        assertThat(created.get(ENTERPRISE).get("employeeNumber").asText()).isEqualTo("E-1042");
        assertThat(created.has("roles")).isFalse();
        ScimResponse again = scim.post("/Users", resource("entra/create-user.json"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(json(again).get("scimType").asText()).isEqualTo("uniqueness");
        assertThat(count("/Users", Map.of("filter", "externalId eq \"8f1c5a2e-3d4b-4e6f-9a7b-0c1d2e3f4a5b\"")))
                .isEqualTo(1);

        String manager = scim.createUser("boss@nimbus-partner.example");
        JsonNode updated = ok(scim.patch("/Users/" + userId, body("entra/update-user.json", userId, manager, null)));
        assertThat(updated.get("emails")).singleElement().satisfies(e -> {
            assertThat(e.get("value").asText()).isEqualTo("li.wei@nimbus.example");
            assertThat(e.get("primary").asBoolean()).isTrue();
        });
        assertThat(updated.get("name").get("familyName").asText()).isEqualTo("Wei-Lang");
        assertThat(updated.get("name").get("givenName").asText()).isEqualTo("Li");
        assertThat(updated.get("phoneNumbers")).hasSize(2);
        assertThat(updated.get(ENTERPRISE).get("manager").get("value").asText()).isEqualTo(manager);
        assertThat(updated.get(ENTERPRISE).get("department").asText()).isEqualTo("Partner Sales");
        assertThat(updated.get(ACCORD).get("partnerId").asText()).isEqualTo("nimbus-0042");
        assertThat(updated.get("roles").findValuesAsText("value")).containsExactly("deal-registrar");
        assertThat(updated.get("schemas")).extracting(JsonNode::asText)
                .containsExactly("urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE, ACCORD);

        JsonNode disabled = ok(scim.patch("/Users/" + userId, resource("entra/disable-user.json")));
        assertThat(disabled.get("active").isBoolean()).isTrue();
        assertThat(disabled.get("active").asBoolean()).isFalse();

        assertThat(scim.delete("/Users/" + userId).status()).isEqualTo(204);
        assertThat(count("/Users", byUserName)).isZero();
    }

    @Test
    void entraManagesGroupMembership() {
        String userId = scim.createUser("li.wei@nimbus-partner.example");
        Map<String, String> byName = Map.of("excludedAttributes", "members",
                "filter", "displayName eq \"Nimbus Deal Registrars\"");
        assertThat(count("/Groups", byName)).isZero();

        JsonNode group = ok(scim.post("/Groups", resource("entra/create-group.json")));
        String groupId = group.get("id").asText();
        assertThat(group.get("schemas")).extracting(JsonNode::asText)
                .containsExactly("urn:ietf:params:scim:schemas:core:2.0:Group");
        assertThat(count("/Groups", byName)).isEqualTo(1);

        JsonNode added = ok(scim.patch("/Groups/" + groupId, body("entra/group-add-member.json", userId, null, null)));
        assertThat(added.get("members").findValuesAsText("value")).containsExactly(userId);
        assertThat(ok(scim.get("/Users/" + userId)).get("groups").findValuesAsText("value")).containsExactly(groupId);

        JsonNode removed = ok(scim.patch("/Groups/" + groupId,
                body("entra/group-remove-member.json", userId, null, null)));
        assertThat(removed.has("members")).isFalse();

        JsonNode renamed = ok(scim.patch("/Groups/" + groupId, resource("entra/group-rename.json")));
        assertThat(renamed.get("displayName").asText()).isEqualTo("Nimbus Deal Registrars (EMEA)");
    }
}
