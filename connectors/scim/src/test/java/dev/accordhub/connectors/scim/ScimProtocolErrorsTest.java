package dev.accordhub.connectors.scim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static dev.accordhub.connectors.scim.ScimTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

class ScimProtocolErrorsTest {

    private final ScimTestClient scim = new ScimTestClient();

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":          | 400 | invalidSyntax",
            "[1,2]                                                                              | 400 | invalidSyntax",
            "{\"userName\":\"no-schemas\"}                                                      | 400 | invalidSyntax",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"a\",\"shoeSize\":42} | 400 | invalidSyntax",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"a\",\"name\":{\"nickname\":\"x\"}} | 400 | invalidSyntax",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"a\",\"urn:example:unregistered:User\":{}} | 400 | invalidSyntax",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"a\",\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"shoe\":1}} | 400 | invalidSyntax",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"a\",\"userName\":\"b\"} | 400 | invalidSyntax",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"a\",\"USERNAME\":\"b\"} | 400 | invalidSyntax",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]}                                 | 400 | invalidValue",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":42}                 | 400 | invalidValue",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"a\",\"active\":\"yes\"} | 400 | invalidValue",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"a\",\"emails\":{\"value\":\"a@b\"}} | 400 | invalidValue",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"a\",\"name\":\"Ann\"} | 400 | invalidValue",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"a\",\"emails\":[{\"value\":\"a@b\",\"primary\":true},{\"value\":\"c@d\",\"primary\":true}]} | 400 | invalidValue",
    })
    void badResourcesAre400AndNothingIsStored(String body, int status, String scimType) {
        ScimResponse response = scim.post("/Users", body);

        assertThat(response.status()).isEqualTo(status);
        JsonNode error = json(response);
        assertThat(error.get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(error.get("status").asText()).isEqualTo(String.valueOf(status));
        assertThat(error.get("scimType").asText()).isEqualTo(scimType);
        assertThat(error.get("detail").asText()).isNotBlank();
        assertThat(response.header("Content-Type")).isEqualTo("application/scim+json");
        assertThat(scim.store.all("User")).isEmpty();
        assertThat(scim.changes).isEmpty();
    }

    @Test
    void aBodyOverTheLimitIs413() {
        ScimTestClient small = new ScimTestClient(ScimConfig.defaults().withMaxBodyBytes(2048));
        String big = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"a\",\"title\":\""
                + "é".repeat(1100) + "\"}";

        ScimResponse response = small.post("/Users", big);

        assertThat(response.status()).isEqualTo(413);
        assertThat(json(response).get("status").asText()).isEqualTo("413");
        assertThat(small.store.all("User")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"text/plain, 415", "application/x-www-form-urlencoded, 415", "application/json, 201",
            "application/scim+json; charset=utf-8, 201", "APPLICATION/SCIM+JSON, 201"})
    void writesAcceptOnlyScimOrPlainJson(String contentType, int status) {
        ScimResponse response = scim.call("POST", "/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ct@example.com"}""",
                Map.of("Content-Type", contentType), Map.of());

        assertThat(response.status()).isEqualTo(status);
    }

    @ParameterizedTest
    @CsvSource({"DELETE, /Users, 405", "PUT, /Groups, 405", "POST, /Users/abc, 405", "POST, /Schemas, 405",
            "DELETE, /ServiceProviderConfig, 405", "GET, /Users/.search, 405", "GET, /Bulk, 404",
            "GET, /Users/abc/emails, 404", "GET, /, 404", "GET, /Nope, 404", "GET, /Schemas/urn:nope, 404",
            "GET, /ResourceTypes/Device, 404"})
    void unsupportedMethodsAre405AndUnknownEndpoints404(String method, String path, int status) {
        ScimResponse response = scim.call(method, path, method.equals("GET") || method.equals("DELETE") ? null
                : "{}", Map.of(), Map.of());

        assertThat(response.status()).isEqualTo(status);
        assertThat(json(response).get("status").asText()).isEqualTo(String.valueOf(status));
        if (status == 405) {
            assertThat(response.header("Allow")).isNotBlank();
        }
    }

    @Test
    void aBadFilterIs400InvalidFilterWithThePosition() {
        ScimResponse response = scim.list("/Users", Map.of("filter", "userName eq"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(json(response).get("scimType").asText()).isEqualTo("invalidFilter");
        assertThat(json(response).get("detail").asText()).contains("character 12");
    }

    @Test
    void aNonNumericCountIs400() {
        ScimResponse response = scim.list("/Users", Map.of("count", "ten"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(json(response).get("scimType").asText()).isEqualTo("invalidValue");
    }

    @Test
    void aBadPutLeavesTheStoredResourceAsItWas() {
        String id = scim.createUser("keep@example.com");
        JsonNode before = scim.store.get("User", id).orElseThrow();

        ScimResponse response = scim.put("/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"changed@example.com",
                 "emails":[{"value":"x@example.com","type":7}]}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(scim.store.get("User", id)).contains(before);
    }

    @Test
    void storeAndListenerFailuresAreNotTurnedIntoProtocolErrors() {
        ScimService failing = new ScimService(new InMemoryScimStore(), ScimConfig.defaults(),
                (type, resource, id) -> {
                    throw new IllegalStateException("broker down");
                });

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> failing.handle(ScimRequest.of("POST", "/Users",
                        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"x\"}")))
                .isInstanceOf(IllegalStateException.class).hasMessage("broker down");
    }
}
