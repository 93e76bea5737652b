package dev.accordhub.sandbox.salesforce;

import static dev.accordhub.sandbox.salesforce.SalesforceQueryTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accordhub.sandbox.SandboxHttp.Reply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** sObject Collections updates ({@code PATCH composite/sobjects}) over HTTP, as Salesforce answers them. */
class SalesforceCollectionsTest {

    private SalesforceSandbox sandbox;
    private SalesforceClient client;
    private final List<String> ids = new ArrayList<>();

    @BeforeEach
    void start() {
        sandbox = SalesforceSandbox.builder().start();
        client = new SalesforceClient(sandbox).login();
        for (String name : List.of("Acme Corp", "Bluefin Systems", "Contoso")) {
            ids.add(client.data("POST", "sobjects/Account", "{\"Name\":\"" + name + "\"}").json().get("id").asText());
        }
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void updatesEachRecordInOrderAndABadOneFailsAlone() {
        Instant before = modstamp(ids.get(2));

        Reply reply = client.data("PATCH", "composite/sobjects", """
                {"records": [
                  {"attributes": {"type": "Account"}, "id": "%s", "Partner_Tier__c": "Premier"},
                  {"attributes": {"type": "Account"}, "id": "001000000000000AAA", "Partner_Tier__c": "Premier"},
                  {"attributes": {"type": "Account"}, "id": "%s", "No_Such_Field__c": 1},
                  {"attributes": {"type": "Account"}, "id": "%s", "Name": "Contoso Ltd"}
                ]}""".formatted(ids.get(0), ids.get(1), ids.get(2)));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode results = reply.json();
        assertThat(results).hasSize(4);
        assertThat(results.get(0).get("success").asBoolean()).isTrue();
        assertThat(results.get(0).get("id").asText()).isEqualTo(ids.get(0));
        assertThat(results.get(1).get("success").asBoolean()).isFalse();
        assertThat(results.get(1).get("errors").get(0).get("statusCode").asText()).isEqualTo("NOT_FOUND");
        assertThat(results.get(2).get("errors").get(0).get("statusCode").asText()).isEqualTo("INVALID_FIELD");
        assertThat(results.get(3).get("success").asBoolean()).isTrue();
        assertThat(field(ids.get(0), "Partner_Tier__c")).isEqualTo("Premier");
        assertThat(field(ids.get(2), "Name")).isEqualTo("Contoso Ltd");
        assertThat(modstamp(ids.get(2))).as("a saved record's modstamp moves on").isAfter(before);
        assertThat(modstamp(ids.get(2))).isAfter(modstamp(ids.get(0)));
    }

    @Test
    void allOrNoneSavesNothingWhenOneRecordFails() {
        Instant before = modstamp(ids.get(0));

        Reply reply = client.data("PATCH", "composite/sobjects", """
                {"allOrNone": true, "records": [
                  {"attributes": {"type": "Account"}, "id": "%s", "Name": "Acme Holdings"},
                  {"attributes": {"type": "Account"}, "Name": "no id"}
                ]}""".formatted(ids.get(0)));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get(0).get("errors").get(0).get("statusCode").asText())
                .isEqualTo("ALL_OR_NONE_OPERATION_ROLLED_BACK");
        assertThat(reply.json().get(1).get("errors").get(0).get("statusCode").asText()).isEqualTo("MISSING_ARGUMENT");
        assertThat(field(ids.get(0), "Name")).isEqualTo("Acme Corp");
        assertThat(modstamp(ids.get(0))).isEqualTo(before);

        Reply valid = client.data("PATCH", "composite/sobjects", """
                {"allOrNone": true, "records": [
                  {"attributes": {"type": "Account"}, "id": "%s", "Name": "Acme Holdings"}
                ]}""".formatted(ids.get(0)));
        assertThat(valid.json().get(0).get("success").asBoolean()).isTrue();
        assertThat(field(ids.get(0), "Name")).isEqualTo("Acme Holdings");
    }

    @Test
    void aMalformedRequestIsRefusedWhole() {
        StringBuilder tooMany = new StringBuilder("{\"records\": [");
        for (int i = 0; i <= SalesforceCollectionsApi.MAX_RECORDS; i++) {
            tooMany.append(i == 0 ? "" : ",").append("{\"attributes\": {\"type\": \"Account\"}, \"id\": \"")
                    .append(ids.get(0)).append("\", \"Name\": \"n").append(i).append("\"}");
        }
        assertError(client.data("PATCH", "composite/sobjects", tooMany + "]}"), "EXCEEDED_ID_LIMIT");
        assertThat(field(ids.get(0), "Name")).isEqualTo("Acme Corp");
        assertError(client.data("PATCH", "composite/sobjects", "{\"allOrNone\": false}"), "JSON_PARSER_ERROR");
        assertThat(client.data("DELETE", "composite/sobjects", null).status()).isEqualTo(405);
        assertThat(client.data("PATCH", "composite/tree/Account", "{}").status()).isEqualTo(404);
    }

    private Object field(String id, String name) {
        return sandbox.records("Account", false).stream().filter(r -> r.get("Id").equals(id)).findFirst()
                .orElseThrow().get(name);
    }

    private Instant modstamp(String id) {
        return (Instant) field(id, "SystemModstamp");
    }
}
