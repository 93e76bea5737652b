package dev.accordhub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accordhub.hub.HubTestSupport.Answer;
import dev.accordhub.routes.Topics;
import dev.accordhub.sandbox.hubspot.HubSpotObject;
import dev.accordhub.sandbox.hubspot.HubSpotSandbox;
import dev.accordhub.sandbox.oidc.OidcSandbox;
import dev.accordhub.sandbox.salesforce.SalesforceSandbox;
import dev.accordhub.sandbox.seed.DemoData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Deal registration end to end: a partner user's POST → Artemis → consolidation → the owning CRM (Salesforce for
 * helios, HubSpot for vantage) → the CRM's decision back into the portal; validation, duplicates, idempotency,
 * channel conflicts, the review SLA, a CRM failing for a while, a poison write retried after the fix, and no
 * ping-pong between the hub's writes and the CRM's reports.
 */
@SpringBootTest(classes = AccordHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DealRegistrationIT {

    static final int PARTNERS_PER_PROGRAM = 15;
    static final Duration WAIT = Duration.ofSeconds(60);
    static final Duration VISIBLE = Duration.ofSeconds(15);

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HubTestSupport.twoProgramHub(registry, () -> dataDir, PARTNERS_PER_PROGRAM);
        // Platinum partners get a review SLA of two seconds here, so the overdue path can be watched.
        registry.add("accord.registration.review-sla-by-tier.PLATINUM", () -> "2s");
        registry.add("accord.registration.sla-check-interval", () -> "500ms");
        registry.add("accord.registration.write-attempts", () -> 4);
        registry.add("accord.registration.write-backoff", () -> "200ms");
        registry.add("accord.registration.write-max-backoff", () -> "1s");
    }

    @LocalServerPort
    int port;
    @Value("${camel.component.kafka.brokers}")
    String kafka;
    @Autowired
    OidcSandbox oidc;
    @Autowired
    DemoData demoData;
    @Autowired
    SalesforceSandbox salesforce;
    @Autowired
    HubSpotSandbox hubspot;
    @Autowired
    org.apache.camel.CamelContext camel;

    String api;
    String operator;
    String helios;
    String vantage;

    @BeforeEach
    void signIn() {
        api = "http://127.0.0.1:" + port + "/api/v1";
        operator = HubTestSupport.token(oidc.issuer(), "operator");
        helios = HubTestSupport.token(oidc.issuer(), "helios-partner");
        vantage = HubTestSupport.token(oidc.issuer(), "vantage-partner");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(HubTestSupport.get(api + "/partners", helios).status()).isEqualTo(200);
            assertThat(HubTestSupport.get(api + "/partners", vantage).status()).isEqualTo(200);
        });
    }

    @Test
    void aRegistrationReachesSalesforceAndTheChannelTeamsDecisionComesBack() {
        Answer accepted = register(helios, form("Northwind " + UUID.randomUUID(), "northwind.example"), null);

        assertThat(accepted.status()).isEqualTo(202);
        JsonNode deal = accepted.body();
        String id = deal.path("id").asText();
        assertThat(deal.path("registration").path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(deal.path("registration").path("reviewDueAt").asText()).isNotBlank();
        assertThat(HubTestSupport.get(api + "/deals/" + id, helios).body().path("registration").path("status")
                .asText()).as("readable at once").isEqualTo("SUBMITTED");
        String mine = HubTestSupport.get(api + "/partners", helios).body().path("items").get(0).path("id").asText();
        assertThat(HubTestSupport.get(api + "/partners/" + mine + "/deals?limit=200", helios).body().path("items"))
                .extracting(d -> d.path("id").asText()).contains(id);

        Map<String, Object> opportunity = await().atMost(VISIBLE).until(() -> opportunity(id), o -> o != null);
        assertThat(opportunity.get("Registration_Status__c")).isEqualTo("Submitted");
        assertThat(opportunity.get("Customer_Domain__c")).isEqualTo("northwind.example");
        assertThat(opportunity.get("Amount")).isEqualTo(new java.math.BigDecimal("120000.50"));
        await().atMost(VISIBLE).untilAsserted(() -> assertThat(HubTestSupport.get(api + "/deals/" + id, helios)
                .body().path("sources")).extracting(s -> s.path("system").asText()).contains("salesforce"));

        salesforce.update("Opportunity", String.valueOf(opportunity.get("Id")), Map.of(
                "Registration_Status__c", "Approved", "Amount", new java.math.BigDecimal("150000")));
        await().atMost(VISIBLE).untilAsserted(() -> {
            JsonNode now = HubTestSupport.get(api + "/deals/" + id, helios).body();
            assertThat(now.path("registration").path("status").asText()).isEqualTo("APPROVED");
            assertThat(now.path("amount").path("amount").decimalValue()).isEqualByComparingTo("150000");
        });
        salesforce.update("Opportunity", String.valueOf(opportunity.get("Id")), Map.of("StageName", "Closed Won"));
        await().atMost(VISIBLE).untilAsserted(() -> assertThat(HubTestSupport.get(api + "/deals/" + id, helios)
                .body().path("stage").asText()).isEqualTo("CLOSED_WON"));
        assertThat(opportunities(id)).as("written once, never again").hasSize(1);
    }

    @Test
    void aVantageRegistrationReachesHubSpotAndARejectionComesBackWithItsReason() {
        // A user of a company that is a vantage partner only: their program, so their CRM, is vantage's HubSpot.
        String token = userOf(demoData.vantage().stream()
                .filter(c -> !demoData.sharedDomains().contains(c.domain())).findFirst().orElseThrow());
        Answer accepted = register(token, form("Contoso " + UUID.randomUUID(), null), null);
        String id = accepted.body().path("id").asText();

        HubSpotObject created = await().atMost(VISIBLE).until(() -> hubspotDeal(id), o -> o != null);
        assertThat(created.properties().get("registration_status")).isEqualTo("submitted");

        hubspot.update("deals", created.id(), Map.of("registration_status", "rejected",
                "registration_decision_reason", "Customer is a direct account"));
        await().atMost(VISIBLE).untilAsserted(() -> {
            JsonNode now = HubTestSupport.get(api + "/deals/" + id, token).body();
            assertThat(now.path("registration").path("status").asText()).isEqualTo("REJECTED");
            assertThat(now.path("registration").path("decisionReason").asText())
                    .isEqualTo("Customer is a direct account");
        });
    }

    @Test
    void aRegistrationSentInChunksIsTakenAndAnswersCarryTheirLength() throws Exception {
        byte[] body = form("Chunked " + UUID.randomUUID(), null).toString().getBytes(StandardCharsets.UTF_8);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(api + "/deals"))
                .header("Authorization", "Bearer " + helios).header("Content-Type", "application/json")
                // a body of unknown length: sent chunked, with no Content-Length
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat(answer.headers().firstValueAsLong("Content-Length")).as("written whole, not chunked")
                .hasValue(answer.body().getBytes(StandardCharsets.UTF_8).length);
        JsonNode deal = HubTestSupport.JSON.readTree(answer.body());
        assertThat(deal.path("registration").path("status").asText()).isEqualTo("SUBMITTED");

        HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create(api + "/deals/"
                + deal.path("id").asText())).header("Authorization", "Bearer " + helios).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValueAsLong("Content-Length"))
                .hasValue(read.body().getBytes(StandardCharsets.UTF_8).length);
        assertThat(read.headers().firstValue("Transfer-Encoding")).isEmpty();
    }

    @Test
    void badFormsAreRefusedFieldByField() {
        ObjectNode bad = form("x", null);
        bad.put("currency", "EURO").put("estimatedCloseDate", "2020-01-01").put("estimatedAmount", -5)
                .put("surprise", true);
        ((ObjectNode) bad.path("customer")).put("country", "Germany").remove("companyName");

        Answer refused = register(helios, bad, null);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("errors")).extracting(e -> e.path("field").asText()).contains(
                "currency", "estimatedCloseDate", "estimatedAmount", "surprise", "customer.country",
                "customer.companyName", "opportunityName");
        assertThat(HubTestSupport.post(api + "/deals", helios, "{not json").status()).isEqualTo(400);
        assertThat(HubTestSupport.post(api + "/deals", operator, form("Ops " + UUID.randomUUID(), null).toString())
                .status()).as("operators register nothing").isEqualTo(403);
        assertThat(HubTestSupport.send(HttpRequest.newBuilder(URI.create(api + "/deals"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build()).status()).isEqualTo(401);
    }

    @Test
    void aRetriedRequestAnswersTheSameRegistrationAndADuplicateIsRefused() {
        String key = UUID.randomUUID().toString();
        ObjectNode body = form("Fabrikam " + UUID.randomUUID(), null);

        Answer first = register(helios, body, key);
        Answer again = register(helios, body, key);
        body.put("notes", "something else");
        Answer misuse = register(helios, body, key);
        body.remove("notes");
        Answer duplicate = register(helios, body, null);

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body().path("id").asText()).isEqualTo(first.body().path("id").asText());
        assertThat(misuse.status()).isEqualTo(422);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().path("detail").asText()).contains(first.body().path("id").asText());
        String id = first.body().path("id").asText();
        await().atMost(VISIBLE).until(() -> opportunity(id) != null);
        assertThat(opportunities(id)).hasSize(1);
    }

    @Test
    void theSameCustomerRegisteredByTwoPartnersIsAChannelConflictOnBothAndAnAlert() {
        String domain = "conflict-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String first = register(helios, form("Shared Customer Deal A", domain), null).body().path("id").asText();
        String second = register(vantage, form("Shared Customer Deal B", domain), null).body().path("id").asText();

        await().atMost(VISIBLE).untilAsserted(() -> {
            assertThat(HubTestSupport.get(api + "/deals/" + second, vantage).body().path("registration")
                    .path("conflictsWith")).extracting(JsonNode::asText).containsExactly(first);
            assertThat(HubTestSupport.get(api + "/deals/" + first, helios).body().path("registration")
                    .path("conflictsWith")).extracting(JsonNode::asText).containsExactly(second);
        });
        List<JsonNode> alerts = alerts();
        assertThat(alerts).anySatisfy(a -> {
            assertThat(a.path("type").asText()).isEqualTo("dev.accordhub.alert.channel_conflict");
            assertThat(a.path("subject").asText()).isEqualTo(second);
        });
        assertThat(HubTestSupport.get(api + "/deals/" + second, helios).status())
                .as("the other partner's registration stays theirs").isEqualTo(404);
    }

    @Test
    void aRegistrationTheCrmCannotTakeIsDeadLetteredAndLandsOnRetryOnceTheCauseIsFixed() {
        salesforce.failNextWrites(10_000, 400);
        String id;
        try {
            id = register(helios, form("Poison " + UUID.randomUUID(), null), null).body().path("id").asText();
            await().atMost(VISIBLE).until(() -> letterFor(id) != null);
        } finally {
            salesforce.failNextWrites(0, 400);
        }
        JsonNode letter = letterFor(id);
        assertThat(letter.path("letter").path("source").asText()).isEqualTo("accord.outbound.helios");
        assertThat(letter.path("letter").path("reason").asText()).contains("400");
        assertThat(opportunity(id)).isNull();

        Answer retried = HubTestSupport.post(api + "/ops/dead-letters/" + letter.path("letter").path("id").asText()
                + "/retry", operator, "");
        assertThat(retried.status()).isEqualTo(200);
        await().atMost(VISIBLE).until(() -> opportunity(id) != null);
        assertThat(opportunities(id)).hasSize(1);
    }

    @Test
    void aCrmFailingForAWhileTakesTheRegistrationOnceLater() {
        // Three failed writes: the fourth and last attempt lands.
        salesforce.failNextWrites(3, 503);
        String id = register(helios, form("Stormy " + UUID.randomUUID(), null), null).body().path("id").asText();

        await().atMost(VISIBLE).until(() -> opportunity(id) != null);
        assertThat(opportunities(id)).hasSize(1);
        assertThat(letterFor(id)).isNull();
    }

    @Test
    void hubSpotAnswering429ForAWhileTakesTheRegistrationOnceLater() {
        String token = userOf(demoData.vantage().stream()
                .filter(c -> !demoData.sharedDomains().contains(c.domain())).skip(1).findFirst().orElseThrow());
        hubspot.failNextWrites(3, 429);
        String id = register(token, form("Busy " + UUID.randomUUID(), null), null).body().path("id").asText();

        await().atMost(VISIBLE).until(() -> hubspotDeal(id) != null);
        assertThat(hubspot.objects("deals", false).stream()
                .filter(d -> id.equals(d.properties().get("accord_registration_id")))).hasSize(1);
        assertThat(letterFor(id)).isNull();
    }

    @Test
    void undecidedPastItsSlaARegistrationIsOverdueAndAlerted() {
        String token = platinumPartnerToken();
        String id = register(token, form("Overdue " + UUID.randomUUID(), null), null).body().path("id").asText();

        await().atMost(VISIBLE).untilAsserted(() -> assertThat(HubTestSupport.get(api + "/deals/" + id, token)
                .body().path("registration").path("overdue").asBoolean()).isTrue());
        assertThat(alerts()).anySatisfy(a -> {
            assertThat(a.path("type").asText()).isEqualTo("dev.accordhub.alert.review_overdue");
            assertThat(a.path("subject").asText()).isEqualTo(id);
        });
        assertThat(HubTestSupport.get(api + "/ops/registrations?overdue=true", operator).body().path("items"))
                .extracting(d -> d.path("id").asText()).contains(id);
        assertThat(HubTestSupport.get(api + "/ops/registrations?overdue=false", operator).body().path("items"))
                .extracting(d -> d.path("id").asText()).doesNotContain(id);
        assertThat(HubTestSupport.get(api + "/ops/registrations", token).status()).isEqualTo(403);
    }

    @Test
    void theHubsOwnWriteComingBackIsNoChangeAndACrmEditIsNotWrittenBack() {
        String token = userOf(heliosPartner(tier -> !"PLATINUM".equals(tier))); // not overdue while we watch
        String id = register(token, form("Echo " + UUID.randomUUID(), null), null).body().path("id").asText();
        Map<String, Object> written = await().atMost(VISIBLE).until(() -> opportunity(id), o -> o != null);
        String opportunityId = String.valueOf(written.get("Id"));
        // Submitted, then linked to the CRM record: two events, or one when the CRM's report of the write came
        // before the submission was applied.
        await().atMost(VISIBLE).untilAsserted(() -> assertThat(linkedTo(goldenEvents(id), opportunityId)).isTrue());
        int linked = goldenEvents(id).size();
        assertThat(linked).isBetween(1, 2);
        assertThat(goldenEvents(id).get(0).path("data").path("registration").path("status").asText())
                .isEqualTo("SUBMITTED");

        // The CRM reports our write back on each later poll: nothing new comes of it.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> goldenEvents(id).size() == linked);

        salesforce.update("Opportunity", opportunityId, Map.of("Name", "Echo, renamed by the channel team"));
        Object editedAt = salesforce.get("Opportunity", opportunityId).orElseThrow().get("SystemModstamp");
        await().atMost(VISIBLE).untilAsserted(() -> assertThat(HubTestSupport.get(api + "/deals/" + id, token)
                .body().path("name").asText()).isEqualTo("Echo, renamed by the channel team"));
        // ...and the hub does not write the CRM's own change back into it.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> editedAt.equals(
                salesforce.get("Opportunity", opportunityId).orElseThrow().get("SystemModstamp")));
        assertThat(goldenEvents(id)).hasSize(linked + 1);
    }

    /** The newest golden event names this CRM record among the deal's sources. */
    private static boolean linkedTo(List<JsonNode> events, String crmId) {
        if (events.isEmpty()) {
            return false;
        }
        for (JsonNode source : events.get(events.size() - 1).path("data").path("sources")) {
            if (crmId.equals(source.path("externalId").asText())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aCrmReportOvertakingTheSubmissionIsPublishedWithItAndTheConflictIsStillFound() throws Exception {
        String domain = "overtaken-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String first = register(vantage, form("Overtaken Deal A", domain), null).body().path("id").asText();
        await().atMost(VISIBLE).until(() -> !goldenEvents(first).isEmpty());
        String token = userOf(heliosPartner(tier -> !"PLATINUM".equals(tier))); // not overdue while we watch

        // The submission waits in its queue while the CRM write goes ahead: the CRM's report comes first.
        camel.getRouteController().stopRoute("deal-commands");
        String second;
        try {
            second = register(token, form("Overtaken Deal B", domain), null).body().path("id").asText();
            String crmId = String.valueOf(await().atMost(VISIBLE).until(() -> opportunity(second), o -> o != null)
                    .get("Id"));
            await().atMost(VISIBLE).until(() -> HubTestSupport.get(api + "/deals/" + second, token).body()
                    .path("sources").findValuesAsText("externalId").contains(crmId));
            assertThat(goldenEvents(second)).as("nothing published before the submission is applied").isEmpty();
        } finally {
            camel.getRouteController().startRoute("deal-commands");
        }

        await().atMost(VISIBLE).untilAsserted(() -> {
            List<JsonNode> events = goldenEvents(second);
            assertThat(events).hasSize(1);
            JsonNode deal = events.get(0).path("data");
            assertThat(deal.path("sources")).extracting(s -> s.path("system").asText())
                    .containsExactly("accord", "salesforce");
            assertThat(deal.path("registration").path("conflictsWith")).extracting(JsonNode::asText)
                    .containsExactly(first);
        });
        assertThat(alerts()).anySatisfy(a -> {
            assertThat(a.path("type").asText()).isEqualTo("dev.accordhub.alert.channel_conflict");
            assertThat(a.path("subject").asText()).isEqualTo(second);
        });
    }

    @Test
    void aRegistrationWhoseOpportunityIsDeletedInSalesforceIsRejectedWithTheReason() {
        String id = register(helios, form("Deleted " + UUID.randomUUID(), null), null).body().path("id").asText();
        Map<String, Object> written = await().atMost(VISIBLE).until(() -> opportunity(id), o -> o != null);

        salesforce.delete("Opportunity", String.valueOf(written.get("Id")));

        await().atMost(VISIBLE).untilAsserted(() -> {
            JsonNode now = HubTestSupport.get(api + "/deals/" + id, helios).body();
            assertThat(now.path("registration").path("status").asText()).isEqualTo("REJECTED");
            assertThat(now.path("registration").path("decisionReason").asText()).contains("deleted in the CRM");
        });
    }

    @Test
    void registrationEventsMatchTheGoldenDealSchema() throws Exception {
        String token = userOf(heliosPartner(tier -> !"PLATINUM".equals(tier)));
        String id = register(token, form("Schema " + UUID.randomUUID(), "schema.example"), null).body()
                .path("id").asText();
        Map<String, Object> written = await().atMost(VISIBLE).until(() -> opportunity(id), o -> o != null);
        await().atMost(VISIBLE).until(() -> linkedTo(goldenEvents(id), String.valueOf(written.get("Id"))));
        var config = com.networknt.schema.SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        com.networknt.schema.JsonSchema schema;
        try (var in = getClass().getResourceAsStream("/schemas/golden-deal.schema.json")) {
            schema = com.networknt.schema.JsonSchemaFactory.getInstance(
                    com.networknt.schema.SpecVersion.VersionFlag.V202012).getSchema(in, config);
        }
        for (JsonNode event : goldenEvents(id)) {
            assertThat(schema.validate(event)).as(event.toString()).isEmpty();
            assertThat(event.path("data").path("registration").path("status").asText()).isEqualTo("SUBMITTED");
        }
    }

    private Answer register(String token, ObjectNode body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + "/deals"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return HubTestSupport.send(request.build());
    }

    private static ObjectNode form(String opportunity, String domain) {
        ObjectNode body = HubTestSupport.JSON.createObjectNode();
        ObjectNode customer = body.putObject("customer").put("companyName", opportunity + " Customer GmbH")
                .put("country", "DE");
        if (domain != null) {
            customer.put("domain", domain);
        }
        customer.putObject("contact").put("name", "Ana Silva").put("email", "ana@customer.example");
        return body.put("opportunityName", opportunity)
                .put("estimatedCloseDate", LocalDate.now().plusMonths(3).toString())
                .put("estimatedAmount", 120000.50).put("currency", "EUR");
    }

    private Map<String, Object> opportunity(String registrationId) {
        List<Map<String, Object>> found = opportunities(registrationId);
        return found.isEmpty() ? null : found.get(0);
    }

    private List<Map<String, Object>> opportunities(String registrationId) {
        return salesforce.records("Opportunity", false).stream()
                .filter(o -> registrationId.equals(o.get("Accord_Registration_Id__c"))).toList();
    }

    private HubSpotObject hubspotDeal(String registrationId) {
        return hubspot.objects("deals", false).stream()
                .filter(d -> registrationId.equals(d.properties().get("accord_registration_id")))
                .findFirst().orElse(null);
    }

    private JsonNode letterFor(String dealId) {
        for (JsonNode entry : HubTestSupport.get(api + "/ops/dead-letters?status=OPEN", operator).body()
                .path("items")) {
            if (dealId.equals(entry.path("letter").path("key").asText())) {
                return entry;
            }
        }
        return null;
    }

    private List<JsonNode> alerts() {
        List<JsonNode> alerts = new ArrayList<>();
        HubTestSupport.readTopic(kafka, Topics.ALERTS, (key, value) -> alerts.add(read(value)));
        return alerts;
    }

    private List<JsonNode> goldenEvents(String dealId) {
        List<JsonNode> events = new ArrayList<>();
        HubTestSupport.readTopic(kafka, Topics.golden(dev.accordhub.model.EntityType.DEAL), (key, value) -> {
            if (dealId.equals(key)) {
                events.add(read(value));
            }
        });
        return events;
    }

    /** A token for a contact of a helios partner whose golden tier is PLATINUM (review SLA 2 s here). */
    private String platinumPartnerToken() {
        return userOf(heliosPartner("PLATINUM"::equals));
    }

    /** A company of helios only whose golden tier passes the test. */
    private dev.accordhub.sandbox.seed.SeedCompany heliosPartner(java.util.function.Predicate<String> tier) {
        for (JsonNode partner : HubTestSupport.allPartners(api.replace("/api/v1", ""), operator)) {
            String domain = partner.path("domain").asText();
            if (tier.test(partner.path("tier").asText()) && !demoData.sharedDomains().contains(domain)) {
                var company = demoData.helios().stream().filter(c -> c.domain().equals(domain)).findFirst();
                if (company.isPresent()) {
                    return company.get();
                }
            }
        }
        throw new IllegalStateException("The seed has no such helios partner");
    }

    /** A token of the company's first contact, once the hub knows them as a user. */
    private String userOf(dev.accordhub.sandbox.seed.SeedCompany company) {
        long now = java.time.Instant.now().getEpochSecond();
        String token = oidc.sign(HubTestSupport.JSON.createObjectNode().put("iss", oidc.issuer())
                .put("aud", "accord-portal").put("sub", "test-user").put("iat", now).put("exp", now + 600)
                .put("email", company.contacts().get(0).email()));
        await().atMost(WAIT).until(() -> HubTestSupport.get(api + "/partners", token).status() == 200);
        return token;
    }

    private static JsonNode read(String value) {
        try {
            return HubTestSupport.JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
