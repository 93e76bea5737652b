package dev.accordhub.sandbox.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accordhub.sandbox.SandboxHttp.Reply;
import dev.accordhub.sandbox.seed.DemoData;
import dev.accordhub.sandbox.seed.SeedCompany;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SalesforceQueryTest {

    private static final DemoData DATA = DemoData.generate(42, 200);
    private static SalesforceSandbox sandbox;
    private static SalesforceClient client;

    @BeforeAll
    static void start() {
        sandbox = SalesforceSandbox.builder().seed(DATA).start();
        client = new SalesforceClient(sandbox).login();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void incrementalPollPagesThroughNextRecordsUrlInModstampOrder() {
        Instant since = DATA.anchor().minus(Duration.ofDays(4));
        String soql = "SELECT Id, Email, SystemModstamp FROM Contact WHERE SystemModstamp > "
                + SalesforceValues.formatDateTime(since) + " AND IsDeleted = false ORDER BY SystemModstamp ASC, Id";

        Reply first = client.query(soql, "Sforce-Query-Options", "batchSize=200");
        List<JsonNode> records = client.queryAllPages(soql, "Sforce-Query-Options", "batchSize=200");

        long contacts = DATA.helios().stream().mapToLong(c -> c.contacts().size()).sum();
        assertThat(first.json().get("done").asBoolean()).isFalse();
        assertThat(first.json().get("totalSize").asLong()).isEqualTo(contacts);
        assertThat(first.json().get("records")).hasSize(200);
        assertThat(first.json().get("nextRecordsUrl").asText()).matches("/services/data/v56.0/query/01g\\w{15}-200");
        assertThat(records).hasSize((int) contacts);
        assertThat(records.stream().map(r -> r.get("Id").asText()).distinct()).hasSize((int) contacts);
        List<Instant> stamps = records.stream()
                .map(r -> SalesforceValues.parseDateTime(r.get("SystemModstamp").asText())).toList();
        assertThat(stamps).isSorted();
    }

    @Test
    void whereOnModstampSelectsOnlyNewerRecords() {
        Instant since = DATA.anchor().minus(Duration.ofDays(1));
        long expected = DATA.helios().stream().filter(c -> c.modifiedAt().isAfter(since)).count();

        Reply reply = client.query("SELECT Id, Name FROM Account WHERE SystemModstamp > "
                + since.toString().replace("Z", "+0000") + " AND IsPartner = true ORDER BY Name");

        assertThat(reply.json().get("totalSize").asLong()).isEqualTo(expected);
        assertThat(reply.json().get("done").asBoolean()).isTrue();
    }

    @Test
    void recordsHoldAttributesAndOnlyTheSelectedFieldsInSchemaSpelling() {
        JsonNode record = client.query("select name, website from account where name != null order by NAME desc limit 3")
                .json().get("records").get(0);

        assertThat(record.get("attributes").get("type").asText()).isEqualTo("Account");
        assertThat(record.get("attributes").get("url").asText()).matches("/services/data/v56.0/sobjects/Account/001\\w{15}");
        assertThat(record.fieldNames()).toIterable().containsExactly("attributes", "Name", "Website");
    }

    @Test
    void queryLeavesOutTheRecycleBinAndQueryAllDoesNot() {
        long deleted = DATA.helios().stream().flatMap(c -> c.deals().stream()).filter(d -> d.deleted()).count();
        long all = DATA.helios().stream().mapToLong(c -> c.deals().size()).sum();

        long live = client.query("SELECT Id FROM Opportunity").json().get("totalSize").asLong();
        JsonNode withBin = client.queryAll("SELECT Id, IsDeleted FROM Opportunity WHERE IsDeleted = true").json();

        assertThat(live).isEqualTo(all - deleted);
        assertThat(withBin.get("totalSize").asLong()).isEqualTo(deleted);
        assertThat(client.queryAll("SELECT Id FROM Opportunity").json().get("totalSize").asLong()).isEqualTo(all);
    }

    @Test
    void ordersAndLimits() {
        JsonNode records = client.query("SELECT Amount FROM Opportunity WHERE Amount > 100000.00 ORDER BY Amount DESC"
                + " LIMIT 5").json().get("records");

        assertThat(records).hasSize(5);
        List<Double> amounts = records.findValues("Amount").stream().map(JsonNode::asDouble).toList();
        assertThat(amounts).isSortedAccordingTo((a, b) -> Double.compare(b, a)).allMatch(a -> a > 100_000);
    }

    @Test
    void escapedQuotesFindTheRecord() {
        String id = sandbox.create("Account", Map.of("Name", "O'Brien & Sons Partners"));

        JsonNode reply = client.query("SELECT Id FROM Account WHERE Name = 'O\\'Brien & Sons Partners'").json();

        assertThat(reply.get("records").get(0).get("Id").asText()).isEqualTo(id);
    }

    @Test
    void unencodedPlusInTheOffsetStillWorks() {
        Reply reply = client.get(SalesforceClient.DATA
                + "query/?q=SELECT+Id+FROM+Account+WHERE+SystemModstamp+%3E+2000-01-01T00:00:00.000+0000");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("totalSize").asInt()).isGreaterThanOrEqualTo(200);
    }

    @Test
    void badQueriesAnswerSalesforceErrorCodes() {
        assertError(client.query("SELECT Id FROM"), "MALFORMED_QUERY");
        assertError(client.query("SELECT Bogus__c FROM Account"), "INVALID_FIELD");
        assertError(client.query("SELECT Id FROM Lead"), "INVALID_TYPE");
        assertError(client.query("SELECT Id FROM Account WHERE SystemModstamp > '2026-01-01'"), "INVALID_FIELD");
        assertError(client.query("SELECT Id, id FROM Account"), "MALFORMED_QUERY");
        assertError(client.get(SalesforceClient.DATA + "query/01gNOPE-200"), "INVALID_QUERY_LOCATOR");
    }

    @Test
    void partnerFieldsComeFromTheHeliosVocabulary() {
        SeedCompany company = DATA.helios().get(0);

        JsonNode record = client.query("SELECT Partner_Tier__c, Partner_Type__c, IsPartner, BillingCountry FROM Account"
                + " WHERE Website = '" + company.website() + "'").json().get("records").get(0);

        assertThat(record.get("Partner_Tier__c").asText()).isEqualTo(company.tier());
        assertThat(record.get("Partner_Type__c").asText()).isEqualTo(company.partnerType());
        assertThat(record.get("IsPartner").asBoolean()).isTrue();
        assertThat(record.get("BillingCountry").asText()).isEqualTo(company.country());
    }

    static void assertError(Reply reply, String errorCode) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().get(0).get("errorCode").asText()).as(reply.body()).isEqualTo(errorCode);
    }
}
