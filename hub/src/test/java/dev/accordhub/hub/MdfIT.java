package dev.accordhub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accordhub.hub.HubTestSupport.Answer;
import dev.accordhub.sandbox.erp.odata.ODataErpSandbox;
import dev.accordhub.sandbox.erp.sql.SqlErpSandbox;
import dev.accordhub.sandbox.oidc.OidcSandbox;
import dev.accordhub.sandbox.seed.DemoData;
import dev.accordhub.sandbox.seed.SeedCompany;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * MDF end to end through both ERP sandboxes: helios's over OData v4 (camel-olingo4), vantage's interface tables
 * (camel-sql on H2 over TCP). A request and a claim go from the portal through Artemis into the ERP, whose finance
 * process approves and pays; the decisions and the payout come back through the ERP feed, and the balance in the API
 * follows. Also: each ERP down for a while (health says so; the claim waits and lands once), validation and
 * scoping, double-dipping across the two programs raised as an alert, poison writes and unreadable ERP rows as dead
 * letters, and the feeds' meters on /actuator/prometheus.
 */
// JSON log lines (ECS) in a file, with the incentive service's per-document lines, to follow one claim. Here and not
// in the dynamic properties: logging is set up before those are added.
@SpringBootTest(classes = AccordHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"logging.file.name=" + MdfIT.LOG_FILE, "logging.structured.format.file=ecs",
                "logging.level.dev.accordhub.routes.incentive.IncentiveService=DEBUG",
                "logging.level.dev.accordhub.routes.consolidate.ConsolidationService=DEBUG"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@AutoConfigureObservability // tests switch metrics export off unless asked: /actuator/prometheus is under test here
class MdfIT {

    static final int PARTNERS_PER_PROGRAM = 20;
    static final String LOG_FILE = "target/mdf-it/hub.log.json";
    static final Duration WAIT = Duration.ofSeconds(60);
    static final Duration FLOW = Duration.ofSeconds(20);

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HubTestSupport.twoProgramHub(registry, () -> dataDir, PARTNERS_PER_PROGRAM);
        // Finance decides and pays at its next run; the feeds are read often.
        registry.add("accord.sandbox.erp.decision-delay", () -> "0s");
        registry.add("accord.sandbox.erp.payout-delay", () -> "0s");
        registry.add("accord.incentives.poll-interval-ms", () -> 200);
        // Writes retried for ~20 s: longer than the outages below (a stopped database takes its 5 s connect timeout
        // to be noticed).
        registry.add("accord.registration.write-attempts", () -> 12);
        registry.add("accord.registration.write-backoff", () -> "200ms");
        registry.add("accord.registration.write-max-backoff", () -> "2s");
        // Users without roles from an identity provider handle their company's MDF here.
        registry.add("accord.permissions.default-roles[0]", () -> "partner-finance");
    }

    @LocalServerPort
    int port;
    @Autowired
    OidcSandbox oidc;
    @Autowired
    DemoData demoData;
    @Autowired
    ODataErpSandbox heliosErp;
    @Autowired
    SqlErpSandbox vantageErp;
    @Autowired
    dev.accordhub.sandbox.salesforce.SalesforceSandbox salesforce;

    String api;
    String operator;

    @BeforeEach
    void signIn() {
        api = "http://127.0.0.1:" + port + "/api/v1";
        operator = HubTestSupport.token(oidc.issuer(), "operator");
    }

    @Test
    void aClaimIsApprovedAndPaidByEachErpAndTheBalanceFollows() throws Exception {
        for (Partner partner : List.of(mdfUser(demoData.helios(), 0), mdfUser(demoData.vantage(), 0))) {
            JsonNode fund = onlyFund(partner);
            BigDecimal available = amount(fund.path("balance").path("available"));
            BigDecimal paidBefore = amount(fund.path("balance").path("paid")); // the ERP's history, if any
            String currency = fund.path("allocated").path("currency").asText();
            int digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
            assertThat(raw(api + "/mdf/funds", partner.token())).as("amounts plain, at the currency's scale")
                    .containsPattern("\"allocated\":\\{\"amount\":" + (digits == 0 ? "\\d+," : "\\d+\\.\\d{" + digits
                            + "},"));

            String request = approvedRequest(partner, fund, "300");
            assertThat(amount(onlyFund(partner).path("balance").path("available")))
                    .as("the approved activity is committed").isEqualByComparingTo(available.subtract(new BigDecimal("300")));

            Answer claimed = submit(partner.token(), "/mdf/claims", claim(request, "INV-" + UUID.randomUUID(), "250",
                    currency), null);
            assertThat(claimed.status()).as(claimed.body().toString()).isEqualTo(202);
            String claim = claimed.body().path("id").asText();
            assertThat(claimed.body().path("status").asText()).isEqualTo("SUBMITTED");
            assertThat(HubTestSupport.get(api + "/mdf/claims/" + claim, partner.token()).body().path("status")
                    .asText()).as("readable at once").isEqualTo("SUBMITTED");

            await().atMost(FLOW).untilAsserted(() -> {
                JsonNode now = HubTestSupport.get(api + "/mdf/claims/" + claim, partner.token()).body();
                assertThat(now.path("status").asText()).isEqualTo("PAID");
                assertThat(now.path("payouts")).hasSize(1);
                assertThat(amount(now.path("payouts").get(0).path("amount"))).isEqualByComparingTo("250");
            });
            await().atMost(FLOW).untilAsserted(() -> {
                JsonNode balance = onlyFund(partner).path("balance");
                assertThat(amount(balance.path("paid"))).isEqualByComparingTo(paidBefore.add(new BigDecimal("250")));
                assertThat(amount(balance.path("committed"))).isEqualByComparingTo("0");
                assertThat(amount(balance.path("available"))).isEqualByComparingTo(available.subtract(
                        new BigDecimal("250")));
            });
            JsonNode total = HubTestSupport.get(api + "/mdf/balance", partner.token()).body();
            assertThat(total.path("total").path("available").path("currency").asText()).isEqualTo("USD");
            assertThat(amount(total.path("total").path("available")))
                    .isEqualByComparingTo(amount(onlyFund(partner).path("reporting").path("available")));
        }
    }

    @Test
    void oneClaimCanBeFollowedThroughTheJsonLogsByItsCorrelationId() throws Exception {
        Partner helios = mdfUser(demoData.helios(), 6);
        String request = approvedRequest(helios, onlyFund(helios), "40");
        String claim = submit(helios.token(), "/mdf/claims", claim(request, "INV-L-" + UUID.randomUUID(), "40",
                currency(helios)), null).body().path("id").asText();
        String correlation = "helios:CLAIM:" + claim;

        await().atMost(FLOW).untilAsserted(() -> {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(LOG_FILE))) {
                JsonNode json = HubTestSupport.JSON.readTree(line);
                if (correlation.equals(json.path("accordCorrelation").asText())) {
                    lines.add(json);
                }
            }
            assertThat(lines).extracting(l -> l.path("log").path("logger").asText(l.path("log.logger").asText()))
                    .as("after the Artemis hop (the ERP write) and the Kafka hop (the command applied)")
                    .contains("dev.accordhub.routes.incentive.ErpWriter",
                            "dev.accordhub.routes.incentive.IncentiveService");
        });
    }

    @Test
    void oneCrmChangeCanBeFollowedFromItsSourceToTheGoldenModelByItsCorrelationId() {
        Map<String, Object> account = salesforce.records("Account", false).get(3);
        salesforce.update("Account", (String) account.get("Id"), Map.of("Name", account.get("Name") + " (traced)"));
        // The ingest event's id: source key @ source version, set by the poller, carried as a Kafka header.
        String prefix = "helios:partner:" + account.get("Id") + "@";

        await().atMost(FLOW).untilAsserted(() -> {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(LOG_FILE))) {
                JsonNode json = HubTestSupport.JSON.readTree(line);
                if (json.path("accordCorrelation").asText().startsWith(prefix)) {
                    lines.add(json);
                }
            }
            assertThat(lines).extracting(l -> l.path("log").path("logger").asText(l.path("log.logger").asText()))
                    .as("consolidation, after the Kafka hop from the poller")
                    .contains("dev.accordhub.routes.consolidate.ConsolidationService");
            assertThat(lines).extracting(l -> l.path("message").asText())
                    .anyMatch(m -> m.contains("partner ") && m.contains("applied"));
        });
    }

    @Test
    void aClaimWaitsWhileItsErpIsDownAndLandsOnce() {
        Partner helios = mdfUser(demoData.helios(), 1);
        Partner vantage = mdfUser(demoData.vantage(), 1);
        String heliosRequest = approvedRequest(helios, onlyFund(helios), "200");
        String vantageRequest = approvedRequest(vantage, onlyFund(vantage), "200");

        heliosErp.setAvailable(false);
        vantageErp.stopServer();
        String heliosClaim;
        String vantageClaim;
        try {
            heliosClaim = submit(helios.token(), "/mdf/claims", claim(heliosRequest, "INV-" + UUID.randomUUID(), "150",
                    currency(helios)), null).body().path("id").asText();
            vantageClaim = submit(vantage.token(), "/mdf/claims", claim(vantageRequest, "INV-" + UUID.randomUUID(),
                    "150", currency(vantage)), null).body().path("id").asText();
            await().atMost(FLOW).untilAsserted(() -> {
                JsonNode erps = HubTestSupport.get("http://127.0.0.1:" + port + "/actuator/health").body()
                        .path("components").path("erps").path("components");
                assertThat(erps.path("helios").path("status").asText()).isEqualTo("DOWN");
                assertThat(erps.path("vantage").path("status").asText()).isEqualTo("DOWN");
                assertThat(erps.path("helios").path("details").path("lastError").asText()).contains("503");
            });
            // Retried with back-off while down (Awaitility's poll delay is the outage, not a sleep in the flow).
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(heliosErp.claim(heliosClaim)).isEmpty();
                assertThat(HubTestSupport.get(api + "/mdf/claims/" + vantageClaim, vantage.token()).body()
                        .path("status").asText()).isEqualTo("SUBMITTED");
            });
        } finally {
            heliosErp.setAvailable(true);
            vantageErp.startServer();
        }
        await().atMost(FLOW).untilAsserted(() -> assertThat(HubTestSupport.get("http://127.0.0.1:" + port
                + "/actuator/health").body().path("components").path("erps").path("status").asText()).isEqualTo("UP"));
        for (Object[] each : new Object[][] {{helios, heliosClaim}, {vantage, vantageClaim}}) {
            Partner partner = (Partner) each[0];
            String claim = (String) each[1];
            await().atMost(FLOW).untilAsserted(() -> assertThat(HubTestSupport.get(api + "/mdf/claims/" + claim,
                    partner.token()).body().path("status").asText()).isEqualTo("PAID"));
        }
        assertThat(heliosErp.claims()).filteredOn(c -> c.claimId().equals(heliosClaim)).hasSize(1);
        assertThat(heliosErp.payouts()).filteredOn(p -> p.claimId().equals(heliosClaim)).hasSize(1);
        assertThat(vantageErp.payouts()).filteredOn(p -> p.claimId().equals(vantageClaim)).hasSize(1);
        assertThat(HubTestSupport.get(api + "/ops/dead-letters", operator).body().toString())
                .doesNotContain(heliosClaim).doesNotContain(vantageClaim);
    }

    @Test
    void submissionsAreCheckedAtOnceAndScopedToTheCallersCompany() {
        Partner helios = mdfUser(demoData.helios(), 2);
        Partner vantage = mdfUser(demoData.vantage(), 2);
        JsonNode fund = onlyFund(helios);
        String currency = currency(helios);

        Answer bad = submit(helios.token(), "/mdf/claims", HubTestSupport.JSON.createObjectNode()
                .put("amount", -5).put("currency", "EURO").put("colour", "red")
                .set("proofReferences", HubTestSupport.JSON.createArrayNode().add("data:application/pdf;base64,AAAA")),
                null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("errors")).extracting(e -> e.path("field").asText()).contains("requestId",
                "invoiceReference", "amount", "currency", "colour", "proofReferences[0]");

        Answer theirs = submit(helios.token(), "/mdf/requests", request(onlyFund(vantage).path("id").asText(), "10",
                currency(vantage), "DE"), null);
        assertThat(theirs.status()).as("another company's fund is not found").isEqualTo(404);

        Answer tooMuch = submit(helios.token(), "/mdf/requests", request(fund.path("id").asText(),
                amount(fund.path("balance").path("available")).add(BigDecimal.ONE).toPlainString(), currency,
                helios.company().country()), null);
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.body().path("type").asText()).endsWith("/exceeds-balance");

        heliosErp.pauseProcess();
        String undecided;
        try {
            undecided = submit(helios.token(), "/mdf/requests", request(fund.path("id").asText(), "50", currency,
                    helios.company().country()), null).body().path("id").asText();
            Answer early = submit(helios.token(), "/mdf/claims", claim(undecided, "INV-E-" + UUID.randomUUID(), "50",
                    currency), null);
            assertThat(early.status()).isEqualTo(422);
            assertThat(early.body().path("detail").asText()).contains("SUBMITTED: claims need an approved activity");
        } finally {
            heliosErp.resumeProcess();
        }

        String approved = approvedRequest(helios, fund, "80");
        ObjectNode form = claim(approved, "INV-K-" + UUID.randomUUID(), "80", currency);
        Answer first = submit(helios.token(), "/mdf/claims", form, "key-" + approved);
        Answer retry = submit(helios.token(), "/mdf/claims", form, "key-" + approved);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.body().path("id").asText()).isEqualTo(first.body().path("id").asText());
        Answer reused = submit(helios.token(), "/mdf/claims", form.deepCopy().put("amount", "70"), "key-" + approved);
        assertThat(reused.status()).isEqualTo(422);
        Answer second = submit(helios.token(), "/mdf/claims", form.deepCopy().put("invoiceReference", "INV-2"), null);
        assertThat(second.status()).as("one claim per activity").isEqualTo(409);

        String claimId = first.body().path("id").asText();
        assertThat(HubTestSupport.get(api + "/mdf/claims/" + claimId, vantage.token()).status()).isEqualTo(404);
        assertThat(HubTestSupport.get(api + "/mdf/claims/" + claimId, operator).status()).isEqualTo(200);
        assertThat(HubTestSupport.get(api + "/mdf/funds", operator).status()).as("staff name the partner")
                .isEqualTo(400);
        assertThat(HubTestSupport.get(api + "/ops/alerts", helios.token()).status()).isEqualTo(403);
        await().atMost(FLOW).until(() -> heliosErp.claim(claimId).isPresent());
        assertThat(heliosErp.claims()).filteredOn(c -> c.claimId().equals(claimId)).hasSize(1);
    }

    @Test
    void theSameInvoiceClaimedInBothProgramsIsDoubleDipping() {
        Partner helios = mdfUser(demoData.helios(), 3);
        Partner vantage = mdfUser(demoData.vantage(), 3);
        String invoice = "INV-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String heliosClaim = submit(helios.token(), "/mdf/claims", claim(approvedRequest(helios, onlyFund(helios),
                "100"), invoice, "100", currency(helios)), null).body().path("id").asText();
        String vantageClaim = submit(vantage.token(), "/mdf/claims", claim(approvedRequest(vantage,
                onlyFund(vantage), "100"), invoice.toLowerCase().replace('-', ' '), "100", currency(vantage)), null)
                .body().path("id").asText();

        await().atMost(FLOW).untilAsserted(() -> {
            JsonNode alerts = HubTestSupport.get(api + "/ops/alerts?type=DOUBLE_DIPPING", operator).body();
            List<JsonNode> found = new ArrayList<>();
            alerts.path("items").forEach(a -> {
                if (a.toString().contains(heliosClaim) && a.toString().contains(vantageClaim)) {
                    found.add(a);
                }
            });
            assertThat(found).hasSize(1);
        });
    }

    @Test
    void aClaimTheErpRefusesIsDeadLetteredAtOnceAndLandsOnceWhenRetriedAfterTheFix() {
        Partner helios = mdfUser(demoData.helios(), 5);
        String request = approvedRequest(helios, onlyFund(helios), "60");
        String claim;
        heliosErp.failNextWrites(10_000, 400);
        try {
            claim = submit(helios.token(), "/mdf/claims", claim(request, "INV-P-" + UUID.randomUUID(), "60",
                    currency(helios)), null).body().path("id").asText();
            await().atMost(FLOW).until(() -> letterOf(claim) != null);
        } finally {
            heliosErp.failNextWrites(0, 400);
        }
        JsonNode letter = letterOf(claim);
        assertThat(letter.path("reason").asText()).contains("ErpRejectedException");
        assertThat(heliosErp.claim(claim)).isEmpty();

        Answer retried = HubTestSupport.post(api + "/ops/dead-letters/" + letter.path("id").asText() + "/retry",
                operator, "");
        assertThat(retried.status()).as(retried.body().toString()).isLessThan(300);
        await().atMost(FLOW).untilAsserted(() -> assertThat(HubTestSupport.get(api + "/mdf/claims/" + claim,
                helios.token()).body().path("status").asText()).isEqualTo("PAID"));
        assertThat(heliosErp.claims()).filteredOn(c -> c.claimId().equals(claim)).hasSize(1);
    }

    private JsonNode letterOf(String claimId) {
        for (JsonNode entry : HubTestSupport.get(api + "/ops/dead-letters?status=OPEN", operator).body()
                .path("items")) {
            JsonNode letter = entry.has("letter") ? entry.path("letter") : entry;
            if (letter.path("payload").asText().contains(claimId)) {
                return letter;
            }
        }
        return null;
    }

    @Test
    void aDocumentTheHubCannotReadBecomesADeadLetterAndTheFeedGoesOn() throws Exception {
        Partner vantage = mdfUser(demoData.vantage(), 4);
        String fund = onlyFund(vantage).path("id").asText();
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(vantageErp.jdbcUrl(), vantageErp.user(),
                vantageErp.password()); java.sql.Statement sql = db.createStatement()) {
            sql.executeUpdate("INSERT INTO MDF_REQUEST_OUT (REQUEST_ID, FUND_ID, PARTNER_ACCOUNT, ACTIVITY, "
                    + "CURRENCY_CODE, AMOUNT, STATUS_CODE, LAST_UPDATE_DATE, CHANGE_SEQ) VALUES ('erp-odd-1', '"
                    + fund + "', 'X', 'Trade show', 'EUR', 100, 'ON_HOLD', CURRENT_TIMESTAMP, "
                    + "NEXT VALUE FOR ERP_CHANGE_SEQ)");
        }
        await().atMost(FLOW).untilAsserted(() -> assertThat(HubTestSupport.get(api + "/ops/dead-letters", operator)
                .body().toString()).contains("vantage:REQUEST:erp-odd-1").contains("ON_HOLD"));

        assertThat(approvedRequest(vantage, onlyFund(vantage), "20")).as("the feed goes on").isNotBlank();
    }

    @Test
    void prometheusShowsEachSourceFeedTheOpenDeadLettersAndTheAlerts() throws Exception {
        mdfUser(demoData.helios(), 0); // the feeds have been read
        String metrics = raw("http://127.0.0.1:" + port + "/actuator/prometheus", operator);

        for (String feed : List.of("feed=\"partner\",program=\"helios\"", "feed=\"partner\",program=\"vantage\"",
                "feed=\"erp\",program=\"helios\"", "feed=\"erp\",program=\"vantage\"")) {
            java.util.regex.Matcher read = java.util.regex.Pattern.compile("accord_source_records_total\\{" + feed
                    + "[^}]*} ([0-9.E]+)").matcher(metrics);
            assertThat(read.find()).as(feed + " in " + metrics.lines().filter(l -> l.startsWith("accord_source_records"))
                    .toList()).isTrue();
            assertThat(Double.parseDouble(read.group(1))).as(feed).isPositive();
            assertThat(metrics).contains("accord_source_failures_total{" + feed);
        }
        assertThat(metrics).containsPattern("accord_source_lag_seconds\\{feed=\"partner\",program=\"helios\"[^}]*} \\d");
        assertThat(metrics).contains("accord_dead_letters_open ").contains("accord_alerts{type=\"DOUBLE_DIPPING\"}");
        assertThat(metrics).as("Camel's per-route meters (RouteMeters)")
                .containsPattern("camel_exchanges_total\\{[^}]*eventType=\"route\"[^}]*routeId=\"erp-outbound-helios\"")
                .containsPattern("camel_route_policy_seconds_count\\{[^}]*routeId=\"portal-me\"[^}]*} [1-9]");
        // The portal's servlet is not Spring MVC's: its requests are named after their REST operation all the same.
        assertThat(metrics).as("portal requests, timed by their path template")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/v1/me\"")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*method=\"POST\"[^}]*uri=\"/api/v1/mdf/claims\"")
                .doesNotContainPattern("http_server_requests_seconds_count\\{[^}]*uri=\"UNKNOWN\"");

        // The Grafana dashboard in config/ only asks for series the hub exports.
        JsonNode dashboard = HubTestSupport.JSON.readTree(java.nio.file.Path.of("../config/grafana/accord-hub.json")
                .toFile());
        List<String> queried = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target -> {
            java.util.regex.Matcher name = java.util.regex.Pattern.compile("([a-z_]+)\\{").matcher(
                    target.path("expr").asText());
            while (name.find()) {
                queried.add(name.group(1));
            }
        }));
        assertThat(queried).hasSizeGreaterThan(10).allSatisfy(series -> assertThat(metrics)
                .as(series).containsPattern("(?m)^" + series + "[{ ]"));
    }

    // ---- helpers

    record Partner(SeedCompany company, String token) {
    }

    /** The {@code nth} company of the program that is in it alone and whose user has the mdf module. */
    private Partner mdfUser(List<SeedCompany> program, int nth) {
        int seen = 0;
        for (SeedCompany company : program) {
            if (demoData.sharedDomains().contains(company.domain()) || company.contacts().isEmpty()) {
                continue;
            }
            String token = token(company.contacts().get(0).email());
            await().atMost(WAIT).until(() -> HubTestSupport.get(api + "/me", token).status() == 200);
            JsonNode me = HubTestSupport.get(api + "/me", token).body();
            boolean mdf = false;
            for (JsonNode module : me.path("modules")) {
                mdf |= module.asText().equals("mdf");
            }
            if (mdf && seen++ == nth) {
                Partner partner = new Partner(company, token);
                await().atMost(WAIT).until(() -> HubTestSupport.get(api + "/mdf/funds", token).body().path("items")
                        .size() == 1);
                return partner;
            }
        }
        throw new IllegalStateException("Not enough companies with the mdf module");
    }

    private JsonNode onlyFund(Partner partner) {
        JsonNode items = HubTestSupport.get(api + "/mdf/funds", partner.token()).body().path("items");
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private String currency(Partner partner) {
        return onlyFund(partner).path("allocated").path("currency").asText();
    }

    private String approvedRequest(Partner partner, JsonNode fund, String amount) {
        Answer asked = submit(partner.token(), "/mdf/requests", request(fund.path("id").asText(), amount,
                fund.path("allocated").path("currency").asText(), partner.company().country()), null);
        assertThat(asked.status()).as(asked.body().toString()).isEqualTo(202);
        String id = asked.body().path("id").asText();
        await().atMost(FLOW).untilAsserted(() -> assertThat(HubTestSupport.get(api + "/mdf/requests/" + id,
                partner.token()).body().path("status").asText()).isEqualTo("APPROVED"));
        return id;
    }

    private static ObjectNode request(String fund, String amount, String currency, String country) {
        return HubTestSupport.JSON.createObjectNode().put("fundId", fund).put("activity", "Joint webinar")
                .put("country", country).put("amount", amount).put("currency", currency);
    }

    private static ObjectNode claim(String request, String invoice, String amount, String currency) {
        ObjectNode form = HubTestSupport.JSON.createObjectNode().put("requestId", request)
                .put("invoiceReference", invoice).put("amount", amount).put("currency", currency);
        form.putArray("proofReferences").add("https://dam.example/proof/" + UUID.randomUUID() + ".pdf");
        return form;
    }

    private Answer submit(String token, String path, JsonNode body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return HubTestSupport.send(request.build());
    }

    private String token(String email) {
        long now = Instant.now().getEpochSecond();
        return oidc.sign(HubTestSupport.JSON.createObjectNode().put("iss", oidc.issuer()).put("aud", "accord-portal")
                .put("sub", "mdf-" + email).put("iat", now).put("exp", now + 900).put("email", email));
    }

    private static String raw(String url, String token) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    private static BigDecimal amount(JsonNode money) {
        return money.path("amount").decimalValue();
    }
}
