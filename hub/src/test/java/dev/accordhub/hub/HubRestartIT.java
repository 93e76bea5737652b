package dev.accordhub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accordhub.model.EntityType;
import dev.accordhub.routes.Topics;
import dev.accordhub.sandbox.erp.ErpPartnerAccount;
import dev.accordhub.sandbox.erp.ErpProcessTiming;
import dev.accordhub.sandbox.erp.odata.ODataErpSandbox;
import dev.accordhub.sandbox.erp.sql.SqlErpSandbox;
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
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stops the hub mid-stream and starts it again on the same data directory, while the CRMs and ERPs (external here,
 * as in production) go on changing: the model comes back from Kafka, changes made while the hub was down arrive, and
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
    /** The ERPs, external too: MDF claims in flight at the stop must land once. */
    static ODataErpSandbox heliosErp;
    static SqlErpSandbox vantageErp;
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
        heliosErp = ODataErpSandbox.builder().programPrefix("HEL").timing(ErpProcessTiming.FAST)
                .accounts(salesforce.records("Account", false).stream()
                        .map(a -> new ErpPartnerAccount((String) a.get("Id"), (String) a.get("Name"),
                                (String) a.get("BillingCountry"))).filter(a -> a.country() != null).toList()).start();
        vantageErp = SqlErpSandbox.builder().databaseName("restart-vantage-erp").fundPrefix("VAN")
                .timing(ErpProcessTiming.FAST).accounts(hubspot.objects("companies", false).stream()
                        .map(c -> new ErpPartnerAccount(c.id(), c.properties().get("name"),
                                c.properties().get("country"))).filter(a -> a.country() != null).toList()).start();
    }

    @AfterAll
    static void stopTheCrms() {
        heliosErp.close();
        vantageErp.close();
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
        try (ConfigurableApplicationContext hub = startHub(dataDir)) {
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
            // MDF: approved activities, then claims submitted right before the stop.
            mdfUser = mdfUserToken();
            String fund = HubTestSupport.get(API + "/api/v1/mdf/funds", mdfUser).body().path("items").get(0)
                    .path("id").asText();
            currency = HubTestSupport.get(API + "/api/v1/mdf/funds", mdfUser).body().path("items").get(0)
                    .path("allocated").path("currency").asText();
            List<String> activities = new ArrayList<>();
            for (int i = 0; i < CLAIMS; i++) {
                activities.add(HubTestSupport.post(API + "/api/v1/mdf/requests", mdfUser, "{\"fundId\":\"" + fund
                        + "\",\"activity\":\"Restart " + i + "\",\"country\":\"" + mdfCountry
                        + "\",\"amount\":30,\"currency\":\"" + currency + "\"}").body().path("id").asText());
            }
            for (String activity : activities) {
                await().atMost(WAIT).until(() -> "APPROVED".equals(HubTestSupport.get(API + "/api/v1/mdf/requests/"
                        + activity, mdfUser).body().path("status").asText()));
            }
            for (int i = 0; i < CLAIMS; i++) {
                HubTestSupport.Answer claimed = HubTestSupport.post(API + "/api/v1/mdf/claims", mdfUser,
                        "{\"requestId\":\"" + activities.get(i) + "\",\"invoiceReference\":\"R-" + i + "-"
                                + UUID.randomUUID() + "\",\"amount\":25,\"currency\":\"" + currency
                                + "\",\"proofReferences\":[\"doc:restart-" + i + "\"]}");
                assertThat(claimed.status()).as(String.valueOf(claimed.body())).isEqualTo(202);
                claims.add(claimed.body().path("id").asText());
            }
        }

        hubspot.update("companies", vantageCompany, Map.of("name", "Renamed While The Hub Was Down"));
        Map<String, Object> account = new HashMap<>();
        account.put("Name", "Joined While The Hub Was Down");
        account.put("Website", "https://www.joined-while-down.example");
        account.put("IsPartner", true);
        account.put("Partner_Tier__c", "Advanced");
        salesforce.create("Account", account);

        try (ConfigurableApplicationContext hub = startHub(dataDir)) {
            assertThat(nameOf(heliosPartner)).as("rebuilt from Kafka before serving").isEqualTo(renamedBefore);
            assertThat(claims).as("MDF claims rebuilt from Kafka before serving").allSatisfy(id -> assertThat(
                    HubTestSupport.get(API + "/api/v1/mdf/claims/" + id, mdfUser).status()).isEqualTo(200));
            await().atMost(WAIT).until(() -> "Renamed While The Hub Was Down".equals(nameOf(vantagePartner)));
            await().atMost(WAIT).until(() -> HubTestSupport.allPartners(API, operator).stream()
                    .anyMatch(p -> "joined-while-down.example".equals(p.path("domain").asText())));
            assertThat(HubTestSupport.allPartners(API, operator)).hasSize(expected + 1);

            await().atMost(WAIT).untilAsserted(() -> assertThat(registrations).allSatisfy(id ->
                    assertThat(salesforce.records("Opportunity", false).stream()
                            .filter(o -> id.equals(o.get("Accord_Registration_Id__c")))).as(id).hasSize(1)));
            await().atMost(WAIT).untilAsserted(() -> assertThat(claims).allSatisfy(id -> assertThat(
                    HubTestSupport.get(API + "/api/v1/mdf/claims/" + id, mdfUser).body().path("status").asText())
                    .as(id).isEqualTo("PAID")));
            assertThat(claims).allSatisfy(id -> {
                assertThat(heliosErp.claims()).filteredOn(c -> c.claimId().equals(id)).as(id).hasSize(1);
                assertThat(heliosErp.payouts()).filteredOn(p -> p.claimId().equals(id)).as(id).hasSize(1);
            });
            JsonNode balance = HubTestSupport.get(API + "/api/v1/mdf/funds", mdfUser).body().path("items").get(0)
                    .path("balance");
            assertThat(balance.path("paid").path("amount").decimalValue()).isEqualByComparingTo(
                    java.math.BigDecimal.valueOf(25L * CLAIMS));
            assertThat(balance.path("committed").path("amount").decimalValue()).isEqualByComparingTo("0");
            assertNoDuplicateEvents(Topics.ALERTS);
            for (EntityType entity : EntityType.values()) {
                assertNoDuplicateEvents(Topics.ingest(entity));
                assertNoDuplicateEvents(Topics.golden(entity));
            }
            assertThat(eventIds(Topics.ingest(EntityType.PARTNER)))
                    .as("every seeded partner once, plus the three changes")
                    .hasSize(2 * PARTNERS_PER_PROGRAM + 3);
        }
    }

    /**
     * The crash window of a registration: its CRM write is queued with its submission, so the CRM's report of the
     * new record can reach consolidation first, and then lives only on the portal's copy in the grid until the
     * submission is applied. A hub stopped in between must still know, once restarted, where the CRM put it: the
     * report is not read again (its offset and the poll's watermark have moved on).
     */
    @Test
    void aCrmReportThatOvertookItsSubmissionIsNotLostInARestart() {
        Path data = dataDir.resolve("overtaken");
        String registration;
        String crmId;
        try (ConfigurableApplicationContext hub = startHub(data)) {
            String partnerUser = partnerUserToken();
            // The submission stays on Artemis (the route that moves it into Kafka is stopped) while the CRM write
            // goes through and is read back.
            hub.getBean(CamelContext.class).getRouteController().stopRoute("deal-commands");
            HubTestSupport.Answer accepted = HubTestSupport.post(API + "/api/v1/deals", partnerUser,
                    registrationForm("Reported before applied"));
            assertThat(accepted.status()).as(String.valueOf(accepted.body())).isEqualTo(202);
            registration = accepted.body().path("id").asText();
            crmId = await().atMost(WAIT).until(() -> opportunityOf(registration), java.util.Objects::nonNull);
            await().atMost(WAIT).until(() -> HubTestSupport.get(API + "/api/v1/deals/" + registration, partnerUser)
                    .body().path("sources").findValuesAsText("externalId").contains(crmId));
            assertThat(goldenDealEvents(registration)).as("not published before its submission is applied")
                    .isEmpty();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }

        try (ConfigurableApplicationContext hub = startHub(data)) {
            String partnerUser = partnerUserToken();
            await().atMost(WAIT).until(() -> !goldenDealEvents(registration).isEmpty());
            List<JsonNode> events = goldenDealEvents(registration);
            assertThat(events).as("published once, with the submission").hasSize(1);
            assertThat(events.get(0).path("data").path("sources").findValuesAsText("externalId"))
                    .as("where the CRM put it").containsExactly(registration, crmId);
            assertThat(HubTestSupport.get(API + "/api/v1/deals/" + registration, partnerUser).body().path("sources")
                    .findValuesAsText("externalId")).containsExactly(registration, crmId);
            List<String> held = new ArrayList<>();
            HubTestSupport.readTopic(KAFKA, Topics.REGISTRATIONS_HELD, (key, value) -> {
                if (registration.equals(key)) {
                    held.add(value == null ? "tombstone" : "copy");
                }
            });
            assertThat(held).as("kept until its submission was applied").containsExactly("copy", "tombstone");
            assertThat(salesforce.records("Opportunity", false)).filteredOn(o -> registration.equals(
                    o.get("Accord_Registration_Id__c"))).as("written once").hasSize(1);
        }
    }

    private static String opportunityOf(String registration) {
        return salesforce.records("Opportunity", false).stream()
                .filter(o -> registration.equals(o.get("Accord_Registration_Id__c")))
                .map(o -> (String) o.get("Id")).findFirst().orElse(null);
    }

    private static List<JsonNode> goldenDealEvents(String dealId) {
        List<JsonNode> events = new ArrayList<>();
        HubTestSupport.readTopic(KAFKA, Topics.golden(EntityType.DEAL), (key, value) -> {
            if (dealId.equals(key) && value != null) {
                try {
                    events.add(HubTestSupport.JSON.readTree(value));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        return events;
    }

    static final int CLAIMS = 6;
    static final List<String> claims = new ArrayList<>();
    static String mdfUser;
    static String mdfCountry;
    static String currency;

    /** A contact of a helios-only partner of tier Advanced or above (the mdf module), signed in through the issuer. */
    private static String mdfUserToken() {
        var company = demoData.helios().stream().filter(c -> !demoData.sharedDomains().contains(c.domain()))
                .filter(c -> java.util.Set.of("Advanced", "Premier", "Elite").contains(c.tier()))
                .filter(c -> !c.contacts().isEmpty()).findFirst().orElseThrow();
        mdfCountry = company.country();
        long now = Instant.now().getEpochSecond();
        String token = issuer.sign(HubTestSupport.JSON.createObjectNode().put("iss", issuer.issuer())
                .put("aud", "accord-portal").put("sub", "restart-mdf-user").put("iat", now).put("exp", now + 600)
                .put("email", company.contacts().get(0).email()));
        await().atMost(WAIT).until(() -> HubTestSupport.get(API + "/api/v1/mdf/funds", token).body().path("items")
                .size() == 1);
        return token;
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

    private static ConfigurableApplicationContext startHub(Path data) {
        Map<String, Object> props = new HashMap<>();
        props.put("server.port", HTTP_PORT);
        props.put("accord.data-dir", data.toString());
        props.put("accord.programs-dir", programsDir.toString());
        props.put("accord.embedded.kafka.port", KAFKA_PORT);
        props.put("accord.embedded.kafka.controller-port", CONTROLLER_PORT);
        props.put("accord.sandbox.enabled", false);
        props.put("accord.sandbox.salesforce.url", salesforce.baseUrl());
        props.put("accord.sandbox.hubspot.url", hubspot.baseUrl());
        props.put("accord.sandbox.erp.helios.url", heliosErp.serviceRoot().replaceAll("/data/?$", ""));
        props.put("accord.sandbox.erp.vantage.url", vantageErp.jdbcUrl());
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
