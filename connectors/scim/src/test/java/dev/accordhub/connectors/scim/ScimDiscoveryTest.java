package dev.accordhub.connectors.scim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.accordhub.connectors.scim.ScimTestClient.BASE;
import static dev.accordhub.connectors.scim.ScimTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

class ScimDiscoveryTest {

    private final ScimTestClient scim = new ScimTestClient(ScimConfig.defaults().withMaxResults(150)
            .withMaxBodyBytes(4096).withUserExtension(ScimCoreSchemas.ACCORD_USER_SCHEMA));

    private JsonNode getOk(String path) {
        ScimResponse response = scim.get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/scim+json");
        return json(response);
    }

    @Test
    void serviceProviderConfigTellsWhatIsSupported() {
        JsonNode config = getOk("/ServiceProviderConfig");

        assertThat(config.get("schemas").get(0).asText())
                .isEqualTo("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
        assertThat(config.at("/patch/supported").asBoolean()).isTrue();
        assertThat(config.at("/bulk/supported").asBoolean()).isFalse();
        assertThat(config.at("/filter/supported").asBoolean()).isTrue();
        assertThat(config.at("/filter/maxResults").asInt()).isEqualTo(150);
        assertThat(config.at("/sort/supported").asBoolean()).isTrue();
        assertThat(config.at("/etag/supported").asBoolean()).isTrue();
        assertThat(config.at("/changePassword/supported").asBoolean()).isFalse();
        assertThat(config.get("authenticationSchemes")).isNotEmpty();
        assertThat(config.at("/meta/location").asText()).isEqualTo(BASE + "/ServiceProviderConfig");
    }

    @Test
    void resourceTypesListUsersWithBothExtensionsAndGroups() {
        JsonNode list = getOk("/ResourceTypes");

        assertThat(list.get("totalResults").asInt()).isEqualTo(2);
        JsonNode user = getOk("/ResourceTypes/User");
        assertThat(user.get("endpoint").asText()).isEqualTo("/Users");
        assertThat(user.get("schema").asText()).isEqualTo("urn:ietf:params:scim:schemas:core:2.0:User");
        assertThat(user.get("schemaExtensions").findValuesAsText("schema")).containsExactly(
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                "urn:ietf:params:scim:schemas:extension:accord:2.0:User");
        assertThat(user.at("/meta/location").asText()).isEqualTo(BASE + "/ResourceTypes/User");
        assertThat(getOk("/ResourceTypes/Group").get("endpoint").asText()).isEqualTo("/Groups");
    }

    @Test
    void schemasAreGeneratedFromTheDefinitionsThatValidate() {
        JsonNode list = getOk("/Schemas");

        assertThat(list.get("Resources").findValuesAsText("id")).containsExactly(
                "urn:ietf:params:scim:schemas:core:2.0:User",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                "urn:ietf:params:scim:schemas:extension:accord:2.0:User",
                "urn:ietf:params:scim:schemas:core:2.0:Group");

        JsonNode user = getOk("/Schemas/urn:ietf:params:scim:schemas:core:2.0:User");
        JsonNode userName = attribute(user, "userName");
        assertThat(userName.get("type").asText()).isEqualTo("string");
        assertThat(userName.get("required").asBoolean()).isTrue();
        assertThat(userName.get("caseExact").asBoolean()).isFalse();
        assertThat(userName.get("uniqueness").asText()).isEqualTo("server");
        assertThat(userName.get("mutability").asText()).isEqualTo("readWrite");
        JsonNode emails = attribute(user, "emails");
        assertThat(emails.get("multiValued").asBoolean()).isTrue();
        assertThat(emails.get("subAttributes").findValuesAsText("name"))
                .containsExactly("value", "display", "type", "primary");
        assertThat(attribute(user, "groups").get("mutability").asText()).isEqualTo("readOnly");
        assertThat(attribute(user, "password").get("returned").asText()).isEqualTo("never");
        assertThat(attribute(user, "roles").get("multiValued").asBoolean()).isTrue();

        JsonNode accord = getOk("/Schemas/urn:ietf:params:scim:schemas:extension:accord:2.0:User");
        assertThat(attribute(accord, "partnerId").get("type").asText()).isEqualTo("string");
        assertThat(accord.at("/meta/location").asText())
                .isEqualTo(BASE + "/Schemas/urn:ietf:params:scim:schemas:extension:accord:2.0:User");

        JsonNode group = getOk("/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group");
        assertThat(attribute(group, "members").get("subAttributes").findValuesAsText("name"))
                .contains("value", "$ref", "display", "type");
    }

    @Test
    void everyAttributeTheSchemaListsIsAcceptedOnCreate() {
        JsonNode schemas = getOk("/Schemas");
        List<String> names = schemas.get("Resources").get(0).get("attributes").findValuesAsText("name");

        assertThat(names).contains("userName", "name", "displayName", "emails", "phoneNumbers", "active", "title",
                "userType", "locale", "groups", "roles");
        ScimResponse response = scim.call("POST", "/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"all@example.com",
                 "timezone":"Europe/Berlin","preferredLanguage":"de","nickName":"A","profileUrl":"https://x.example",
                 "addresses":[{"locality":"Berlin","country":"DE","type":"work"}],
                 "entitlements":[{"value":"portal"}]}""", Map.of(), Map.of());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private static JsonNode attribute(JsonNode schema, String name) {
        for (JsonNode attribute : schema.get("attributes")) {
            if (attribute.get("name").asText().equals(name)) {
                return attribute;
            }
        }
        throw new AssertionError("no attribute " + name + " in " + schema.get("id"));
    }
}
