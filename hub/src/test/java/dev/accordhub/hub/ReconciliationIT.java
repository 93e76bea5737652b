package dev.accordhub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accordhub.sandbox.hubspot.HubSpotSandbox;
import dev.accordhub.sandbox.salesforce.SalesforceSandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
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
 * Reconciliation against the real sandbox CRMs: changes the pollers never saw (their routes stopped) are found by
 * comparing each source with the golden model, repaired through the ingest path, reported in the ops API and the
 * meters; a second run finds nothing, and the pollers catching up later change nothing.
 */
@SpringBootTest(classes = AccordHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@AutoConfigureObservability
class ReconciliationIT {

    static final int PARTNERS_PER_PROGRAM = 20;
    static final Duration WAIT = Duration.ofSeconds(60);
    static final Set<String> INGEST_ROUTES = Set.of("helios-partner-ingest", "vantage-partner-ingest");

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HubTestSupport.twoProgramHub(registry, () -> dataDir, PARTNERS_PER_PROGRAM);
        // Slow enough that a second start while a run goes is refused, and that the pacing is exercised.
        registry.add("accord.reconciliation.calls-per-second", () -> 4);
    }

    @LocalServerPort
    int port;
    @Autowired
    SalesforceSandbox salesforce;
    @Autowired
    HubSpotSandbox hubspot;
    @Autowired
    dev.accordhub.sandbox.oidc.OidcSandbox oidc;
    @Autowired
    CamelContext camel;
    @Autowired
    dev.accordhub.sandbox.erp.sql.SqlErpSandbox vantageErp;

    String api;
    String operator;

    @BeforeEach
    void waitForTheInitialIngest() {
        api = "http://127.0.0.1:" + port;
        operator = HubTestSupport.token(oidc.issuer(), "operator");
        await().atMost(WAIT).untilAsserted(() -> assertThat(HubTestSupport.allPartners(api, operator).stream()
                .filter(p -> p.path("sources").size() > 0).count()).isGreaterThanOrEqualTo(PARTNERS_PER_PROGRAM));
        // Nothing in flight: every partner of both CRMs is in the golden model before the pollers stop.
        await().atMost(WAIT).until(() -> finishedRun(start()).path("totals").path("drift").asLong() == 0);
    }

    @AfterEach
    void restartThePollers() throws Exception {
        for (String route : INGEST_ROUTES) {
            camel.getRouteController().startRoute(route);
        }
    }

    @Test
    void changesThePollersMissedAreFoundRepairedAndReported() throws Exception {
        for (String route : INGEST_ROUTES) {
            camel.getRouteController().stopRoute(route);
        }
        List<Map<String, Object>> accounts = salesforce.records("Account", false);
        List<Map<String, Object>> single = singleSourced(accounts, "helios");
        Map<String, Object> renamed = single.get(0);
        Map<String, Object> deleted = single.get(1);
        String newName = renamed.get("Name") + " (reconciled)";
        salesforce.update("Account", (String) renamed.get("Id"), Map.of("Name", newName));
        salesforce.delete("Account", (String) deleted.get("Id"));
        Map<String, Object> fresh = new HashMap<>(renamed);
        fresh.keySet().retainAll(Set.of("IsPartner", "BillingCountry", "Partner_Tier__c", "Partner_Type__c"));
        fresh.put("Name", "Reconciliation Newco GmbH");
        fresh.put("Website", "https://reconciliation-newco.example");
        String created = salesforce.create("Account", fresh);
        String archived = hubspot.objects("companies", false).stream().filter(c -> {
            JsonNode partner = partnerOf("vantage", c.id());
            return partner != null && partner.path("sources").size() == 1;
        }).findFirst().orElseThrow().id();
        hubspot.archive("companies", archived);

        JsonNode started = start();
        assertThat(started.path("status").asText()).isEqualTo("RUNNING");
        assertThat(started.path("trigger").asText()).isEqualTo("ON_DEMAND");
        HubTestSupport.Answer second = HubTestSupport.post(api + "/api/v1/ops/reconciliation", operator, "");
        assertThat(second.status()).as("a second run while one goes").isEqualTo(409);
        assertThat(second.body().path("detail").asText()).contains(started.path("id").asText());
        // Progress is visible while it runs.
        JsonNode running = HubTestSupport.get(api + "/api/v1/ops/reconciliation", operator).body();
        assertThat(running.path("state").asText()).isEqualTo("RUNNING");
        assertThat(running.path("current").path("sources")).as("three CRM objects and an ERP per program")
                .hasSize(8);

        JsonNode report = finishedRun(started);
        assertThat(report.path("status").asText()).isEqualTo("COMPLETED");
        JsonNode helios = source(report, "helios", "partner");
        assertThat(helios.path("stale").asLong()).isEqualTo(1);
        assertThat(helios.path("missing").asLong()).isEqualTo(1);
        assertThat(helios.path("orphaned").asLong()).isEqualTo(1);
        assertThat(helios.path("repaired").asLong()).isEqualTo(3);
        assertThat(helios.path("apiCalls").asLong()).isPositive();
        assertThat(helios.path("samples")).extracting(s -> s.path("key").asText()).containsExactlyInAnyOrder(
                "helios:partner:" + renamed.get("Id"), "helios:partner:" + deleted.get("Id"),
                "helios:partner:" + created);
        JsonNode vantage = source(report, "vantage", "partner");
        assertThat(vantage.path("orphaned").asLong()).isEqualTo(1);
        assertThat(vantage.path("repaired").asLong()).isEqualTo(1);
        for (JsonNode other : report.path("sources")) {
            assertThat(other.path("mismatched").asLong()).as("content compared faithfully: %s", other).isZero();
            assertThat(other.path("status").asText()).isEqualTo("DONE");
            if (other != helios && other != vantage) {
                assertThat(other.path("repaired").asLong()).as("%s", other).isZero();
            }
        }
        assertThat(report.path("totals").path("drift").asLong()).isEqualTo(4);

        // Repaired with the pollers still stopped: reconciliation alone brought the golden model back in line.
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(partnerOf("helios", (String) renamed.get("Id")).path("name").asText()).isEqualTo(newName);
            assertThat(partnerOf("helios", created)).isNotNull();
            assertThat(partnerOf("helios", (String) deleted.get("Id")).path("status").asText()).isEqualTo("INACTIVE");
            assertThat(partnerOf("vantage", archived).path("status").asText()).isEqualTo("INACTIVE");
        });
        int partners = HubTestSupport.allPartners(api, operator).size();
        // The rename reached the golden model seconds after its source stamp: a live change in the histogram.
        assertThat(metric("accord_source_to_golden_seconds_count{entity=\"partner\",program=\"helios\"}"))
                .isPositive();

        // The pollers catch up on the same changes: nothing moves, and the next run finds no drift.
        restartThePollers();
        JsonNode again = finishedRun(start());
        assertThat(again.path("totals").path("drift").asLong()).isZero();
        assertThat(again.path("totals").path("repaired").asLong()).isZero();
        assertThat(HubTestSupport.allPartners(api, operator)).hasSize(partners);

        JsonNode runs = HubTestSupport.get(api + "/api/v1/ops/reconciliation/runs", operator).body();
        assertThat(runs.path("items")).extracting(r -> r.path("id").asText())
                .contains(started.path("id").asText(), again.path("id").asText());
        String metrics = HubTestSupport.getText(api + "/actuator/prometheus");
        assertThat(metrics).contains("accord_reconciliation_drift{feed=\"partner\",kind=\"stale\",program=\"helios\"}")
                .contains("accord_reconciliation_running 0.0");
    }

    @Test
    void sparesASourceWhoseApiBudgetIsLowAndWaitsOutRateLimits() throws Exception {
        // HubSpot reports almost nothing left of vantage's daily allowance; the pollers' next answer carries it.
        hubspot.setDailyLimit(hubspot.dailyUsed() + 10);
        try {
            await().atMost(WAIT).untilAsserted(() -> assertThat(metric("accord_source_api_budget_remaining"
                    + "{program=\"vantage\",system=\"hubspot\"}")).isLessThan(10));
            JsonNode spared = finishedRun(start());
            assertThat(spared.path("status").asText()).isEqualTo("FAILED");
            for (JsonNode source : spared.path("sources")) {
                if ("hubspot".equals(source.path("system").asText())) {
                    assertThat(source.path("status").asText()).isEqualTo("FAILED");
                    assertThat(source.path("apiCalls").asLong()).isZero();
                    assertThat(source.path("error").asText()).contains("API budget").contains("calls left");
                } else {
                    assertThat(source.path("status").asText()).isEqualTo("DONE");
                }
            }
        } finally {
            hubspot.setDailyLimit(625_000);
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(metric("accord_source_api_budget_remaining"
                + "{program=\"vantage\",system=\"hubspot\"}")).isGreaterThan(600_000));
        assertThat(metric("accord_source_api_calls_total{program=\"helios\",system=\"salesforce\"}")).isPositive();
        assertThat(metric("accord_source_api_budget_limit{program=\"helios\",system=\"salesforce\"}")).isPositive();

        // A storm of 429s: one call a second allowed, the run paced at four. It waits them out and finishes.
        int limit = hubspot.rateLimitPerSecond();
        for (String route : List.of("vantage-partner-ingest", "vantage-user-ingest", "vantage-deal-ingest")) {
            camel.getRouteController().stopRoute(route);
        }
        long refusedBefore = hubspot.rateLimitedCount();
        hubspot.setRateLimitPerSecond(1);
        JsonNode stormy;
        try {
            stormy = finishedRun(start());
        } finally {
            hubspot.setRateLimitPerSecond(limit);
            for (String route : List.of("vantage-user-ingest", "vantage-deal-ingest")) {
                camel.getRouteController().startRoute(route);
            }
        }
        assertThat(stormy.path("status").asText()).as("%s", stormy).isEqualTo("COMPLETED");
        // The 429s were answered (camel-http's client waits out a first Retry-After itself; the run, any further).
        assertThat(hubspot.rateLimitedCount()).as("429s answered during the run").isGreaterThan(refusedBefore);
        assertThat(stormy.path("totals").path("drift").asLong()).isZero();
    }

    private double metric(String series) {
        return HubTestSupport.getText(api + "/actuator/prometheus").lines().filter(l -> l.startsWith(series + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1))).findFirst().orElse(Double.NaN);
    }

    @Test
    void anErpChangeTheFeedMissedIsFoundAndRepaired() throws Exception {
        camel.getRouteController().stopRoute("erp-vantage-poll");
        String fund;
        try {
            // Finance raises a fund's allocation in the ERP while the hub does not read its feed.
            try (var db = java.sql.DriverManager.getConnection(vantageErp.jdbcUrl(), vantageErp.user(),
                    vantageErp.password()); var statement = db.createStatement()) {
                var first = statement.executeQuery("SELECT MIN(FUND_ID) FROM MDF_FUND_OUT");
                first.next();
                fund = first.getString(1);
                statement.executeUpdate("UPDATE MDF_FUND_OUT SET ALLOCATED_AMOUNT = ALLOCATED_AMOUNT + 1000,"
                        + " LAST_UPDATE_DATE = CURRENT_TIMESTAMP, CHANGE_SEQ = NEXT VALUE FOR ERP_CHANGE_SEQ"
                        + " WHERE FUND_ID = '" + fund + "'");
            }
            JsonNode report = finishedRun(start());
            JsonNode erp = source(report, "vantage", "erp");
            assertThat(erp.path("status").asText()).isEqualTo("DONE");
            assertThat(erp.path("stale").asLong()).isEqualTo(1);
            assertThat(erp.path("repaired").asLong()).isEqualTo(1);
            assertThat(erp.path("samples").get(0).path("key").asText()).isEqualTo("vantage:FUND:" + fund);
            assertThat(source(report, "helios", "erp").path("checked").asLong()).isPositive();
            assertThat(report.path("totals").path("drift").asLong()).isEqualTo(1);
            // The hub took the repaired fund: the next run, with the feed still stopped, finds nothing.
            await().atMost(WAIT).until(() -> finishedRun(start()).path("totals").path("drift").asLong() == 0);
        } finally {
            camel.getRouteController().startRoute("erp-vantage-poll");
        }
    }

    @Test
    void countsWhatTheMappingCannotReadWithoutCallingItDrift() {
        Map<String, Object> nameless = new HashMap<>(Map.of("IsPartner", true, "BillingCountry", "DE",
                "Website", "https://nameless.example"));
        salesforce.putRaw("Account", nameless);
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                metric("accord_dead_letters_open_by_stage{stage=\"ingest.salesforce\"}")).isGreaterThanOrEqualTo(1));

        JsonNode report = finishedRun(start());
        JsonNode helios = source(report, "helios", "partner");
        assertThat(helios.path("unmappable").asLong()).isEqualTo(1);
        assertThat(helios.path("checked").asLong()).isEqualTo(helios.path("sourceCount").asLong());
        assertThat(report.path("totals").path("drift").asLong()).isZero();
    }

    @Test
    void probesSplitLivenessFromReadinessAndKeepSourcesOutOfBoth() {
        HubTestSupport.Answer readiness = HubTestSupport.get(api + "/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body().path("status").asText()).isEqualTo("UP");
        assertThat(readiness.body().path("components").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("readinessState", "camelHealth", "kafka", "artemis", "hazelcast");
        HubTestSupport.Answer liveness = HubTestSupport.get(api + "/actuator/health/liveness");
        assertThat(liveness.body().path("components").fieldNames()).toIterable().containsExactly("livenessState");
        // The whole picture keeps every source.
        JsonNode health = HubTestSupport.get(api + "/actuator/health").body().path("components");
        assertThat(health.path("connectors").path("components").fieldNames()).toIterable()
                .contains("helios", "vantage");
        assertThat(health.path("erps").path("components").fieldNames()).toIterable().contains("helios", "vantage");
        assertThat(health.path("camelHealth").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void onlyOperatorsMayReadOrStartIt() {
        String partner = HubTestSupport.token(oidc.issuer(), "helios-partner");
        assertThat(HubTestSupport.get(api + "/api/v1/ops/reconciliation", partner).status()).isEqualTo(403);
        assertThat(HubTestSupport.post(api + "/api/v1/ops/reconciliation", partner, "").status()).isEqualTo(403);
        assertThat(HubTestSupport.get(api + "/api/v1/ops/reconciliation").status()).isEqualTo(401);
    }

    private JsonNode start() {
        HubTestSupport.Answer answer = HubTestSupport.post(api + "/api/v1/ops/reconciliation", operator, "");
        if (answer.status() == 409) {
            // A run from an earlier step still going: wait for it, then start ours.
            await().atMost(WAIT).until(() -> "IDLE".equals(HubTestSupport.get(api + "/api/v1/ops/reconciliation",
                    operator).body().path("state").asText()));
            answer = HubTestSupport.post(api + "/api/v1/ops/reconciliation", operator, "");
        }
        assertThat(answer.status()).as("start: %s", answer.body()).isEqualTo(202);
        return answer.body();
    }

    private JsonNode finishedRun(JsonNode started) {
        String id = started.path("id").asText();
        JsonNode[] last = new JsonNode[1];
        await().atMost(WAIT).until(() -> {
            last[0] = HubTestSupport.get(api + "/api/v1/ops/reconciliation", operator).body().path("last");
            return id.equals(last[0].path("id").asText());
        });
        return last[0];
    }

    private static JsonNode source(JsonNode report, String program, String feed) {
        return StreamSupport.stream(report.path("sources").spliterator(), false)
                .filter(s -> program.equals(s.path("program").asText()) && feed.equals(s.path("feed").asText()))
                .findFirst().orElseThrow();
    }

    /** The golden partner holding this source record, or null. */
    private JsonNode partnerOf(String program, String externalId) {
        return HubTestSupport.allPartners(api, operator).stream().filter(p -> StreamSupport
                .stream(p.path("sources").spliterator(), false).anyMatch(s -> program.equals(s.path("program")
                        .asText()) && externalId.equals(s.path("externalId").asText()))).findFirst().orElse(null);
    }

    /**
     * Accounts of the program whose golden partner has no other source: its name is the account's, and it is
     * inactive once the account is deleted (a partner another program still has stays active).
     */
    private List<Map<String, Object>> singleSourced(List<Map<String, Object>> accounts, String program) {
        List<JsonNode> partners = HubTestSupport.allPartners(api, operator);
        return accounts.stream().filter(a -> partners.stream().anyMatch(p -> p.path("sources").size() == 1
                && program.equals(p.path("sources").get(0).path("program").asText())
                && a.get("Id").equals(p.path("sources").get(0).path("externalId").asText()))).limit(2).toList();
    }
}
