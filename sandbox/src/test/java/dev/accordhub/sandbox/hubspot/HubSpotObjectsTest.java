package dev.accordhub.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accordhub.sandbox.SandboxHttp.Reply;
import dev.accordhub.sandbox.seed.DemoData;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HubSpotObjectsTest {

    private HubSpotSandbox sandbox;
    private HubSpotClient client;

    @BeforeEach
    void start() {
        sandbox = HubSpotSandbox.builder().rateLimitPerSecond(0).seed(DemoData.generate(42, 120)).start();
        client = new HubSpotClient(sandbox).login();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void createReadUpdateArchive() {
        Reply created = client.create("companies",
                "{\"name\":\"Acme Corporation\",\"domain\":\"acme.com\",\"partner_tier\":\"Gold\",\"country\":\"US\"}");
        String id = created.json().get("id").asText();
        Instant createdStamp = lastModified(created.json());

        Reply read = client.get(HubSpotClient.OBJECTS + "companies/" + id + "?properties=domain,partner_tier");
        Reply updated = client.update("companies", id, "{\"partner_tier\":\"Diamond\"}");
        Reply archived = client.delete("companies", id);

        assertThat(created.status()).isEqualTo(201);
        assertThat(id).matches("\\d+");
        assertThat(read.json().get("properties").get("partner_tier").asText()).isEqualTo("Gold");
        assertThat(read.json().get("properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("domain", "partner_tier", "createdate", "hs_lastmodifieddate", "hs_object_id");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("properties").get("partner_tier").asText()).isEqualTo("Diamond");
        assertThat(lastModified(updated.json())).isAfter(createdStamp);
        assertThat(updated.json().get("updatedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(archived.status()).isEqualTo(204);
        assertThat(client.get(HubSpotClient.OBJECTS + "companies/" + id).status()).isEqualTo(404);
        assertThat(client.get(HubSpotClient.OBJECTS + "companies/" + id + "?archived=true").json()
                .get("archived").asBoolean()).isTrue();
    }

    @Test
    void listPagesThroughEveryCompanyWithAfter() {
        Set<String> ids = new HashSet<>();
        String path = HubSpotClient.OBJECTS + "companies?limit=50&properties=name,domain&archived=false";
        int pages = 0;
        while (path != null) {
            JsonNode page = client.get(path).json();
            page.get("results").forEach(r -> ids.add(r.get("id").asText()));
            pages++;
            JsonNode next = page.path("paging").path("next");
            path = next.isMissingNode() ? null
                    : HubSpotClient.OBJECTS + "companies?limit=50&properties=name,domain&after=" + next.get("after").asText();
        }

        assertThat(ids).hasSize(120);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void allPropertyValuesAreStrings() {
        JsonNode deal = client.get(HubSpotClient.OBJECTS + "deals?limit=1&properties=amount,closedate,partner_company_id,"
                + "customer_company_name,deal_currency_code,dealstage").json().get("results").get(0).get("properties");

        deal.fields().forEachRemaining(e -> assertThat(e.getValue().isTextual()).as(e.getKey()).isTrue());
        assertThat(deal.get("amount").asText()).matches("\\d+\\.\\d{2}");
        assertThat(deal.get("closedate").asText()).endsWith("T00:00:00.000Z");
        assertThat(sandbox.get("companies", deal.get("partner_company_id").asText())).isPresent();
    }

    @Test
    void validationErrorsAndNotFoundUseHubSpotsBodies() {
        Reply unknown = client.create("companies", "{\"name\":\"x\",\"colour\":\"red\"}");
        Reply badTier = client.create("companies", "{\"name\":\"x\",\"partner_tier\":\"Platinum\"}");
        Reply badAmount = client.create("deals", "{\"dealname\":\"d\",\"dealstage\":\"closedwon\",\"amount\":\"lots\"}");
        Reply missing = client.get(HubSpotClient.OBJECTS + "deals/999");
        Reply badType = client.get(HubSpotClient.OBJECTS + "tickets");

        for (Reply reply : new Reply[] {unknown, badTier, badAmount, badType}) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.json().get("category").asText()).isEqualTo("VALIDATION_ERROR");
            assertThat(reply.json().has("correlationId")).isTrue();
        }
        assertThat(unknown.json().get("message").asText()).contains("PROPERTY_DOESNT_EXIST", "colour");
        assertThat(badTier.json().get("message").asText()).contains("INVALID_OPTION");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("category").asText()).isEqualTo("OBJECT_NOT_FOUND");
        assertThat(missing.json().get("message").asText()).isEqualTo("Object not found.  objectId are usually numeric.");
    }

    @Test
    void secondContactWithTheSameEmailIsAConflict() {
        String email = sandbox.objects("contacts", false).get(0).property("email");

        Reply reply = client.create("contacts", "{\"email\":\"" + email.toUpperCase() + "\",\"lastname\":\"Twin\"}");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().get("category").asText()).isEqualTo("CONFLICT");
    }

    @Test
    void failNextAndPutRawForFailureTests() {
        HubSpotObject raw = sandbox.putRaw("deals", Map.of("amount", "not a number"));
        sandbox.failNext(1, 502);

        Reply failed = client.get(HubSpotClient.OBJECTS + "deals/" + raw.id());
        Reply read = client.get(HubSpotClient.OBJECTS + "deals/" + raw.id() + "?properties=amount,dealname");

        assertThat(failed.status()).isEqualTo(502);
        assertThat(read.json().get("properties").get("amount").asText()).isEqualTo("not a number");
        assertThat(read.json().get("properties").get("dealname").isNull()).isTrue();
        assertThatThrownBy(() -> sandbox.create("deals", Map.of("dealname", "no stage")))
                .isInstanceOf(HubSpotApiException.class);
    }

    private static Instant lastModified(JsonNode object) {
        return Instant.parse(object.get("properties").get("hs_lastmodifieddate").asText());
    }
}
