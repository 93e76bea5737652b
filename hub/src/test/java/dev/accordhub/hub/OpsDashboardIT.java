package dev.accordhub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accordhub.hub.HubTestSupport.Answer;
import dev.accordhub.sandbox.erp.odata.ODataErpSandbox;
import dev.accordhub.sandbox.oidc.OidcSandbox;
import dev.accordhub.sandbox.salesforce.SalesforceSandbox;
import dev.accordhub.sandbox.seed.DemoData;
import dev.accordhub.sandbox.seed.SeedCompany;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The operator's dashboard at {@code /ops} in a real browser: Debian's headless Chromium driven through its
 * chromedriver (installed by {@code .ci/install-chromium} when missing). An operator signs in through the issuer's
 * login form (authorization code + PKCE), sees the feeds' numbers move after a change in the Salesforce sandbox,
 * sees a dead letter arrive and retries it from the page; a partner user is turned away; a session whose token
 * the hub refuses goes back to sign-in.
 */
@SpringBootTest(classes = AccordHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OpsDashboardIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOT = Path.of("target/ops-dashboard.png");
    static final Duration WAIT = Duration.ofSeconds(60);
    static final Duration FLOW = Duration.ofSeconds(20);

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HubTestSupport.twoProgramHub(registry, () -> dataDir, 20);
        registry.add("accord.sandbox.erp.decision-delay", () -> "0s");
        registry.add("accord.sandbox.erp.payout-delay", () -> "0s");
        registry.add("accord.permissions.default-roles[0]", () -> "partner-finance");
        registry.add("accord.ops-dashboard.refresh-millis", () -> 1000);
    }

    /** No DevTools here; Selenium would warn on each start that it has no CDP binding for this Chromium. */
    static final java.util.logging.Logger CDP_VERSION_LOG =
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    @BeforeAll
    static void chromium() throws Exception {
        CDP_VERSION_LOG.setLevel(java.util.logging.Level.SEVERE);
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        Process install = new ProcessBuilder("bash", "../.ci/install-chromium").inheritIO().start();
        boolean done = install.waitFor(10, TimeUnit.MINUTES);
        if (!done || install.exitValue() != 0 || !Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            install.destroyForcibly();
            throw new IllegalStateException("OpsDashboardIT needs Debian's chromium and chromium-driver (" + CHROMIUM
                    + ", " + CHROMEDRIVER + ") and .ci/install-chromium could not install them; run it as root");
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    OidcSandbox oidc;
    @Autowired
    SalesforceSandbox salesforce;
    @Autowired
    ODataErpSandbox heliosErp;
    @Autowired
    DemoData demoData;

    String hub;
    String api;
    String operator;
    ChromeDriver browser;
    ChromeDriverService driverService;
    Path profile;

    @BeforeEach
    void openBrowser() throws IOException {
        hub = "http://127.0.0.1:" + port;
        api = hub + "/api/v1";
        operator = HubTestSupport.token(oidc.issuer(), "operator");
        profile = Files.createTempDirectory("ops-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--user-data-dir=" + profile,
                "--window-size=1440,1500", "--lang=en-GB");
        driverService = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withLogFile(new File("target/ops-chromedriver.log")).build();
        browser = new ChromeDriver(driverService, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (driverService != null) {
            driverService.stop();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    @Test
    void anOperatorSignsInSeesLiveNumbersAndRetriesADeadLetter() throws Exception {
        signIn("operator");
        WebElement updated = browser.findElement(By.id("updated"));
        assertThat(updated.getText()).matches("updated \\d\\d:\\d\\d:\\d\\d");
        assertThat(browser.findElement(By.id("who")).getText()).contains("operator");

        // Live numbers: the helios partner feed reads a rename made in the Salesforce sandbox, without a reload.
        long before = await().atMost(WAIT).until(() -> number(cell("feeds", "helios:partner", "records")), n -> n > 0);
        String firstUpdate = updated.getText();
        Map<String, Object> account = salesforce.records("Account", false).stream()
                .filter(a -> Boolean.TRUE.equals(a.get("IsPartner"))).findFirst().orElseThrow();
        salesforce.update("Account", (String) account.get("Id"), Map.of("Name", "Renamed For The Dashboard "
                + System.nanoTime()));
        await().atMost(FLOW).untilAsserted(() -> assertThat(number(cell("feeds", "helios:partner", "records")))
                .isGreaterThan(before));
        assertThat(updated.getText()).as("polled again").isNotEqualTo(firstUpdate);
        assertThat(cell("feeds", "helios:partner", "lag")).matches("[0-9.]+ (s|min|h)");
        assertThat(rowText("feeds", "helios:partner")).contains("UP").contains("salesforce");
        assertThat(browser.findElement(By.cssSelector("#routes tbody")).getText()).contains("ingest");

        // A record no mapping can take stays an open dead letter; it is there to be seen.
        String unmappable = "Titanium Tier Trading " + System.nanoTime();
        salesforce.putRaw("Account", Map.of("Name", unmappable, "IsPartner", true, "Partner_Tier__c", "Titanium"));
        String unmappableLetter = await().atMost(FLOW).until(() -> openLetterAbout(unmappable),
                java.util.Objects::nonNull);
        wait(FLOW).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#dead-letters tr[data-id='" + unmappableLetter + "']")));

        // A dead letter: an MDF request the helios ERP refuses for good; fixed in the ERP, then retried on the page.
        // The activity is outside the partner's territory, which the integrity rules raise as an alert.
        Partner partner = mdfPartner(demoData.helios());
        String letterId;
        String requestId;
        heliosErp.failNextWrites(10_000, 400);
        try {
            Answer asked = submitRequest(partner, "40");
            assertThat(asked.status()).as(asked.body().toString()).isEqualTo(202);
            requestId = asked.body().path("id").asText();
            letterId = await().atMost(FLOW).until(() -> openLetterAbout(requestId), java.util.Objects::nonNull);
        } finally {
            heliosErp.failNextWrites(0, 400);
        }
        WebElement row = wait(FLOW).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#dead-letters tr[data-id='" + letterId + "']")));
        assertThat(row.getText()).contains("ErpRejectedException");
        await().atMost(FLOW).untilAsserted(() -> assertThat(number(browser.findElement(By.id("tile-dead")).getText()))
                .isPositive());
        assertThat(browser.findElement(By.id("dlq-by-stage")).getText()).contains("accord.outbound.erp.helios");

        row.findElement(By.cssSelector("button.retry")).click();
        wait(FLOW).until(ExpectedConditions.textToBePresentInElementLocated(By.id("dlq-result"), "Retried"));
        wait(FLOW).until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("#dead-letters tr[data-id='" + letterId + "']")));
        assertThat(openLetterAbout(requestId)).as("out of the OPEN list").isNull();
        await().atMost(FLOW).untilAsserted(() -> assertThat(HubTestSupport.get(api + "/mdf/requests/" + requestId,
                partner.token()).body().path("status").asText()).as("the retry landed in the ERP").isEqualTo("APPROVED"));
        assertThat(heliosErp.requests()).filteredOn(r -> r.requestId().equals(requestId)).hasSize(1);
        wait(FLOW).until(ExpectedConditions.textToBePresentInElementLocated(By.id("alerts"), "geographic gaming"));
        assertThat(browser.findElement(By.id("alerts")).getText()).contains(requestId);
        assertThat(browser.findElement(By.cssSelector("#dead-letters tr[data-id='" + unmappableLetter + "']"))
                .getText()).contains("Titanium");

        // Reconciliation from the panel: Run now, then the finished run with a row per source.
        wait(FLOW).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#reconciliation [data-state]")));
        wait(FLOW).until(ExpectedConditions.elementToBeClickable(By.id("recon-run"))).click();
        wait(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("reconciliation"), "Last run"));
        wait(WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#reconciliation tr[data-key='helios:partner']")));
        JsonNode last = HubTestSupport.get(api + "/ops/reconciliation", operator).body().path("last");
        assertThat(last.path("trigger").asText()).isEqualTo("ON_DEMAND");
        assertThat(browser.findElement(By.id("reconciliation")).getText()).contains(last.path("status").asText())
                .contains("helios · erp");
        screenshot();

        // A token the hub no longer accepts sends the page back to sign-in.
        ((JavascriptExecutor) browser).executeScript("const s = JSON.parse(sessionStorage.getItem('accord.ops.token'));"
                + " s.accessToken = 'no.such.token'; sessionStorage.setItem('accord.ops.token', JSON.stringify(s));");
        wait(FLOW).until(ExpectedConditions.visibilityOfElementLocated(By.id("signin")));
        assertThat(browser.findElement(By.id("signin-message")).getText()).contains("session has ended");
        assertThat(browser.findElement(By.id("dashboard")).isDisplayed()).isFalse();
    }

    @Test
    void aPartnerUserIsToldTheDashboardNeedsTheOperatorScope() {
        signInThroughTheIssuer("helios-partner");

        WebElement message = wait(FLOW).until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-message")));
        assertThat(message.getText()).contains("helios-partner").contains("needs the accord.ops scope");
        assertThat(browser.findElement(By.id("dashboard")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("sign-in")).getText()).isEqualTo("Sign in as someone else");

        String partner = HubTestSupport.token(oidc.issuer(), "helios-partner");
        assertThat(HubTestSupport.get(api + "/ops/overview", partner).status()).isEqualTo(403);
        assertThat(HubTestSupport.get(api + "/ops/overview").status()).isEqualTo(401);
    }

    @Test
    void theReconciliationPanelShowsEachSourcesProgressAndOffersARunWhenIdle() {
        browser.get(hub + "/ops/");
        wait(FLOW).until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
        JsonNode running = HubTestSupport.JSON.createObjectNode().put("state", "RUNNING").put("schedule", "daily 02:00")
                .set("current", run("r-2", "ON_DEMAND", "RUNNING", null, 120, 200, 3));
        ((ObjectNode) running).set("last", run("r-1", "SCHEDULED", "COMPLETED", "2026-11-20T02:04:00Z", 200, 200, 0));

        String shown = (String) ((JavascriptExecutor) browser).executeScript(
                "Reconciliation.render(JSON.parse(arguments[0]));"
                        + " return document.getElementById('reconciliation').innerText"
                        + " + '|' + document.getElementById('recon-run').disabled;", running.toString());

        assertThat(shown).contains("RUNNING").contains("daily 02:00").contains("Running now").contains("on demand")
                .contains("120 / 200").contains("Last run").contains("COMPLETED").contains("200 / 200")
                .endsWith("|true");
        String idle = (String) ((JavascriptExecutor) browser).executeScript(
                "Reconciliation.render({state: 'IDLE', schedule: 'daily 02:00', current: null, last: null});"
                        + " return document.getElementById('reconciliation').innerText"
                        + " + '|' + document.getElementById('recon-run').disabled;");
        assertThat(idle).contains("IDLE").contains("No run yet").endsWith("|false");
    }

    // ---- the browser's steps

    private void signIn(String user) {
        signInThroughTheIssuer(user);
        wait(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard")));
        wait(FLOW).until(ExpectedConditions.textMatches(By.id("updated"), java.util.regex.Pattern.compile("updated")));
    }

    private void signInThroughTheIssuer(String user) {
        browser.get(hub + "/ops");
        wait(FLOW).until(ExpectedConditions.elementToBeClickable(By.id("sign-in"))).click();
        wait(FLOW).until(ExpectedConditions.urlContains(oidc.issuer() + "/authorize"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("sign-in")).click();
        wait(FLOW).until(ExpectedConditions.urlToBe(hub + "/ops/"));
    }

    private WebDriverWait wait(Duration timeout) {
        return new WebDriverWait(browser, timeout);
    }

    private String cell(String table, String key, String column) {
        return text("#" + table + " tr[data-key='" + key + "'] td[data-col='" + column + "']");
    }

    private String rowText(String table, String key) {
        return text("#" + table + " tr[data-key='" + key + "']");
    }

    /**
     * The text of an element of a table the page redraws on every refresh, read in one step in the page (finding it
     * and then asking for its text could fall between two redraws); empty when there is no such element yet.
     */
    private String text(String selector) {
        Object text = ((JavascriptExecutor) browser).executeScript(
                "const e = document.querySelector(arguments[0]); return e ? e.innerText : '';", selector);
        return String.valueOf(text);
    }

    private static long number(String text) {
        String digits = text.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? -1 : Long.parseLong(digits);
    }

    private void screenshot() throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(shot, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
    }

    private static ObjectNode run(String id, String trigger, String status, String finishedAt, int checked,
            int sourceCount, int missing) {
        ObjectNode run = HubTestSupport.JSON.createObjectNode().put("id", id).put("trigger", trigger)
                .put("startedAt", "2026-11-20T02:00:00Z").put("finishedAt", finishedAt).put("status", status);
        run.putArray("sources").addObject().put("program", "helios").put("system", "salesforce").put("feed", "partner")
                .put("status", "RUNNING".equals(status) ? "RUNNING" : "DONE").put("sourceCount", sourceCount)
                .put("goldenCount", sourceCount).put("checked", checked).put("missing", missing).put("stale", 0)
                .put("orphaned", 0).put("repaired", missing).put("apiCalls", 4).putNull("error");
        run.putObject("totals").put("checked", checked).put("drift", missing).put("repaired", missing);
        return run;
    }

    // ---- the hub's side

    record Partner(SeedCompany company, String token, JsonNode fund) {
    }

    /** A helios company in that program alone whose user has the mdf module and one fund. */
    private Partner mdfPartner(List<SeedCompany> program) {
        for (SeedCompany company : program) {
            if (demoData.sharedDomains().contains(company.domain()) || company.contacts().isEmpty()) {
                continue;
            }
            String email = company.contacts().get(0).email();
            long now = Instant.now().getEpochSecond();
            String token = oidc.sign(HubTestSupport.JSON.createObjectNode().put("iss", oidc.issuer())
                    .put("aud", "accord-portal").put("sub", "ops-it-" + email).put("iat", now).put("exp", now + 900)
                    .put("email", email));
            await().atMost(WAIT).until(() -> HubTestSupport.get(api + "/me", token).status() == 200);
            if (HubTestSupport.get(api + "/me", token).body().path("modules").toString().contains("\"mdf\"")) {
                JsonNode funds = await().atMost(WAIT).until(() -> HubTestSupport.get(api + "/mdf/funds", token)
                        .body().path("items"), items -> items.size() == 1);
                return new Partner(company, token, funds.get(0));
            }
        }
        throw new IllegalStateException("No helios company with the mdf module");
    }

    private Answer submitRequest(Partner partner, String amount) {
        ObjectNode form = HubTestSupport.JSON.createObjectNode().put("fundId", partner.fund().path("id").asText())
                .put("activity", "Partner summit booth").put("country", elsewhere(partner.company().country()))
                .put("amount", amount).put("currency", partner.fund().path("allocated").path("currency").asText());
        return HubTestSupport.post(api + "/mdf/requests", partner.token(), form.toString());
    }

    /** A country in another territory of the helios program's map than {@code country}'s. */
    private static String elsewhere(String country) {
        return List.of("JP", "AU").contains(country) ? "DE" : "JP";
    }

    @Test
    void thePageAndItsSettingsComeFromTheHubWithStrictHeaders() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var redirect = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(hub + "/ops")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        var page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(hub + "/ops/")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        Answer config = HubTestSupport.get(hub + "/ops/config.json");

        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location").orElse("")).endsWith("/ops/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Accord · Operations</title>").doesNotContain("http://", "https://");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'self'").contains("connect-src 'self' " + oidc.issuer())
                .contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.body().path("issuer").asText()).isEqualTo(oidc.issuer());
        assertThat(config.body().path("clientId").asText()).isEqualTo("accord-ops");
        assertThat(config.body().path("scope").asText()).isEqualTo("openid accord.ops");
        assertThat(config.body().path("refreshMillis").asInt()).isEqualTo(1000);
    }

    private String openLetterAbout(String documentId) {
        for (JsonNode entry : HubTestSupport.get(api + "/ops/dead-letters?status=OPEN", operator).body().path("items")) {
            if (entry.path("letter").path("payload").asText().contains(documentId)) {
                return entry.path("letter").path("id").asText();
            }
        }
        return null;
    }
}
