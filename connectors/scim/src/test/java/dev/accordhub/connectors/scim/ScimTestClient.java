package dev.accordhub.connectors.scim;

import com.fasterxml.jackson.databind.JsonNode;

import dev.accordhub.model.testing.TestClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls a {@link ScimService} as the HTTP layer would, and records what the listener was told. */
final class ScimTestClient {

    static final String BASE = "https://hub.example/scim/v2";

    record Change(String type, JsonNode resource, String id) {
    }

    final InMemoryScimStore store = new InMemoryScimStore();
    final List<Change> changes = new ArrayList<>();
    final TestClock clock = TestClock.ticking(Instant.parse("2026-01-15T08:00:00Z"), Duration.ofSeconds(1));
    final ScimService service;

    ScimTestClient() {
        this(ScimConfig.defaults().withUserExtension(ScimCoreSchemas.ACCORD_USER_SCHEMA));
    }

    ScimTestClient(ScimConfig config) {
        service = new ScimService(store, config, (type, resource, id) -> {
            synchronized (changes) {
                changes.add(new Change(type, resource, id));
            }
        }, clock);
    }

    ScimResponse call(String method, String path, String body, Map<String, String> headers,
                      Map<String, String> params) {
        Map<String, String> allHeaders = new LinkedHashMap<>(headers);
        if (body != null) {
            allHeaders.putIfAbsent("Content-Type", "application/scim+json");
        }
        return service.handle(new ScimRequest(method, path, params, allHeaders, body, BASE));
    }

    ScimResponse get(String path) {
        return call("GET", path, null, Map.of(), Map.of());
    }

    ScimResponse list(String path, Map<String, String> params) {
        return call("GET", path, null, Map.of(), params);
    }

    ScimResponse post(String path, String body) {
        return call("POST", path, body, Map.of(), Map.of());
    }

    ScimResponse put(String path, String body) {
        return call("PUT", path, body, Map.of(), Map.of());
    }

    ScimResponse patch(String path, String body) {
        return call("PATCH", path, body, Map.of(), Map.of());
    }

    ScimResponse delete(String path) {
        return call("DELETE", path, null, Map.of(), Map.of());
    }

    /** Creates a resource and returns its id, failing the test unless the answer is 201. */
    String create(String path, String body) {
        ScimResponse response = post(path, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return json(response).get("id").asText();
    }

    String createUser(String userName) {
        return create("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
                 "name":{"givenName":"Given","familyName":"%s"},"active":true}""".formatted(userName, userName));
    }

    static JsonNode json(ScimResponse response) {
        return ScimJson.parse(response.body());
    }

    static String resource(String name) {
        try (InputStream in = ScimTestClient.class.getResourceAsStream("/scim/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource scim/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String patchOp(String operations) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":" + operations + "}";
    }

    /** Each reading is one second later, so lastModified moves with every write. */
}
