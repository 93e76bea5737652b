package dev.accordhub.connectors.scim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.accordhub.connectors.scim.ScimTestClient.json;
import static dev.accordhub.connectors.scim.ScimTestClient.patchOp;
import static org.assertj.core.api.Assertions.assertThat;

class ScimPatchTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private final ScimTestClient scim = new ScimTestClient();
    private String id;

    @BeforeEach
    void createUser() {
        id = scim.create("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"pat@example.com",
                 "name":{"givenName":"Pat","familyName":"Lee"},"title":"Engineer","active":true,
                 "emails":[{"value":"pat@example.com","type":"work","primary":true},
                           {"value":"pat@home.example","type":"home"}]}""");
    }

    private JsonNode patchOk(String operations) {
        ScimResponse response = scim.patch("/Users/" + id, patchOp(operations));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private JsonNode patchFails(String operations, String scimType) {
        JsonNode before = scim.store.get("User", id).orElseThrow();
        ScimResponse response = scim.patch("/Users/" + id, patchOp(operations));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(json(response).get("scimType").asText()).isEqualTo(scimType);
        assertThat(scim.store.get("User", id)).as("nothing applied").contains(before);
        return json(response);
    }

    @Test
    void replaceWithPathSetsASingleValue() {
        JsonNode user = patchOk("[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Lead\"}]");
        assertThat(user.get("title").asText()).isEqualTo("Lead");
    }

    @Test
    void replaceOfASubAttributeLeavesTheOthers() {
        JsonNode user = patchOk("[{\"op\":\"Replace\",\"path\":\"name.familyName\",\"value\":\"Park\"}]");
        assertThat(user.get("name").get("familyName").asText()).isEqualTo("Park");
        assertThat(user.get("name").get("givenName").asText()).isEqualTo("Pat");
    }

    @Test
    void replaceWithoutPathMergesAndIgnoresReadOnlyAttributes() {
        JsonNode user = patchOk("[{\"op\":\"replace\",\"value\":{\"id\":\"" + id + "\",\"active\":false,"
                + "\"name\":{\"familyName\":\"Park\"},\"emails\":[{\"value\":\"new@example.com\",\"type\":\"work\"}],"
                + "\"" + ENTERPRISE + "\":{\"department\":\"Sales\"}}}]");
        assertThat(user.get("active").asBoolean()).isFalse();
        assertThat(user.get("name").get("givenName").asText()).isEqualTo("Pat");
        assertThat(user.get("name").get("familyName").asText()).isEqualTo("Park");
        assertThat(user.get("emails")).singleElement()
                .satisfies(e -> assertThat(e.get("value").asText()).isEqualTo("new@example.com"));
        assertThat(user.get("title").asText()).isEqualTo("Engineer");
        assertThat(user.get(ENTERPRISE).get("department").asText()).isEqualTo("Sales");
        assertThat(user.get("schemas")).extracting(JsonNode::asText).contains(ENTERPRISE);
    }

    @Test
    void replaceWithoutPathUnassignsNullsAndEmptyLists() {
        JsonNode user = patchOk("[{\"op\":\"replace\",\"value\":{\"title\":null,\"emails\":[],"
                + "\"displayName\":\"Pat Lee\"}}]");
        assertThat(user.has("title")).isFalse();
        assertThat(user.has("emails")).isFalse();
        assertThat(user.get("displayName").asText()).isEqualTo("Pat Lee");
        patchFails("[{\"op\":\"replace\",\"value\":{\"userName\":null}}]", "invalidValue");
    }

    @Test
    void addToAMultiValuedAttributeAppendsAndMovesPrimary() {
        JsonNode user = patchOk("[{\"op\":\"add\",\"path\":\"emails\",\"value\":"
                + "[{\"value\":\"other@example.com\",\"type\":\"other\",\"primary\":true}]}]");
        assertThat(user.get("emails")).hasSize(3);
        assertThat(user.get("emails")).filteredOn(e -> e.path("primary").asBoolean())
                .singleElement().satisfies(e -> assertThat(e.get("value").asText()).isEqualTo("other@example.com"));
    }

    @Test
    void addOfAnExistingValueDoesNotDuplicateIt() {
        JsonNode user = patchOk("[{\"op\":\"add\",\"path\":\"emails\",\"value\":"
                + "[{\"value\":\"pat@home.example\",\"type\":\"home\"}]}]");
        assertThat(user.get("emails")).hasSize(2);
    }

    @Test
    void addWithoutPathSetsNewAttributesAndAppendsToLists() {
        JsonNode user = patchOk("[{\"op\":\"add\",\"value\":{\"nickName\":\"P\",\"phoneNumbers\":"
                + "[{\"value\":\"+1 555 0101\",\"type\":\"mobile\"}],\"emails\":[{\"value\":\"x@example.com\"}]}}]");
        assertThat(user.get("nickName").asText()).isEqualTo("P");
        assertThat(user.get("phoneNumbers")).hasSize(1);
        assertThat(user.get("emails")).hasSize(3);
    }

    @Test
    void valueFilterPathsSelectElements() {
        JsonNode user = patchOk("[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\","
                + "\"value\":\"pat.lee@example.com\"}]");
        assertThat(user.get("emails")).filteredOn(e -> e.get("type").asText().equals("work"))
                .singleElement().satisfies(e -> {
                    assertThat(e.get("value").asText()).isEqualTo("pat.lee@example.com");
                    assertThat(e.get("primary").asBoolean()).isTrue();
                });
    }

    @Test
    void addWithAnEqualityFilterThatMatchesNothingCreatesTheElement() {
        JsonNode user = patchOk("[{\"op\":\"Add\",\"path\":\"phoneNumbers[type eq \\\"work\\\"].value\","
                + "\"value\":\"+1 555 0199\"}]");
        assertThat(user.get("phoneNumbers")).singleElement().satisfies(p -> {
            assertThat(p.get("type").asText()).isEqualTo("work");
            assertThat(p.get("value").asText()).isEqualTo("+1 555 0199");
        });
    }

    @Test
    void replaceWithANonEqualityFilterThatMatchesNothingIsNoTarget() {
        patchFails("[{\"op\":\"replace\",\"path\":\"emails[value co \\\"nowhere\\\"].type\",\"value\":\"x\"}]",
                "noTarget");
    }

    @Test
    void removeWithAFilterRemovesTheMatchingElements() {
        JsonNode user = patchOk("[{\"op\":\"remove\",\"path\":\"emails[type eq \\\"home\\\"]\"}]");
        assertThat(user.get("emails")).singleElement()
                .satisfies(e -> assertThat(e.get("type").asText()).isEqualTo("work"));
    }

    @Test
    void removeOfASingleValueAndOfASubAttribute() {
        JsonNode user = patchOk("[{\"op\":\"remove\",\"path\":\"title\"},"
                + "{\"op\":\"remove\",\"path\":\"name.givenName\"},{\"op\":\"remove\",\"path\":\"nickName\"}]");
        assertThat(user.has("title")).isFalse();
        assertThat(user.get("name").has("givenName")).isFalse();
        assertThat(user.get("name").get("familyName").asText()).isEqualTo("Lee");
    }

    @Test
    void removingAllElementsRemovesTheAttribute() {
        JsonNode user = patchOk("[{\"op\":\"remove\",\"path\":\"emails\"}]");
        assertThat(user.has("emails")).isFalse();
    }

    @Test
    void extensionAttributesArePatchedByFullPath() {
        JsonNode user = patchOk("[{\"op\":\"add\",\"path\":\"" + ENTERPRISE + ":manager\",\"value\":\"boss-id\"},"
                + "{\"op\":\"replace\",\"path\":\"urn:ietf:params:scim:schemas:extension:accord:2.0:User:partnerId\","
                + "\"value\":\"P-7\"}]");
        assertThat(user.get(ENTERPRISE).get("manager").get("value").asText()).isEqualTo("boss-id");
        assertThat(user.get("urn:ietf:params:scim:schemas:extension:accord:2.0:User").get("partnerId").asText())
                .isEqualTo("P-7");

        JsonNode removed = patchOk("[{\"op\":\"remove\",\"path\":\"" + ENTERPRISE + ":manager\"}]");
        assertThat(removed.has(ENTERPRISE)).isFalse();
        assertThat(removed.get("schemas")).extracting(JsonNode::asText).doesNotContain(ENTERPRISE);
    }

    @Test
    void operationsApplyInOrderAndAllOrNothing() {
        patchFails("[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Changed\"},"
                + "{\"op\":\"replace\",\"path\":\"active\",\"value\":\"maybe\"}]", "invalidValue");
        assertThat(json(scim.get("/Users/" + id)).get("title").asText()).isEqualTo("Engineer");
    }

    @Test
    void entraStringBooleansAreAccepted() {
        JsonNode user = patchOk("[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]");
        assertThat(user.get("active").isBoolean()).isTrue();
        assertThat(user.get("active").asBoolean()).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "[{\"op\":\"remove\"}]                                                  | noTarget",
            "[{\"op\":\"remove\",\"path\":\"userName\"}]                            | invalidValue",
            "[{\"op\":\"replace\",\"path\":\"id\",\"value\":\"x\"}]                 | mutability",
            "[{\"op\":\"replace\",\"path\":\"meta.created\",\"value\":\"2020-01-01T00:00:00Z\"}] | mutability",
            "[{\"op\":\"add\",\"path\":\"shoeSize\",\"value\":42}]                  | invalidPath",
            "[{\"op\":\"add\",\"path\":\"name.nick\",\"value\":\"x\"}]              | invalidPath",
            "[{\"op\":\"add\",\"path\":\"title[value eq \\\"x\\\"]\",\"value\":\"x\"}] | invalidPath",
            "[{\"op\":\"add\",\"path\":\"emails[type eq \\\"work\\\"\",\"value\":\"x\"}] | invalidPath",
            "[{\"op\":\"add\",\"path\":\"emails[type xx \\\"work\\\"]\",\"value\":\"x\"}] | invalidFilter",
            "[{\"op\":\"add\",\"path\":\"emails[type eq \\\"work\\\"]..value\",\"value\":\"x\"}] | invalidPath",
            "[{\"op\":\"add\",\"path\":\"urn:example:nope:User:x\",\"value\":\"x\"}] | invalidPath",
            "[{\"op\":\"move\",\"path\":\"title\"}]                                 | invalidSyntax",
            "[]                                                                     | invalidSyntax",
            "[{\"op\":\"add\",\"path\":\"title\",\"value\":5}]                      | invalidValue",
            "[{\"op\":\"add\",\"path\":\"title\"}]                                  | invalidValue",
            "[{\"op\":\"add\",\"value\":\"not an object\"}]                         | invalidValue",
            "[{\"op\":\"add\",\"value\":{\"shoeSize\":42}}]                         | invalidSyntax",
            "[{\"op\":\"replace\",\"path\":\"userName\",\"value\":null}]            | invalidValue",
    })
    void badOperationsAreRejectedWithTheirScimType(String operations, String scimType) {
        patchFails(operations, scimType);
    }

    @Test
    void aPatchBodyWithoutThePatchOpSchemaIsInvalidSyntax() {
        ScimResponse response = scim.patch("/Users/" + id, "{\"Operations\":[{\"op\":\"remove\",\"path\":\"title\"}]}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(json(response).get("scimType").asText()).isEqualTo("invalidSyntax");
    }

    @Test
    void tooManyOperationsIsTooMany() {
        ScimTestClient limited = new ScimTestClient(ScimConfig.defaults().withMaxPatchOperations(2));
        String user = limited.createUser("many@example.com");
        ScimResponse response = limited.patch("/Users/" + user, patchOp("[{\"op\":\"remove\",\"path\":\"title\"},"
                + "{\"op\":\"remove\",\"path\":\"title\"},{\"op\":\"remove\",\"path\":\"title\"}]"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(json(response).get("scimType").asText()).isEqualTo("tooMany");
    }

    @Test
    void changingUserNameToATakenOneIs409() {
        scim.createUser("taken@example.com");
        ScimResponse response = scim.patch("/Users/" + id,
                patchOp("[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"TAKEN@example.com\"}]"));
        assertThat(response.status()).isEqualTo(409);
        assertThat(json(response).get("scimType").asText()).isEqualTo("uniqueness");
    }

    @Test
    void patchOfAnUnknownResourceIs404() {
        assertThat(scim.patch("/Users/nope", patchOp("[{\"op\":\"remove\",\"path\":\"title\"}]")).status())
                .isEqualTo(404);
    }
}
