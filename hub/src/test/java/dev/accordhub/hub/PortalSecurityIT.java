package dev.accordhub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accordhub.hub.HubTestSupport.Answer;
import dev.accordhub.sandbox.oidc.OidcSandbox;
import dev.accordhub.sandbox.salesforce.SalesforceSandbox;
import dev.accordhub.sandbox.seed.DemoData;
import dev.accordhub.sandbox.seed.SeedCompany;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The portal API as a resource server: no valid token, no data; a partner user's token reaches their own company
 * and nothing of anyone else's, whatever id they guess; the ops endpoints want the operator scope; a user deleted
 * in their CRM loses access.
 */
@SpringBootTest(classes = AccordHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PortalSecurityIT {

    static final int PARTNERS_PER_PROGRAM = 20;
    static final Duration WAIT = Duration.ofSeconds(60);
    /** Issue 5: deprovisioned users and terminated companies lose access within 5 s. */
    static final Duration DEPROVISIONED = Duration.ofSeconds(5);
    static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HubTestSupport.twoProgramHub(registry, () -> dataDir, PARTNERS_PER_PROGRAM);
    }

    @LocalServerPort
    int port;
    @Autowired
    OidcSandbox oidc;
    @Autowired
    DemoData demoData;
    @Autowired
    SalesforceSandbox salesforce;

    String base;
    String api;
    String operator;

    @BeforeEach
    void waitForTheDemo() {
        base = "http://127.0.0.1:" + port;
        api = base + "/api/v1";
        operator = HubTestSupport.token(oidc.issuer(), "operator");
        int partners = 2 * PARTNERS_PER_PROGRAM - demoData.sharedDomains().size();
        String heliosUser = HubTestSupport.token(oidc.issuer(), "helios-partner");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(HubTestSupport.allPartners(base, operator)).hasSize(partners);
            assertThat(HubTestSupport.get(api + "/partners", heliosUser).status()).isEqualTo(200);
            assertThat(HubTestSupport.get(api + "/partners/" + partnerOf(demoData.helios().get(0)) + "/deals",
                    operator).body().path("items")).isNotEmpty();
        });
    }

    @Test
    void withoutAValidTokenEveryEndpointAnswers401() {
        String someone = partnerOf(demoData.helios().get(1));
        List<String> paths = List.of("/partners", "/partners/" + someone, "/partners/" + someone + "/deals",
                "/partners/" + someone + "/lineage", "/deals/anything", "/ops/dead-letters", "/ops/stewardship",
                "/ops/partners/" + someone + "/xref");
        long now = Instant.now().getEpochSecond();
        Map<String, String> badTokens = Map.of(
                "expired", oidc.sign(claims("operator@accord.example").put("exp", now - 600)),
                "another audience", oidc.sign(claims("operator@accord.example").put("aud", "another-api")),
                "another issuer", oidc.sign(claims("operator@accord.example").put("iss", "https://evil.example")),
                "alg none", unsigned(claims("operator@accord.example")),
                "tampered", tampered(oidc.sign(claims("someone@else.example"))),
                "garbage", "not-a-jwt");

        for (String path : paths) {
            Answer none = HubTestSupport.get(api + path);
            assertThat(none.status()).as(path).isEqualTo(401);
            assertThat(none.contentType()).startsWith("application/problem+json");
            assertThat(none.body().path("type").asText()).endsWith("/unauthorized");
            for (var bad : badTokens.entrySet()) {
                assertThat(HubTestSupport.get(api + path, bad.getValue()).status()).as(path + " " + bad.getKey())
                        .isEqualTo(401);
            }
        }
    }

    @Test
    void theChallengeFollowsRfc6750() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(api + "/partners")).header("Authorization", "Bearer not-a-jwt").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).startsWith("Bearer realm=\"accord\"").contains("error=\"invalid_token\""));
        assertThat(response.body()).doesNotContain("not-a-jwt");
    }

    @Test
    void aPartnerUserSeesTheirOwnCompanyAndNothingElse() {
        String mine = partnerOf(demoData.helios().get(0));
        String theirs = partnerOf(demoData.vantage().stream()
                .filter(c -> !demoData.sharedDomains().contains(c.domain())).findFirst().orElseThrow());
        String token = HubTestSupport.token(oidc.issuer(), "helios-partner");

        JsonNode list = HubTestSupport.get(api + "/partners", token).body();
        assertThat(list.path("items")).extracting(p -> p.path("id").asText()).containsExactly(mine);
        String cursorBeforeTheirs = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(theirs.substring(0, theirs.length() - 1).getBytes(StandardCharsets.UTF_8));
        assertThat(HubTestSupport.get(api + "/partners?cursor=" + cursorBeforeTheirs, token).body().path("items"))
                .extracting(p -> p.path("id").asText()).doesNotContain(theirs);

        assertThat(HubTestSupport.get(api + "/partners/" + mine, token).status()).isEqualTo(200);
        assertThat(HubTestSupport.get(api + "/partners/" + mine + "/lineage", token).status()).isEqualTo(200);
        JsonNode myDeals = HubTestSupport.get(api + "/partners/" + mine + "/deals", token).body().path("items");
        assertThat(myDeals).isNotEmpty().allSatisfy(d -> assertThat(d.path("partnerId").asText()).isEqualTo(mine));
        assertThat(HubTestSupport.get(api + "/deals/" + myDeals.get(0).path("id").asText(), token).status())
                .isEqualTo(200);

        // Someone else's records answer exactly like records that do not exist.
        String theirDeal = HubTestSupport.get(api + "/partners/" + theirs + "/deals", operator).body()
                .path("items").get(0).path("id").asText();
        for (String path : List.of("/partners/" + theirs, "/partners/" + theirs + "/deals",
                "/partners/" + theirs + "/lineage", "/deals/" + theirDeal)) {
            Answer answer = HubTestSupport.get(api + path, token);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.body().path("type").asText()).endsWith("/not-found");
        }
        assertThat(HubTestSupport.get(api + "/partners/" + theirs, operator).status()).isEqualTo(200);
    }

    @Test
    void theOpsEndpointsWantTheOperatorScope() {
        String token = HubTestSupport.token(oidc.issuer(), "vantage-partner");
        String someone = partnerOf(demoData.helios().get(1));

        for (String path : List.of("/ops/dead-letters", "/ops/stewardship", "/ops/partners/" + someone + "/xref")) {
            Answer denied = HubTestSupport.get(api + path, token);
            assertThat(denied.status()).as(path).isEqualTo(403);
            assertThat(denied.body().path("detail").asText()).contains("accord.ops");
            assertThat(HubTestSupport.get(api + path, operator).status()).as(path).isEqualTo(200);
        }
        assertThat(HubTestSupport.post(api + "/ops/dead-letters/x/discard", token, "").status()).isEqualTo(403);
        assertThat(HubTestSupport.post(api + "/ops/partners/" + someone + "/unmerge", token,
                "{\"program\":\"helios\",\"externalId\":\"x\"}").status()).isEqualTo(403);
    }

    @Test
    void meSaysWhoTheCallerIsAndWhichModulesTheirTypeTierAndRolesGive() {
        String token = HubTestSupport.token(oidc.issuer(), "helios-partner");
        JsonNode me = HubTestSupport.get(api + "/me", token).body();

        assertThat(me.path("partnerId").asText()).isEqualTo(partnerOf(demoData.helios().get(0)));
        assertThat(me.path("partner").path("roles")).as("no IdP roles: the demo profile's default roles")
                .extracting(JsonNode::asText).containsExactly("partner-sales", "partner-finance");
        assertThat(me.path("modules")).extracting(JsonNode::asText).contains("deals", "deal-registration");

        for (JsonNode partner : HubTestSupport.allPartners(base, operator)) {
            var company = demoData.helios().stream().filter(c -> c.domain().equals(partner.path("domain").asText())
                    && !demoData.sharedDomains().contains(c.domain()) && !c.equals(userDeletedCompany())
                    && !c.equals(terminatedCompany())).findFirst();
            if (company.isEmpty()) {
                continue;
            }
            String user = oidc.sign(claims(company.get().contacts().get(0).email()));
            await().atMost(WAIT).until(() -> HubTestSupport.get(api + "/me", user).status() == 200);
            JsonNode theirs = HubTestSupport.get(api + "/me", user).body();
            List<String> modules = new java.util.ArrayList<>();
            theirs.path("modules").forEach(m -> modules.add(m.asText()));
            String type = partner.path("type").asText();
            String tier = partner.path("tier").asText();
            assertThat(modules.contains("margin-tools")).as(type).isEqualTo(!"REFERRAL".equals(type));
            assertThat(modules).doesNotContain("co-marketing-assets"); // needs the marketing role
            assertThat(theirs.path("partner").path("tier").asText()).isEqualTo(tier);
        }
    }

    @Test
    void aChannelManagerSeesThePartnersOfTheirTerritoryOnly() {
        String token = HubTestSupport.token(oidc.issuer(), "channel-manager");
        List<JsonNode> all = HubTestSupport.allPartners(base, operator);
        List<JsonNode> theirs = HubTestSupport.allPartners(base, token);

        assertThat(theirs).isNotEmpty().allSatisfy(p -> assertThat(p.path("territory").asText()).isEqualTo("EMEA"));
        assertThat(theirs).hasSize((int) all.stream().filter(p -> "EMEA".equals(p.path("territory").asText())).count());
        JsonNode outside = all.stream().filter(p -> !"EMEA".equals(p.path("territory").asText())).findFirst()
                .orElseThrow();
        assertThat(HubTestSupport.get(api + "/partners/" + outside.path("id").asText(), token).status())
                .isEqualTo(404);
        assertThat(HubTestSupport.get(api + "/partners/" + theirs.get(0).path("id").asText() + "/deals", token)
                .status()).isEqualTo(200);
        assertThat(HubTestSupport.get(api + "/ops/dead-letters", token).status()).isEqualTo(403);
        assertThat(HubTestSupport.post(api + "/deals", token, "{}").status()).as("registers nothing itself")
                .isEqualTo(403);
    }

    @Test
    void aBodyCannotNameAnotherPartner() {
        String token = HubTestSupport.token(oidc.issuer(), "helios-partner");
        String theirs = partnerOf(demoData.vantage().stream()
                .filter(c -> !demoData.sharedDomains().contains(c.domain())).findFirst().orElseThrow());
        String body = "{\"partnerId\":\"" + theirs + "\",\"customer\":{\"companyName\":\"X Co\",\"country\":\"US\","
                + "\"contact\":{\"name\":\"Al\",\"email\":\"al@x.example\"}},\"opportunityName\":\"Guess\","
                + "\"estimatedCloseDate\":\"" + java.time.LocalDate.now().plusMonths(1) + "\",\"estimatedAmount\":10,"
                + "\"currency\":\"USD\"}";

        Answer refused = HubTestSupport.post(api + "/deals", token, body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors")).extracting(e -> e.path("field").asText()).containsExactly("partnerId");
    }

    @Test
    void aSignedTokenOfSomeoneTheHubDoesNotKnowGetsNoData() {
        Answer stranger = HubTestSupport.get(api + "/partners", oidc.sign(claims("stranger@nowhere.example")));

        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.body().path("detail").asText()).contains("stranger@nowhere.example");
    }

    @Test
    void aUserDeletedInTheirCrmLosesAccess() {
        SeedCompany company = userDeletedCompany();
        String email = company.contacts().get(0).email();
        String token = oidc.sign(claims(email));
        await().atMost(WAIT).untilAsserted(() -> assertThat(HubTestSupport.get(api + "/partners", token))
                .extracting(Answer::status, a -> a.body().path("detail").asText()).containsExactly(200, ""));

        String contactId = salesforce.records("Contact", false).stream()
                .filter(c -> email.equalsIgnoreCase(String.valueOf(c.get("Email"))))
                .map(c -> String.valueOf(c.get("Id"))).findFirst().orElseThrow();
        salesforce.delete("Contact", contactId);

        await().atMost(DEPROVISIONED).untilAsserted(() ->
                assertThat(HubTestSupport.get(api + "/partners", token).status()).isEqualTo(403));
        assertThat(HubTestSupport.get(api + "/partners", token).body().path("detail").asText())
                .contains("deactivated");
    }

    @Test
    void theUsersOfACompanyTerminatedInItsCrmLoseAccess() {
        SeedCompany company = terminatedCompany();
        String token = oidc.sign(claims(company.contacts().get(0).email()));
        await().atMost(WAIT).until(() -> HubTestSupport.get(api + "/partners", token).status() == 200);
        String accountId = HubTestSupport.get(api + "/partners/" + partnerOf(company), operator).body()
                .path("sources").get(0).path("externalId").asText();

        salesforce.delete("Account", accountId);

        await().atMost(DEPROVISIONED).untilAsserted(() -> {
            Answer refused = HubTestSupport.get(api + "/partners", token);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body().path("detail").asText()).contains("no longer active");
        });
    }

    /** The company whose first contact one test deletes. */
    private SeedCompany userDeletedCompany() {
        return demoData.helios().stream().skip(2).filter(c -> !demoData.sharedDomains().contains(c.domain()))
                .findFirst().orElseThrow();
    }

    /** The company another test deletes in Salesforce (not the one above). */
    private SeedCompany terminatedCompany() {
        return demoData.helios().stream().skip(2).filter(c -> !demoData.sharedDomains().contains(c.domain()))
                .skip(2).findFirst().orElseThrow();
    }

    private String partnerOf(SeedCompany company) {
        return HubTestSupport.allPartners(base, operator).stream()
                .filter(p -> company.domain().equals(p.path("domain").asText()))
                .map(p -> p.path("id").asText()).findFirst().orElseThrow();
    }

    private ObjectNode claims(String email) {
        long now = Instant.now().getEpochSecond();
        return HubTestSupport.JSON.createObjectNode().put("iss", oidc.issuer()).put("aud", "accord-portal")
                .put("sub", "test-" + email).put("email", email).put("iat", now).put("exp", now + 300);
    }

    private static String unsigned(ObjectNode claims) {
        return B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"email\":\"someone@else.example\"", "\"email\":\"x@y.example\",\"scope\":\"accord.ops\"");
        return parts[0] + "." + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }
}
