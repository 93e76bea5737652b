package dev.accordhub.connectors.scim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.accordhub.connectors.scim.ScimTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

class ScimListTest {

    private final ScimTestClient scim = new ScimTestClient(ScimConfig.defaults().withMaxResults(3)
            .withUserExtension(ScimCoreSchemas.ACCORD_USER_SCHEMA));

    @BeforeEach
    void createUsers() {
        for (String name : List.of("dana", "carl", "erin", "alma", "bert")) {
            scim.create("/Users", """
                    {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s@example.com",
                     "title":"%s","active":%s,
                     "urn:ietf:params:scim:schemas:extension:accord:2.0:User":{"partnerId":"%s"}}"""
                    .formatted(name, name.toUpperCase(), !name.equals("erin"), name.compareTo("c") < 0 ? "P-1" : "P-2"));
        }
    }

    private JsonNode list(Map<String, String> params) {
        ScimResponse response = scim.list("/Users", params);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/scim+json");
        return json(response);
    }

    private static List<String> userNames(JsonNode list) {
        return list.path("Resources").findValuesAsText("userName");
    }

    @Test
    void listResponseHasTheRightShapeAndCapsCountAtMaxResults() {
        JsonNode list = list(Map.of("count", "50"));

        assertThat(list.get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        assertThat(list.get("totalResults").asInt()).isEqualTo(5);
        assertThat(list.get("startIndex").asInt()).isEqualTo(1);
        assertThat(list.get("itemsPerPage").asInt()).isEqualTo(3);
        assertThat(list.get("Resources")).hasSize(3);
    }

    @Test
    void pagesFollowCreationOrderWithOneBasedStartIndex() {
        assertThat(userNames(list(Map.of("startIndex", "1", "count", "2"))))
                .containsExactly("dana@example.com", "carl@example.com");
        assertThat(userNames(list(Map.of("startIndex", "3", "count", "2"))))
                .containsExactly("erin@example.com", "alma@example.com");
        JsonNode last = list(Map.of("startIndex", "5", "count", "2"));
        assertThat(userNames(last)).containsExactly("bert@example.com");
        assertThat(last.get("itemsPerPage").asInt()).isEqualTo(1);
        JsonNode beyond = list(Map.of("startIndex", "9"));
        assertThat(beyond.get("Resources")).isEmpty();
        assertThat(beyond.get("totalResults").asInt()).isEqualTo(5);
        assertThat(list(Map.of("startIndex", "0", "count", "1")).get("startIndex").asInt()).isEqualTo(1);
    }

    @Test
    void countZeroReturnsOnlyTheTotal() {
        JsonNode list = list(Map.of("count", "0", "filter", "active eq true"));

        assertThat(list.get("totalResults").asInt()).isEqualTo(4);
        assertThat(list.get("itemsPerPage").asInt()).isZero();
        assertThat(list.has("Resources")).isFalse();
    }

    @Test
    void filterSelectsAndTotalCountsTheMatches() {
        JsonNode list = list(Map.of("filter", "userName sw \"A\" or userName sw \"b\""));

        assertThat(list.get("totalResults").asInt()).isEqualTo(2);
        assertThat(userNames(list)).containsExactly("alma@example.com", "bert@example.com");
    }

    @Test
    void filterOnTheCustomExtension() {
        JsonNode list = list(Map.of("filter",
                "urn:ietf:params:scim:schemas:extension:accord:2.0:User:partnerId eq \"P-1\" and not (title eq \"bert\")"));

        assertThat(userNames(list)).containsExactly("alma@example.com");
    }

    @Test
    void sortByAscendingAndDescending() {
        assertThat(userNames(list(Map.of("sortBy", "userName"))))
                .containsExactly("alma@example.com", "bert@example.com", "carl@example.com");
        assertThat(userNames(list(Map.of("sortBy", "title", "sortOrder", "descending"))))
                .containsExactly("erin@example.com", "dana@example.com", "carl@example.com");
    }

    @Test
    void sortByAnUnknownAttributeIs400() {
        ScimResponse response = scim.list("/Users", Map.of("sortBy", "shoeSize"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(json(response).get("scimType").asText()).isEqualTo("invalidPath");
    }

    @Test
    void attributesNarrowEachResource() {
        JsonNode list = list(Map.of("attributes", "userName", "count", "1"));

        JsonNode user = list.get("Resources").get(0);
        assertThat(user.has("id")).isTrue();
        assertThat(user.has("userName")).isTrue();
        assertThat(user.has("title")).isFalse();
        assertThat(user.has("meta")).isFalse();
    }

    @Test
    void searchByPostTakesTheSameParametersInTheBody() {
        ScimResponse response = scim.post("/Users/.search", """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
                 "filter":"active eq false","attributes":["userName"],"startIndex":1,"count":10}""");

        assertThat(response.status()).isEqualTo(200);
        assertThat(userNames(json(response))).containsExactly("erin@example.com");
        assertThat(json(response).get("Resources").get(0).has("title")).isFalse();
    }

    @Test
    void rootSearchSpansUsersAndGroups() {
        scim.create("/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"Dana's group\"}");

        JsonNode userOnly = json(scim.post("/.search", """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":"userName sw \\"dana\\""}"""));
        assertThat(userOnly.get("totalResults").asInt()).isEqualTo(1);

        JsonNode both = json(scim.post("/.search", """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
                 "filter":"meta.resourceType eq \\"Group\\" or meta.resourceType eq \\"User\\"","count":100}"""));
        assertThat(both.get("totalResults").asInt()).isEqualTo(6);

        ScimResponse unknown = scim.post("/.search", """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":"shoeSize eq 1"}""");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(json(unknown).get("scimType").asText()).isEqualTo("invalidFilter");
    }

    @Test
    void searchWithoutTheSearchRequestSchemaIsInvalidSyntax() {
        ScimResponse response = scim.post("/Users/.search", "{\"filter\":\"active eq true\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(json(response).get("scimType").asText()).isEqualTo("invalidSyntax");
    }
}
