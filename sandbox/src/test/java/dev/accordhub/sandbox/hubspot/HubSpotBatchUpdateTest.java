package dev.accordhub.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accordhub.sandbox.SandboxHttp.Reply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /crm/v3/objects/{type}/batch/update} over HTTP, as HubSpot answers it. */
class HubSpotBatchUpdateTest {

    private static final String BATCH = HubSpotClient.OBJECTS + "deals/batch/update";

    private HubSpotSandbox sandbox;
    private HubSpotClient client;
    private final List<String> ids = new ArrayList<>();

    @BeforeEach
    void start() {
        sandbox = HubSpotSandbox.builder().rateLimitPerSecond(0).start();
        client = new HubSpotClient(sandbox).login();
        for (String name : List.of("Rollout", "Renewal", "Upsell")) {
            ids.add(client.create("deals", "{\"dealname\":\"" + name + "\",\"dealstage\":\"appointmentscheduled\","
                    + "\"amount\":\"1000\"}").json().get("id").asText());
        }
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void updatesEveryObjectAndMovesEachOnesStamp() {
        Instant before = lastModified(ids.get(1));

        Reply reply = post("""
                {"inputs": [
                  {"id": "%s", "properties": {"amount": "2000"}},
                  {"id": "%s", "properties": {"amount": 3000.5, "dealname": "Renewal 2027"}}
                ]}""".formatted(ids.get(0), ids.get(1)));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("status").asText()).isEqualTo("COMPLETE");
        JsonNode results = reply.json().get("results");
        assertThat(results).hasSize(2);
        assertThat(results.get(1).get("id").asText()).isEqualTo(ids.get(1));
        assertThat(results.get(1).get("properties").get("dealname").asText()).isEqualTo("Renewal 2027");
        assertThat(property(ids.get(0), "amount")).isEqualTo("2000");
        assertThat(property(ids.get(1), "amount")).isEqualTo("3000.5");
        assertThat(lastModified(ids.get(1))).isAfter(before);
        assertThat(property(ids.get(2), "amount")).as("not in the batch").isEqualTo("1000");
    }

    @Test
    void missingObjectsAreA207AndTheOthersAreSaved() {
        client.delete("deals", ids.get(2));

        Reply reply = post("""
                {"inputs": [
                  {"id": "%s", "properties": {"amount": "2500"}},
                  {"id": "%s", "properties": {"amount": "2500"}},
                  {"id": "999999", "properties": {"amount": "2500"}}
                ]}""".formatted(ids.get(0), ids.get(2)));

        assertThat(reply.status()).as(reply.body()).isEqualTo(207);
        assertThat(reply.json().get("results")).hasSize(1);
        JsonNode error = reply.json().get("errors").get(0);
        assertThat(error.get("category").asText()).isEqualTo("OBJECT_NOT_FOUND");
        assertThat(error.get("context").get("ids")).extracting(JsonNode::asText)
                .containsExactly(ids.get(2), "999999");
        assertThat(property(ids.get(0), "amount")).isEqualTo("2500");
    }

    @Test
    void anInvalidInputFailsTheWholeBatch() {
        Reply badValue = post("""
                {"inputs": [
                  {"id": "%s", "properties": {"amount": "2000"}},
                  {"id": "%s", "properties": {"dealstage": "no-such-stage"}}
                ]}""".formatted(ids.get(0), ids.get(1)));
        Reply duplicate = post("""
                {"inputs": [
                  {"id": "%s", "properties": {"amount": "2000"}},
                  {"id": "%s", "properties": {"amount": "2100"}}
                ]}""".formatted(ids.get(0), ids.get(0)));
        StringBuilder tooMany = new StringBuilder("{\"inputs\": [");
        for (int i = 0; i <= HubSpotObjectsApi.MAX_BATCH; i++) {
            tooMany.append(i == 0 ? "" : ",").append("{\"id\": \"").append(ids.get(0))
                    .append("\", \"properties\": {\"amount\": \"").append(i).append("\"}}");
        }

        assertThat(badValue.status()).as(badValue.body()).isEqualTo(400);
        assertThat(badValue.json().get("category").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().get("message").asText()).contains("Duplicate IDs");
        assertThat(post(tooMany + "]}").status()).isEqualTo(400);
        assertThat(post("{\"inputs\": {}}").status()).isEqualTo(400);
        assertThat(property(ids.get(0), "amount")).as("nothing of a refused batch is saved").isEqualTo("1000");
    }

    private Reply post(String body) {
        return client.http.postJson(sandbox.baseUrl() + BATCH, body);
    }

    private String property(String id, String name) {
        return sandbox.get("deals", id).orElseThrow().properties().get(name);
    }

    private Instant lastModified(String id) {
        return Instant.parse(property(id, "hs_lastmodifieddate"));
    }
}
