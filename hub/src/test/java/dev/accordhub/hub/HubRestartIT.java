package dev.accordhub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accordhub.model.EntityType;
import dev.accordhub.routes.Topics;
import dev.accordhub.sandbox.hubspot.HubSpotSandbox;
import dev.accordhub.sandbox.oidc.OidcSandbox;
import dev.accordhub.sandbox.oidc.OidcUser;
import dev.accordhub.sandbox.salesforce.SalesforceSandbox;
import dev.accordhub.sandbox.seed.DemoData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stops the hub mid-stream and starts it again on the same data directory, while the CRMs (external here, as in
 * production) go on changing: the model comes back from Kafka, changes made while the hub was down arrive, and
 * nothing is ingested or published twice.
 */
class HubRestartIT {

    static final int PARTNERS_PER_PROGRAM = 25;
    static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path dataDir;
    static DemoData demoData;
    static SalesforceSandbox salesforce;
    static HubSpotSandbox hubspot;
    /** The portal's token issuer, external too; the tests read as its operator. */
    static OidcSandbox issuer;
    static String operator;
    static final int HTTP_PORT = HubTestSupport.freePort();
    static final int KAFKA_PORT = HubTestSupport.freePort();
    static final int CONTROLLER_PORT = HubTestSupport.freePort();
    static final String API = "http://127.0.0.1:" + HTTP_PORT;
    static final String KAFKA = "127.0.0.1:" + KAFKA_PORT;

    /** The two programs this test runs (their files as shipped); the third one's CRM is not started here. */
    static Path programsDir;

    @BeforeAll
    static void startTheCrms() throws IOException {
        programsDir = java.nio.file.Files.createDirectories(dataDir.resolve("programs"));
        for (String program : List.of("helios", "vantage")) {
            java.nio.file.Files.copy(Path.of("../config/programs", program + ".yaml"),
                    programsDir.resolve(program + ".yaml"));
        }
        demoData = DemoData.generate(7, PARTNERS_PER_PROGRAM, Instant.parse("2026-11-20T00:00:00Z"));
        salesforce = SalesforceSandbox.builder().clientId("accord-demo").clientSecret("accord-demo-secret")
                .seed(demoData).start();
        hubspot = HubSpotSandbox.builder().clientId("accord-demo").clientSecret("accord-demo-secret")
                .refreshToken("accord-demo-refresh").rateLimitPerSecond(0).seed(demoData).start();
        issuer = new OidcSandbox(0, "accord-portal", "accord-portal-secret", "accord-portal", Duration.ofHours(1),
                List.of(new OidcUser("operator-1", "operator", "demo", "operator@accord.example", "Operator",
                        "openid accord.ops"))).start();
        operator = HubTestSupport.token(issuer.issuer(), "operator");
    }

    @AfterAll
    static void stopTheCrms() {
        salesforce.close();
        hubspot.close();
        issuer.close();
    }

    @Test
    void aRestartLosesNothingAndDuplicatesNothing() {
        int expected = 2 * PARTNERS_PER_PROGRAM - demoData.sharedDomains().size();
        String renamedBefore;
        String heliosPartner;
        String vantagePartner;
        String vantageCompany;
        try (ConfigurableApplicationContext hub = startHub()) {
            await().atMost(WAIT).until(() -> HubTestSupport.allPartners(API, operator).size() >= expected);
            heliosPartner = onlyIn("helios");
            vantagePartner = onlyIn("vantage");
            vantageCompany = sourceId(get(API + "/api/v1/partners/" + vantagePartner).body());
            renamedBefore = "Renamed Before The Restart";
            salesforce.update("Account", sourceId(get(API + "/api/v1/partners/" + heliosPartner).body()),
                    Map.of("Name", renamedBefore));
            await().atMost(WAIT).until(() -> renamedBefore.equals(nameOf(heliosPartner)));
            // Registrations submitted just before the stop: some still on Artemis, some in Kafka, some written.
            String partnerUser = partnerUserToken();
            for (int i = 0; i < REGISTRATIONS; i++) {
                HubTestSupport.Answer accepted = HubTestSupport.post(API + "/api/v1/deals", partnerUser,
                        registrationForm("In flight " + i));
                assertThat(accepted.status()).as(String.valueOf(accepted.body())).isEqualTo(202);
                registrations.add(accepted.body().path("id").asText());
            }
        }

        hubspot.update("companies", vantageCompany, Map.of("name", "Renamed While The Hub Was Down"));
        Map<String, Object> account = new HashMap<>();
        account.put("Name", "Joined While The Hub Was Down");
        account.put("Website", "https://www.joined-while-down.example");
        account.put("IsPartner", true);
        account.put("Partner_Tier__c", "Advanced");
        salesforce.create("Account", account);

        try (ConfigurableApplicationContext hub = startHub()) {
            assertThat(nameOf(heliosPartner)).as("rebuilt from Kafka before serving").isEqualTo(renamedBefore);
            await().atMost(WAIT).until(() -> "Renamed While The Hub Was Down".equals(nameOf(vantagePartner)));
            await().atMost(WAIT).until(() -> HubTestSupport.allPartners(API, operator).stream()
                    .anyMatch(p -> "joined-while-down.example".equals(p.path("domain").asText())));
            assertThat(HubTestSupport.allPartners(API, operator)).hasSize(expected + 1);

            await().atMost(WAIT).untilAsserted(() -> assertThat(registrations).allSatisfy(id ->
                    assertThat(salesforce.records("Opportunity", false).stream()
                            .filter(o -> id.equals(o.get("Accord_Registration_Id__c")))).as(id).hasSize(1)));
            for (EntityType entity : EntityType.values()) {
                assertNoDuplicateEvents(Topics.ingest(entity));
                assertNoDuplicateEvents(Topics.golden(entity));
            }
            assertThat(eventIds(Topics.ingest(EntityType.PARTNER)))
                    .as("every seeded partner once, plus the three changes")
                    .hasSize(2 * PARTNERS_PER_PROGRAM + 3);
        }
    }

    static final int REGISTRATIONS = 20;
    static final List<String> registrations = new ArrayList<>();

    /** A helios contact of a company that is a helios partner only, signed in through the issuer's key. */
    private static String partnerUserToken() {
        var company = demoData.helios().stream().filter(c -> !demoData.sharedDomains().contains(c.domain()))
                .findFirst().orElseThrow();
        long now = Instant.now().getEpochSecond();
        String token = issuer.sign(HubTestSupport.JSON.createObjectNode().put("iss", issuer.issuer())
                .put("aud", "accord-portal").put("sub", "restart-user").put("iat", now).put("exp", now + 600)
                .put("email", company.contacts().get(0).email()));
        await().atMost(WAIT).until(() -> HubTestSupport.get(API + "/api/v1/partners", token).status() == 200);
        return token;
    }

    private static String registrationForm(String opportunity) {
        return "{\"customer\":{\"companyName\":\"" + opportunity + " Customer\",\"country\":\"US\","
                + "\"contact\":{\"name\":\"Sam Lee\",\"email\":\"sam@customer.example\"}},"
                + "\"opportunityName\":\"" + opportunity + "\",\"estimatedCloseDate\":\""
                + java.time.LocalDate.now().plusMonths(2) + "\",\"estimatedAmount\":5000,\"currency\":\"USD\"}";
    }

    private static ConfigurableApplicationContext startHub() {
        Map<String, Object> props = new HashMap<>();
        props.put("server.port", HTTP_PORT);
        props.put("accord.data-dir", dataDir.toString());
        props.put("accord.programs-dir", programsDir.toString());
        props.put("accord.embedded.kafka.port", KAFKA_PORT);
        props.put("accord.embedded.kafka.controller-port", CONTROLLER_PORT);
        props.put("accord.sandbox.enabled", false);
        props.put("accord.sandbox.salesforce.url", salesforce.baseUrl());
        props.put("accord.sandbox.hubspot.url", hubspot.baseUrl());
        props.put("accord.ingest.poll-interval-ms", 200);
        props.put("accord.security.issuer-uri", issuer.issuer());
        // As command-line arguments: they rank above application.yml, unlike SpringApplicationBuilder defaults.
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(AccordHubApplication.class).run(args);
    }

    private static void assertNoDuplicateEvents(String topic) {
        List<String> ids = eventIds(topic);
        assertThat(ids).as(topic).doesNotHaveDuplicates();
    }

    private static List<String> eventIds(String topic) {
        List<String> ids = new ArrayList<>();
        HubTestSupport.readTopic(KAFKA, topic, (key, value) -> {
            try {
                ids.add(HubTestSupport.JSON.readTree(value).path("id").asText());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return ids;
    }

    private static String onlyIn(String program) {
        return HubTestSupport.allPartners(API, operator).stream()
                .filter(p -> p.path("sources").size() == 1
                        && program.equals(p.path("sources").get(0).path("program").asText()))
                .map(p -> p.path("id").asText()).findFirst().orElseThrow();
    }

    private static HubTestSupport.Answer get(String url) {
        return HubTestSupport.get(url, operator);
    }

    private static String nameOf(String partnerId) {
        return get(API + "/api/v1/partners/" + partnerId).body().path("name").asText();
    }

    private static String sourceId(JsonNode partner) {
        return partner.path("sources").get(0).path("externalId").asText();
    }
}
