package dev.accordhub.connectors.scim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.accordhub.connectors.scim.ScimTestClient.BASE;
import static dev.accordhub.connectors.scim.ScimTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

class ScimUsersTest {

    private final ScimTestClient scim = new ScimTestClient();

    private static final String BJENSEN = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                        "urn:ietf:params:scim:schemas:extension:accord:2.0:User"],
             "externalId":"00u1bjensen","userName":"bjensen@example.com",
             "name":{"givenName":"Barbara","familyName":"Jensen","formatted":"Barbara Jensen"},
             "displayName":"Babs Jensen","title":"Tour Guide","userType":"Employee","locale":"en-US","active":true,
             "emails":[{"value":"bjensen@example.com","type":"work","primary":true}],
             "phoneNumbers":[{"value":"+1 555 0100","type":"work"}],
             "roles":[{"value":"deal-registrar","display":"Deal registrar","type":"accord","primary":true}],
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":
                 {"employeeNumber":"701984","organization":"Helios","department":"Sales","manager":{"value":"m-1"}},
             "urn:ietf:params:scim:schemas:extension:accord:2.0:User":{"partnerId":"P-42"}}
            """;

    @Test
    void createAnswers201WithLocationETagAndMeta() {
        ScimResponse response = scim.post("/Users", BJENSEN);

        assertThat(response.status()).isEqualTo(201);
        JsonNode user = json(response);
        String id = user.get("id").asText();
        assertThat(id).isNotBlank();
        assertThat(response.header("Content-Type")).isEqualTo("application/scim+json");
        assertThat(response.header("Location")).isEqualTo(BASE + "/Users/" + id);
        assertThat(response.header("ETag")).isEqualTo("W/\"1\"");
        assertThat(user.get("meta").get("resourceType").asText()).isEqualTo("User");
        assertThat(user.get("meta").get("location").asText()).isEqualTo(BASE + "/Users/" + id);
        assertThat(user.get("meta").get("version").asText()).isEqualTo("W/\"1\"");
        assertThat(user.get("meta").get("created").asText()).isEqualTo(user.get("meta").get("lastModified").asText());
        assertThat(user.get("externalId").asText()).isEqualTo("00u1bjensen");
        assertThat(user.get("urn:ietf:params:scim:schemas:extension:accord:2.0:User").get("partnerId").asText())
                .isEqualTo("P-42");
        assertThat(user.get("roles").get(0).get("value").asText()).isEqualTo("deal-registrar");
        assertThat(scim.changes).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo("User");
            assertThat(c.id()).isEqualTo(id);
            assertThat(c.resource().get("userName").asText()).isEqualTo("bjensen@example.com");
        });
    }

    @Test
    void createIgnoresReadOnlyAttributesAndDiscardsThePassword() {
        ScimResponse response = scim.post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"chosen-by-client",
                 "userName":"a@example.com","password":"s3cret","groups":[{"value":"g"}],
                 "meta":{"resourceType":"User","version":"W/\\"99\\""}}""");

        assertThat(response.status()).isEqualTo(201);
        JsonNode user = json(response);
        assertThat(user.get("id").asText()).isNotEqualTo("chosen-by-client");
        assertThat(user.has("password")).isFalse();
        assertThat(user.has("groups")).isFalse();
        assertThat(user.get("meta").get("version").asText()).isEqualTo("W/\"1\"");
        assertThat(scim.store.all("User").get(0).has("password")).isFalse();
    }

    @Test
    void attributeNamesAreCaseInsensitiveAndStoredInSchemaSpelling() {
        String id = scim.create("/Users", """
                {"SCHEMAS":["urn:ietf:params:scim:schemas:core:2.0:User"],"USERNAME":"caps@example.com",
                 "Name":{"GIVENNAME":"Cap"}}""");

        JsonNode user = json(scim.get("/Users/" + id));
        assertThat(user.get("userName").asText()).isEqualTo("caps@example.com");
        assertThat(user.get("name").get("givenName").asText()).isEqualTo("Cap");
    }

    @Test
    void getAnswersTheResourceWithItsETagAnd404ForAnUnknownId() {
        String id = scim.create("/Users", BJENSEN);

        ScimResponse response = scim.get("/Users/" + id);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("ETag")).isEqualTo("W/\"1\"");
        assertThat(json(response).get("displayName").asText()).isEqualTo("Babs Jensen");

        ScimResponse missing = scim.get("/Users/nope");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(json(missing).get("schemas").get(0).asText())
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(json(missing).get("status").asText()).isEqualTo("404");
    }

    @Test
    void ifNoneMatchWithTheCurrentVersionAnswers304() {
        String id = scim.create("/Users", BJENSEN);

        ScimResponse notModified = scim.call("GET", "/Users/" + id, null, Map.of("If-None-Match", "W/\"1\""), Map.of());
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.body()).isNull();
        assertThat(notModified.header("ETag")).isEqualTo("W/\"1\"");

        ScimResponse changed = scim.call("GET", "/Users/" + id, null, Map.of("If-None-Match", "W/\"0\""), Map.of());
        assertThat(changed.status()).isEqualTo(200);
    }

    @Test
    void userNameIsUniqueIgnoringCase() {
        scim.create("/Users", BJENSEN);

        ScimResponse duplicate = scim.post("/Users", BJENSEN.replace("\"bjensen@example.com\",\n", "\"BJensen@Example.com\",\n"));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(json(duplicate).get("scimType").asText()).isEqualTo("uniqueness");
        assertThat(json(duplicate).get("status").asText()).isEqualTo("409");
        assertThat(scim.store.all("User")).hasSize(1);
    }

    @Test
    void putReplacesTheResourceKeepsIdAndCreatedAndMayChangeUserName() {
        String id = scim.create("/Users", BJENSEN);
        JsonNode before = json(scim.get("/Users/" + id));

        ScimResponse response = scim.put("/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"ignored","userName":"barbara@example.com",
                 "active":false,"meta":{"created":"1999-01-01T00:00:00Z"}}""");

        assertThat(response.status()).isEqualTo(200);
        JsonNode after = json(response);
        assertThat(after.get("id").asText()).isEqualTo(id);
        assertThat(after.get("userName").asText()).isEqualTo("barbara@example.com");
        assertThat(after.get("active").asBoolean()).isFalse();
        assertThat(after.has("title")).as("PUT replaces: attributes left out are gone").isFalse();
        assertThat(after.has("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")).isFalse();
        assertThat(after.get("schemas")).hasSize(1);
        assertThat(after.get("meta").get("created")).isEqualTo(before.get("meta").get("created"));
        assertThat(after.get("meta").get("lastModified").asText())
                .isGreaterThan(before.get("meta").get("lastModified").asText());
        assertThat(response.header("ETag")).isEqualTo("W/\"2\"");
    }

    @Test
    void putOfAMissingResourceIs404AndOfATakenUserName409() {
        String other = scim.create("/Users", BJENSEN);
        String id = scim.createUser("second@example.com");

        assertThat(scim.put("/Users/missing", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"x\"}").status()).isEqualTo(404);
        ScimResponse taken = scim.put("/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"BJENSEN@example.com\"}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(json(scim.get("/Users/" + other)).get("userName").asText()).isEqualTo("bjensen@example.com");
        assertThat(json(scim.get("/Users/" + id)).get("userName").asText()).isEqualTo("second@example.com");
    }

    @Test
    void ifMatchWithAStaleVersionIs412AndChangesNothing() {
        String id = scim.create("/Users", BJENSEN);
        scim.patch("/Users/" + id, ScimTestClient.patchOp("[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Lead\"}]"));

        ScimResponse stale = scim.call("PATCH", "/Users/" + id,
                ScimTestClient.patchOp("[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Stale\"}]"),
                Map.of("If-Match", "W/\"1\""), Map.of());
        assertThat(stale.status()).isEqualTo(412);
        assertThat(json(stale).get("status").asText()).isEqualTo("412");
        assertThat(json(stale).has("scimType")).isFalse();
        assertThat(scim.call("PUT", "/Users/" + id, BJENSEN, Map.of("If-Match", "W/\"1\""), Map.of()).status())
                .isEqualTo(412);
        assertThat(scim.call("DELETE", "/Users/" + id, null, Map.of("If-Match", "W/\"1\""), Map.of()).status())
                .isEqualTo(412);
        assertThat(json(scim.get("/Users/" + id)).get("title").asText()).isEqualTo("Lead");

        ScimResponse current = scim.call("PATCH", "/Users/" + id,
                ScimTestClient.patchOp("[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Fresh\"}]"),
                Map.of("If-Match", "W/\"2\""), Map.of());
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.header("ETag")).isEqualTo("W/\"3\"");
        assertThat(scim.call("DELETE", "/Users/" + id, null, Map.of("If-Match", "*"), Map.of()).status())
                .isEqualTo(204);
    }

    @Test
    void deleteAnswers204ThenTheUserIsGone() {
        String id = scim.create("/Users", BJENSEN);

        ScimResponse response = scim.delete("/Users/" + id);

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body()).isNull();
        assertThat(scim.get("/Users/" + id).status()).isEqualTo(404);
        assertThat(scim.delete("/Users/" + id).status()).isEqualTo(404);
        assertThat(scim.changes).last().satisfies(c -> {
            assertThat(c.id()).isEqualTo(id);
            assertThat(c.resource()).isNull();
        });
    }

    @Test
    void patchThatChangesNothingKeepsTheVersionAndTellsNoOne() {
        String id = scim.create("/Users", BJENSEN);

        ScimResponse response = scim.patch("/Users/" + id,
                ScimTestClient.patchOp("[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Tour Guide\"}]"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("ETag")).isEqualTo("W/\"1\"");
        assertThat(scim.changes).hasSize(1);
    }

    @Test
    void getHonoursAttributesAndExcludedAttributes() {
        String id = scim.create("/Users", BJENSEN);

        JsonNode only = json(scim.list("/Users/" + id, Map.of("attributes", "userName,name.familyName,"
                + "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department")));
        assertThat(only.get("id").asText()).isEqualTo(id);
        assertThat(only.get("userName").asText()).isEqualTo("bjensen@example.com");
        assertThat(only.get("name").get("familyName").asText()).isEqualTo("Jensen");
        assertThat(only.get("name").has("givenName")).isFalse();
        JsonNode enterprise = only.get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
        assertThat(enterprise.size()).isEqualTo(1);
        assertThat(enterprise.get("department").asText()).isEqualTo("Sales");
        assertThat(only.has("title")).isFalse();
        assertThat(only.has("schemas")).isTrue();

        JsonNode without = json(scim.list("/Users/" + id, Map.of("excludedAttributes", "emails,name.formatted,id")));
        assertThat(without.has("emails")).isFalse();
        assertThat(without.get("name").has("formatted")).isFalse();
        assertThat(without.get("name").get("givenName").asText()).isEqualTo("Barbara");
        assertThat(without.get("id").asText()).as("id is always returned").isEqualTo(id);
        assertThat(without.has("title")).isTrue();
    }

    @Test
    void groupsOfAUserAreDerivedFromTheGroupsAndReadOnly() {
        String id = scim.create("/Users", BJENSEN);
        String groupId = scim.create("/Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Partners",
                 "members":[{"value":"%s"}]}""".formatted(id));

        JsonNode user = json(scim.get("/Users/" + id));
        assertThat(user.get("groups")).singleElement().satisfies(g -> {
            assertThat(g.get("value").asText()).isEqualTo(groupId);
            assertThat(g.get("display").asText()).isEqualTo("Partners");
            assertThat(g.get("$ref").asText()).isEqualTo(BASE + "/Groups/" + groupId);
        });
        ScimResponse patch = scim.patch("/Users/" + id,
                ScimTestClient.patchOp("[{\"op\":\"add\",\"path\":\"groups\",\"value\":[{\"value\":\"x\"}]}]"));
        assertThat(patch.status()).isEqualTo(400);
        assertThat(json(patch).get("scimType").asText()).isEqualTo("mutability");
        assertThat(json(scim.list("/Users", Map.of("filter", "groups.value eq \"" + groupId + "\"")))
                .get("totalResults").asInt()).isEqualTo(1);
    }
}
