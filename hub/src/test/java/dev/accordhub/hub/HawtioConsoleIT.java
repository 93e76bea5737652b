package dev.accordhub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accordhub.sandbox.oidc.OidcSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
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
 * The Hawtio console at /actuator/hawtio and the Jolokia endpoint behind it, for operators of the hub's OIDC issuer
 * only: nobody gets in anonymously, a partner user cannot log in, the operator logs in on Hawtio's login endpoint and
 * reads the hub's Camel routes through Hawtio's Jolokia with that session. The hub's other endpoints are unchanged.
 */
@SpringBootTest(classes = AccordHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HawtioConsoleIT {

    static final String ROUTE_IDS = "{\"type\":\"read\",\"mbean\":\"org.apache.camel:context=*,type=routes,name=*\","
            + "\"attribute\":\"RouteId\"}";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HubTestSupport.twoProgramHub(registry, () -> dataDir, 5);
    }

    @LocalServerPort
    int port;
    @Autowired
    OidcSandbox oidc;
    @Autowired
    CamelContext camel;

    String base;
    String hawtio;

    @BeforeEach
    void urls() {
        base = "http://127.0.0.1:" + port;
        hawtio = base + "/actuator/hawtio";
    }

    @Test
    void nobodyReachesJolokiaOrTheConsoleAnonymously() {
        Browser anonymous = new Browser();

        assertThat(anonymous.post(hawtio + "/jolokia", ROUTE_IDS).statusCode()).isEqualTo(403);
        assertThat(anonymous.get(hawtio + "/jolokia/version").statusCode()).isEqualTo(403);
        assertThat(anonymous.post(base + "/actuator/jolokia", ROUTE_IDS).statusCode()).isEqualTo(403);
        assertThat(anonymous.get(base + "/actuator/jolokia/list").statusCode()).isEqualTo(403);
        assertThat(anonymous.get(hawtio + "/proxy/http/127.0.0.1/" + port + "/actuator/jolokia").statusCode())
                .isEqualTo(403);
        assertThat(anonymous.login("operator", "not-the-password").statusCode()).isEqualTo(403);
        assertThat(anonymous.login("", "").statusCode()).isEqualTo(403);
        assertThat(anonymous.post(hawtio + "/jolokia", ROUTE_IDS).statusCode()).as("no session was made")
                .isEqualTo(403);
        // The console's page itself (static, it shows the login form) is there for everyone.
        HttpResponse<String> page = anonymous.get(hawtio + "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).startsWith("/actuator/hawtio");
        assertThat(page.body()).contains("<html");
    }

    @Test
    void aPartnerUserCannotLogIn() {
        Browser partner = new Browser();

        assertThat(partner.login("helios-partner", "demo").statusCode()).isEqualTo(403);
        assertThat(partner.post(hawtio + "/jolokia", ROUTE_IDS).statusCode()).isEqualTo(403);

        String token = HubTestSupport.token(oidc.issuer(), "vantage-partner");
        assertThat(partner.post(base + "/actuator/jolokia", ROUTE_IDS, "Bearer " + token).statusCode())
                .as("a partner's own bearer token").isEqualTo(403);
    }

    @Test
    void theOperatorLogsInAndReadsTheHubsRoutesThroughJolokia() {
        Browser operator = new Browser();

        HttpResponse<String> login = operator.login("operator", "demo");

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(json(login.body()).path("principals").findValuesAsText("name")).contains("operator");
        Set<String> expected = new TreeSet<>(camel.getRoutes().stream().map(Route::getRouteId).toList());
        assertThat(expected).isNotEmpty();
        assertThat(routeIds(operator.post(hawtio + "/jolokia", ROUTE_IDS))).isEqualTo(expected);

        // The console may not load code or write files through the JVM's diagnostic MBeans.
        JsonNode diagnostic = json(operator.post(hawtio + "/jolokia", "{\"type\":\"exec\",\"mbean\":"
                + "\"com.sun.management:type=DiagnosticCommand\",\"operation\":\"vmVersion\",\"arguments\":[]}").body());
        assertThat(diagnostic.path("status").asInt()).isEqualTo(403);

        assertThat(operator.get(hawtio + "/auth/logout").statusCode()).isLessThan(400);
        assertThat(operator.post(hawtio + "/jolokia", ROUTE_IDS).statusCode()).as("logged out").isEqualTo(403);
    }

    @Test
    void scriptsMayCallJolokiaWithTheOperatorsBearerToken() {
        String token = HubTestSupport.token(oidc.issuer(), "operator");

        HttpResponse<String> read = new Browser().post(base + "/actuator/jolokia", ROUTE_IDS, "Bearer " + token);

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(routeIds(read)).isNotEmpty();
    }

    @Test
    void theHubsOtherEndpointsBehaveAsBefore() {
        Browser anonymous = new Browser();

        // Open to anyone as before; right after start-up an ERP feed that has not read yet may still report DOWN.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> anonymous.get(base + "/actuator/health").statusCode() == 200);
        assertThat(anonymous.get(base + "/api/v1/partners").statusCode()).isEqualTo(401);

        Browser operator = new Browser();
        assertThat(operator.login("operator", "demo").statusCode()).isEqualTo(200);
        assertThat(operator.get(base + "/api/v1/partners").statusCode())
                .as("a console session is no credential for the portal API").isEqualTo(401);
        String token = HubTestSupport.token(oidc.issuer(), "operator");
        assertThat(operator.get(base + "/api/v1/ops/dead-letters", "Bearer " + token).statusCode()).isEqualTo(200);
    }

    private static Set<String> routeIds(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = json(response.body());
        assertThat(answer.path("status").asInt()).as(response.body()).isEqualTo(200);
        Set<String> ids = new TreeSet<>();
        answer.path("value").forEach(route -> ids.add(route.path("RouteId").asText()));
        return ids;
    }

    private static JsonNode json(String body) {
        try {
            return HubTestSupport.JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client that keeps its cookies, as a browser keeps Hawtio's session. */
    final class Browser {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> login(String username, String password) {
            return post(hawtio + "/auth/login", HubTestSupport.JSON.createObjectNode().put("username", username)
                    .put("password", password).toString());
        }

        HttpResponse<String> get(String url, String... authorization) {
            return send(request(url, authorization).GET().build());
        }

        HttpResponse<String> post(String url, String body, String... authorization) {
            return send(request(url, authorization).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        private HttpRequest.Builder request(String url, String... authorization) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
            List<String> headers = new ArrayList<>();
            for (String value : authorization) {
                headers.add("Authorization");
                headers.add(value);
            }
            return headers.isEmpty() ? request : request.headers(headers.toArray(String[]::new));
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
