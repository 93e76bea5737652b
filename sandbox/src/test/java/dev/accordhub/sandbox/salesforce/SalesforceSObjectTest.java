package dev.accordhub.sandbox.salesforce;

import static dev.accordhub.sandbox.salesforce.SalesforceQueryTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accordhub.sandbox.SandboxHttp.Reply;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SalesforceSObjectTest {

    private SalesforceSandbox sandbox;
    private SalesforceClient client;

    @BeforeEach
    void start() {
        sandbox = SalesforceSandbox.builder().start();
        client = new SalesforceClient(sandbox).login();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void createThenGetReturnsTheRecordWithSystemFields() {
        Reply created = client.data("POST", "sobjects/Account", "{\"Name\":\"Acme Corp\",\"Website\":\"acme.com\"}");

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(id).hasSize(18).startsWith("001");
        assertThat(created.json().get("success").asBoolean()).isTrue();
        assertThat(created.json().get("errors")).isEmpty();
        JsonNode record = client.data("GET", "sobjects/Account/" + id, null).json();
        assertThat(record.get("Name").asText()).isEqualTo("Acme Corp");
        assertThat(record.get("IsDeleted").asBoolean()).isFalse();
        assertThat(record.get("SystemModstamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
        assertThat(client.data("GET", "sobjects/Account/" + id + "?fields=Name", null).json().fieldNames())
                .toIterable().containsExactly("attributes", "Name");
    }

    @Test
    void everyWriteMovesTheModstampForward() {
        String id = client.data("POST", "sobjects/Account", "{\"Name\":\"Bluefin Systems GmbH\"}").json().get("id").asText();
        Instant created = modstamp("Account", id);

        Reply updated = client.data("PATCH", "sobjects/Account/" + id, "{\"Partner_Tier__c\":\"Premier\"}");
        Instant afterUpdate = modstamp("Account", id);
        Reply deleted = client.data("DELETE", "sobjects/Account/" + id, null);

        assertThat(updated.status()).isEqualTo(204);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(afterUpdate).isAfter(created);
        JsonNode inBin = client.queryAll("SELECT IsDeleted, SystemModstamp FROM Account WHERE Id = '" + id + "'")
                .json().get("records").get(0);
        assertThat(inBin.get("IsDeleted").asBoolean()).isTrue();
        assertThat(SalesforceValues.parseDateTime(inBin.get("SystemModstamp").asText())).isAfter(afterUpdate);
        assertThat(client.query("SELECT Id FROM Account").json().get("totalSize").asInt()).isZero();
    }

    @Test
    void upsertCreatesThenUpdatesByExternalId() {
        Reply first = client.data("PATCH", "sobjects/Account/Accord_Key__c/P-1", "{\"Name\":\"Northwind Traders\"}");
        String id = first.json().get("id").asText();
        Instant createdStamp = modstamp("Account", id);
        Reply second = client.data("PATCH", "sobjects/Account/Accord_Key__c/P-1", "{\"Name\":\"Northwind Traders Inc.\"}");

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("created").asBoolean()).isTrue();
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("created").asBoolean()).isFalse();
        assertThat(second.json().get("id").asText()).isEqualTo(id);
        assertThat(modstamp("Account", id)).isAfter(createdStamp);
        assertThat(sandbox.get("Account", id).orElseThrow()).containsEntry("Name", "Northwind Traders Inc.");
    }

    @Test
    void encodedSlashInAnUpsertValueStaysInTheValue() {
        Reply upsert = client.data("PATCH", "sobjects/Contact/Accord_Key__c/helios%2F003-42",
                "{\"LastName\":\"Tanaka\",\"Email\":\"yuki.tanaka@example.com\"}");
        JsonNode byKey = client.data("GET", "sobjects/Contact/Accord_Key__c/helios%2F003-42", null).json();

        assertThat(upsert.status()).isEqualTo(201);
        assertThat(byKey.get("Accord_Key__c").asText()).isEqualTo("helios/003-42");
        assertThat(byKey.get("LastName").asText()).isEqualTo("Tanaka");
    }

    @Test
    void refusesWhatSalesforceRefuses() {
        String accountId = sandbox.create("Account", Map.of("Name", "Globex"));

        assertError(client.data("POST", "sobjects/Account", "{\"Website\":\"x.com\"}"), "REQUIRED_FIELD_MISSING");
        assertError(client.data("POST", "sobjects/Opportunity", "{\"Name\":\"Deal\",\"StageName\":\"Prospecting\"}"),
                "REQUIRED_FIELD_MISSING");
        assertError(client.data("POST", "sobjects/Account", "{\"Name\":\"x\",\"Colour__c\":\"red\"}"), "INVALID_FIELD");
        assertError(client.data("PATCH", "sobjects/Account/" + accountId, "{\"SystemModstamp\":\"2026-01-01T00:00:00.000+0000\"}"),
                "INVALID_FIELD_FOR_INSERT_UPDATE");
        assertError(client.data("POST", "sobjects/Contact", "{\"LastName\":\"x\",\"AccountId\":\"001000000000000AAA\"}"),
                "INVALID_CROSS_REFERENCE_KEY");
        assertError(client.data("POST", "sobjects/Opportunity",
                "{\"Name\":\"D\",\"StageName\":\"Prospecting\",\"CloseDate\":\"soon\"}"), "JSON_PARSER_ERROR");
        assertError(client.data("POST", "sobjects/Lead", "{\"LastName\":\"x\"}"), "INVALID_TYPE");
    }

    @Test
    void unknownRecordIs404NotFound() {
        Reply reply = client.data("GET", "sobjects/Account/001000000000000AAA", null);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get(0).get("errorCode").asText()).isEqualTo("NOT_FOUND");
        assertThat(reply.json().get(0).get("message").asText()).isEqualTo("The requested resource does not exist");
    }

    @Test
    void opportunityKeepsAmountAsANumberAndTheCloseDateAsADate() {
        String partner = sandbox.create("Account", Map.of("Name", "Contoso Ltd", "IsPartner", true));
        String id = client.data("POST", "sobjects/Opportunity", "{\"Name\":\"Contoso - Renewal\",\"StageName\":"
                + "\"Closed Won\",\"CloseDate\":\"2026-12-31\",\"Amount\":12345.67,\"PartnerAccountId\":\"" + partner
                + "\",\"CurrencyIsoCode\":\"EUR\"}").json().get("id").asText();

        JsonNode record = client.data("GET", "sobjects/Opportunity/" + id, null).json();

        assertThat(record.get("Amount").isNumber()).isTrue();
        assertThat(record.get("Amount").decimalValue()).isEqualByComparingTo("12345.67");
        assertThat(record.get("CloseDate").asText()).isEqualTo("2026-12-31");
        assertThat(record.get("PartnerAccountId").asText()).isEqualTo(partner);
    }

    @Test
    void failuresPlannedForWritesLetReadsThrough() {
        sandbox.failNextWrites(1, 500);

        Reply read = client.query("SELECT Id FROM Account");
        Reply write = client.data("POST", "sobjects/Account", "{\"Name\":\"Globex\"}");
        Reply again = client.data("POST", "sobjects/Account", "{\"Name\":\"Globex\"}");

        assertThat(read.status()).isEqualTo(200);
        assertThat(write.status()).isEqualTo(500);
        assertThat(again.status()).isEqualTo(201);
    }

    @Test
    void anOpportunityIsUpsertedOnTheRegistrationIdWithItsRegistrationFields() {
        String account = sandbox.create("Account", Map.of("Name", "Partner Co"));
        String body = "{\"Name\":\"Deal\",\"StageName\":\"Prospecting\",\"CloseDate\":\"2027-01-31\","
                + "\"PartnerAccountId\":\"" + account + "\",\"Registration_Status__c\":\"Submitted\","
                + "\"Customer_Domain__c\":\"northwind.example\"}";

        Reply created = client.data("PATCH", "sobjects/Opportunity/Accord_Registration_Id__c/reg-1", body);
        Reply updated = client.data("PATCH", "sobjects/Opportunity/Accord_Registration_Id__c/reg-1",
                "{\"Registration_Status__c\":\"Approved\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(sandbox.get("Opportunity", created.json().get("id").asText()).orElseThrow())
                .containsEntry("Registration_Status__c", "Approved")
                .containsEntry("Customer_Domain__c", "northwind.example")
                .containsEntry("Accord_Registration_Id__c", "reg-1");
    }

    @Test
    void failNextAnswersTheChosenStatusThenRecovers() {
        sandbox.failNext(2, 503);

        Reply first = client.query("SELECT Id FROM Account");
        Reply second = client.query("SELECT Id FROM Account");
        Reply third = client.query("SELECT Id FROM Account");

        assertThat(first.status()).isEqualTo(503);
        assertThat(first.json().get(0).get("errorCode").asText()).isEqualTo("SERVER_ERROR");
        assertThat(second.status()).isEqualTo(503);
        assertThat(third.status()).isEqualTo(200);
    }

    @Test
    void limitsCountDataRequests() {
        long before = sandbox.requestCount();
        client.query("SELECT Id FROM Account");

        JsonNode limits = client.data("GET", "limits/", null).json().get("DailyApiRequests");

        assertThat(limits.get("Max").asLong()).isEqualTo(100_000);
        assertThat(limits.get("Remaining").asLong()).isEqualTo(100_000 - sandbox.apiRequestCount());
        assertThat(sandbox.requestCount()).isEqualTo(before + 2);
    }

    @Test
    void putRawStoresAMalformedRecordThatQueriesStillReturn() {
        Map<String, Object> noName = new HashMap<>();
        noName.put("Website", "https://nameless.example");
        String id = sandbox.putRaw("Account", noName);

        JsonNode record = client.query("SELECT Id, Name FROM Account").json().get("records").get(0);

        assertThat(record.get("Id").asText()).isEqualTo(id);
        assertThat(record.get("Name").isNull()).isTrue();
    }

    @Test
    void javaHelpersApplyTheSameChecks() {
        assertThatThrownBy(() -> sandbox.create("Contact", Map.of("FirstName", "Anna")))
                .isInstanceOfSatisfying(SalesforceApiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("REQUIRED_FIELD_MISSING"));
        String id = sandbox.create("Contact", Map.of("LastName", "Müller"));
        sandbox.update("Contact", id, Map.of("Email", "anna.mueller@example.de"));

        assertThat(sandbox.get("Contact", id).orElseThrow()).containsEntry("Email", "anna.mueller@example.de");
    }

    private Instant modstamp(String type, String id) {
        return (Instant) sandbox.records(type, true).stream()
                .filter(r -> r.get("Id").equals(id)).findFirst().orElseThrow().get("SystemModstamp");
    }
}
