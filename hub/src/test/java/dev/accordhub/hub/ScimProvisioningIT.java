package dev.accordhub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accordhub.hub.HubTestSupport.Answer;
import dev.accordhub.routes.Topics;
import dev.accordhub.sandbox.oidc.OidcSandbox;
import dev.accordhub.sandbox.seed.DemoData;
import dev.accordhub.sandbox.seed.SeedCompany;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * Identity providers provisioning partner users over SCIM 2.0: a user pushed by an IdP can sign in to the portal
 * with the roles the IdP gave; the same person from two IdPs is one golden user with two sources; deactivated or
 * deleted by the IdPs, they lose access within 5 s.
 */
@SpringBootTest(classes = AccordHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ScimProvisioningIT {

    static final int PARTNERS_PER_PROGRAM = 15;
    static final Duration WAIT = Duration.ofSeconds(60);
    static final Duration DEPROVISIONED = Duration.ofSeconds(5);
    static final String HELIOS_IDP = "demo-helios-scim-token";
    static final String VANTAGE_IDP = "demo-vantage-scim-token";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HubTestSupport.twoProgramHub(registry, () -> dataDir, PARTNERS_PER_PROGRAM);
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
    dev.accordhub.sandbox.salesforce.SalesforceSandbox salesforce;
    @Autowired
    dev.accordhub.sandbox.hubspot.HubSpotSandbox hubspot;

    String base;
    String scim;
    String operator;

    @BeforeEach
    void waitForTheDemo() {
        base = "http://127.0.0.1:" + port;
        scim = base + "/scim/v2";
        operator = HubTestSupport.token(oidc.issuer(), "operator");
        int partners = 2 * PARTNERS_PER_PROGRAM - demoData.sharedDomains().size();
        await().atMost(WAIT).until(() -> HubTestSupport.allPartners(base, operator).size() == partners);
    }

    @Test
    void withoutAnIdentityProvidersTokenScimAnswers401() {
        Answer none = HubTestSupport.send(HttpRequest.newBuilder(URI.create(scim + "/Users")).GET().build());
        Answer wrong = scimGet("/Users", "not-a-configured-token-at-all");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body().path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(scimGet("/ServiceProviderConfig", HELIOS_IDP).status()).isEqualTo(200);
    }

    @Test
    void aProvisionedUserSignsInWithTheRolesTheIdentityProviderGave() {
        SeedCompany company = heliosOnly(0);
        String email = "scim-" + UUID.randomUUID().toString().substring(0, 8) + "@" + company.domain();
        Answer created = scimPost(HELIOS_IDP, user(email, sourceId(company, "helios"), "partner-admin"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().path("id").asText();

        String token = oidc.sign(claims(email));
        await().atMost(DEPROVISIONED).untilAsserted(() -> {
            Answer me = HubTestSupport.get(base + "/api/v1/me", token);
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.body().path("partnerId").asText()).isEqualTo(partnerOf(company));
            assertThat(me.body().path("partner").path("roles")).extracting(JsonNode::asText)
                    .containsExactly("partner-admin");
        });
        // ...and the person is a contact of the company in the program's CRM, with the access the IdP gave.
        await().atMost(DEPROVISIONED).untilAsserted(() -> assertThat(contact(email))
                .containsEntry("Partner_Portal_Status__c", "Active")
                .containsEntry("Partner_Portal_Roles__c", "partner-admin")
                .containsEntry("AccountId", sourceId(company, "helios")));
        Answer found = scimGet("/Users?filter=" + URLEncoder.encode("userName eq \"" + email + "\"",
                StandardCharsets.UTF_8), HELIOS_IDP);
        assertThat(found.body().path("totalResults").asInt()).isEqualTo(1);
        assertThat(scimGet("/Users/" + id, VANTAGE_IDP).status()).as("another IdP's users are not visible")
                .isEqualTo(404);

        Answer deleted = HubTestSupport.send(HttpRequest.newBuilder(URI.create(scim + "/Users/" + id))
                .header("Authorization", "Bearer " + HELIOS_IDP).DELETE().build());
        assertThat(deleted.status()).isEqualTo(204);
        long start = System.nanoTime();
        await().atMost(DEPROVISIONED).until(() -> HubTestSupport.get(base + "/api/v1/me", token).status() == 403);
        System.out.printf("SCIM delete -> portal access refused after %d ms%n",
                Duration.ofNanos(System.nanoTime() - start).toMillis());
        await().atMost(DEPROVISIONED).untilAsserted(() -> assertThat(contact(email))
                .containsEntry("Partner_Portal_Status__c", "Inactive"));
        assertThat(salesforce.records("Contact", false).stream().filter(c -> email.equals(c.get("Email"))))
                .as("one contact, updated, never a second").hasSize(1);
    }

    @Test
    void thePersonFromTwoIdentityProvidersIsOneUserWhoLeavesWhenBothDeactivateThem() {
        SeedCompany shared = demoData.helios().stream().filter(c -> demoData.sharedDomains().contains(c.domain()))
                .findFirst().orElseThrow();
        String email = "both-" + UUID.randomUUID().toString().substring(0, 8) + "@" + shared.domain();
        String heliosUser = scimPost(HELIOS_IDP, user(email, sourceId(shared, "helios"), "partner-sales")).body()
                .path("id").asText();
        String vantageUser = scimPost(VANTAGE_IDP, user(email, sourceId(shared, "vantage"), "partner-sales"))
                .body().path("id").asText();
        String token = oidc.sign(claims(email));

        await().atMost(DEPROVISIONED).untilAsserted(() -> {
            assertThat(HubTestSupport.get(base + "/api/v1/me", token).status()).isEqualTo(200);
            JsonNode golden = goldenUser(email);
            assertThat(golden).isNotNull();
            // Both IdPs, and the contacts the hub then wrote into each program's CRM for them: one person.
            assertThat(golden.path("sources")).extracting(s -> s.path("system").asText() + ":"
                    + s.path("program").asText()).containsExactlyInAnyOrder("scim:helios", "scim:vantage",
                    "salesforce:helios", "hubspot:vantage");
        });

        assertThat(scimPatch(HELIOS_IDP, heliosUser, "{\"op\":\"replace\",\"value\":{\"active\":false}}").status())
                .isEqualTo(200);
        await().atMost(DEPROVISIONED).untilAsserted(() -> assertThat(contact(email))
                .containsEntry("Partner_Portal_Status__c", "Inactive"));
        assertThat(HubTestSupport.get(base + "/api/v1/me", token).status())
                .as("still provisioned by the other IdP").isEqualTo(200);

        long start = System.nanoTime();
        assertThat(scimPatch(VANTAGE_IDP, vantageUser, "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}")
                .status()).isEqualTo(200);
        await().atMost(DEPROVISIONED).untilAsserted(() -> {
            Answer me = HubTestSupport.get(base + "/api/v1/me", token);
            assertThat(me.status()).isEqualTo(403);
            assertThat(me.body().path("detail").asText()).contains("deactivated");
        });
        System.out.printf("SCIM deactivation -> portal access refused after %d ms%n",
                Duration.ofNanos(System.nanoTime() - start).toMillis());
        await().atMost(DEPROVISIONED).untilAsserted(() -> assertThat(hubspot.objects("contacts", false).stream()
                .filter(c -> email.equals(c.properties().get("email")))
                .map(c -> c.properties().get("partner_portal_status"))).containsExactly("Inactive"));
    }

    @Test
    void aGroupNamedAfterARoleGivesItToItsMembersUntilTheyLeave() {
        SeedCompany company = heliosOnly(2);
        String email = "group-" + UUID.randomUUID().toString().substring(0, 8) + "@" + company.domain();
        ObjectNode body = user(email, sourceId(company, "helios"), "partner-sales");
        body.remove("roles");
        String userId = scimPost(HELIOS_IDP, body).body().path("id").asText();
        String token = oidc.sign(claims(email));
        await().atMost(DEPROVISIONED).until(() -> HubTestSupport.get(base + "/api/v1/me", token).status() == 200);

        ObjectNode group = HubTestSupport.JSON.createObjectNode();
        group.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Group");
        group.put("displayName", "partner-marketing").putArray("members").addObject().put("value", userId);
        Answer created = HubTestSupport.send(HttpRequest.newBuilder(URI.create(scim + "/Groups"))
                .header("Authorization", "Bearer " + HELIOS_IDP).header("Content-Type", "application/scim+json")
                .POST(HttpRequest.BodyPublishers.ofString(group.toString())).build());
        assertThat(created.status()).isEqualTo(201);
        await().atMost(DEPROVISIONED).untilAsserted(() -> assertThat(HubTestSupport.get(base + "/api/v1/me", token)
                .body().path("partner").path("roles")).extracting(JsonNode::asText).containsExactly("partner-marketing"));

        Answer left = HubTestSupport.send(HttpRequest.newBuilder(URI.create(scim + "/Groups/"
                        + created.body().path("id").asText()))
                .header("Authorization", "Bearer " + HELIOS_IDP).header("Content-Type", "application/scim+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(patch("{\"op\":\"remove\",\"path\":"
                        + "\"members[value eq \\\"" + userId + "\\\"]\"}"))).build());
        assertThat(left.status()).isEqualTo(200);
        await().atMost(DEPROVISIONED).untilAsserted(() -> assertThat(HubTestSupport.get(base + "/api/v1/me", token)
                .body().path("partner").path("roles")).extracting(JsonNode::asText)
                .as("back to the default roles (the demo profile's)").containsExactly("partner-sales",
                        "partner-finance"));
    }

    @Test
    void staleWritesAndBadInputGetScimErrorsOverHttp() {
        String email = "etag-" + UUID.randomUUID().toString().substring(0, 8) + "@" + heliosOnly(1).domain();
        Answer created = scimPost(HELIOS_IDP, user(email, sourceId(heliosOnly(1), "helios"), "partner-sales"));
        String id = created.body().path("id").asText();

        Answer stale = HubTestSupport.send(HttpRequest.newBuilder(URI.create(scim + "/Users/" + id))
                .header("Authorization", "Bearer " + HELIOS_IDP).header("Content-Type", "application/scim+json")
                .header("If-Match", "W/\"999\"").method("PATCH", HttpRequest.BodyPublishers.ofString(patch(
                        "{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}"))).build());
        Answer malformed = HubTestSupport.send(HttpRequest.newBuilder(URI.create(scim + "/Users"))
                .header("Authorization", "Bearer " + HELIOS_IDP).header("Content-Type", "application/scim+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"schemas\":")).build());
        Answer badFilter = scimGet("/Users?filter=" + URLEncoder.encode("userName eq", StandardCharsets.UTF_8),
                HELIOS_IDP);

        assertThat(created.status()).isEqualTo(201);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().path("scimType").asText()).isEqualTo("invalidSyntax");
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.body().path("scimType").asText()).isEqualTo("invalidFilter");
    }

    private java.util.Map<String, Object> contact(String email) {
        return salesforce.records("Contact", false).stream().filter(c -> email.equals(c.get("Email"))).findFirst()
                .orElse(java.util.Map.of());
    }

    private ObjectNode user(String email, String partnerId, String role) {
        ObjectNode user = HubTestSupport.JSON.createObjectNode();
        user.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User")
                .add("urn:ietf:params:scim:schemas:extension:accord:2.0:User");
        user.put("userName", email).put("active", true);
        user.putObject("name").put("givenName", "Sam").put("familyName", "Provisioned");
        user.putArray("emails").addObject().put("value", email).put("type", "work").put("primary", true);
        user.putArray("roles").addObject().put("value", role);
        user.putObject("urn:ietf:params:scim:schemas:extension:accord:2.0:User").put("partnerId", partnerId);
        return user;
    }

    private Answer scimPost(String token, ObjectNode body) {
        return HubTestSupport.send(HttpRequest.newBuilder(URI.create(scim + "/Users"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/scim+json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    private Answer scimPatch(String token, String id, String operation) {
        return HubTestSupport.send(HttpRequest.newBuilder(URI.create(scim + "/Users/" + id))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/scim+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(patch(operation))).build());
    }

    private static String patch(String operation) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + operation + "]}";
    }

    private Answer scimGet(String path, String token) {
        return HubTestSupport.get(scim + path, token);
    }

    private SeedCompany heliosOnly(int skip) {
        return demoData.helios().stream().filter(c -> !demoData.sharedDomains().contains(c.domain())).skip(skip)
                .findFirst().orElseThrow();
    }

    private JsonNode partner(SeedCompany company) {
        return HubTestSupport.allPartners(base, operator).stream()
                .filter(p -> company.domain().equals(p.path("domain").asText())).findFirst().orElseThrow();
    }

    private String partnerOf(SeedCompany company) {
        return partner(company).path("id").asText();
    }

    /** The company's id in the program's CRM, as the IdP would hold it. */
    private String sourceId(SeedCompany company, String program) {
        for (JsonNode source : partner(company).path("sources")) {
            if (program.equals(source.path("program").asText())) {
                return source.path("externalId").asText();
            }
        }
        throw new IllegalStateException(company.domain() + " has no " + program + " source");
    }

    private JsonNode goldenUser(String email) {
        List<JsonNode> found = new ArrayList<>();
        HubTestSupport.readTopic(kafka, Topics.golden(dev.accordhub.model.EntityType.USER), (key, value) -> {
            try {
                JsonNode data = value == null ? null : HubTestSupport.JSON.readTree(value).path("data");
                if (data != null && email.equals(data.path("email").asText())) {
                    found.add(data);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return found.isEmpty() ? null : found.get(found.size() - 1);
    }

    private ObjectNode claims(String email) {
        long now = Instant.now().getEpochSecond();
        return HubTestSupport.JSON.createObjectNode().put("iss", oidc.issuer()).put("aud", "accord-portal")
                .put("sub", "scim-" + email).put("email", email).put("iat", now).put("exp", now + 600);
    }
}
