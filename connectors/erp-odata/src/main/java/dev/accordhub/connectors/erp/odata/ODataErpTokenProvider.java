package dev.accordhub.connectors.erp.odata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accordhub.model.source.SourceUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The bearer token for the ERP, from the client-credentials grant, kept until a minute before it expires or until
 * the ERP answers 401. A plain JDK HTTP call: camel-olingo4 speaks OData, not OAuth.
 */
final class ODataErpTokenProvider {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ODataErpConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    ODataErpTokenProvider(ODataErpConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    synchronized String token() {
        if (token == null || clock.instant().isAfter(renewAt)) {
            fetch();
        }
        return token;
    }

    synchronized void invalidate() {
        token = null;
    }

    private void fetch() {
        String form = "grant_type=client_credentials&client_id=" + enc(config.clientId()) + "&client_secret="
                + enc(config.clientSecret()) + "&scope=" + enc(config.scope());
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.tokenUri())).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SourceUnavailableException("ERP token endpoint " + config.tokenUri() + " unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceUnavailableException("Interrupted while fetching the ERP token", e);
        }
        if (response.statusCode() != 200) {
            // A refused client is a configuration problem, not a bad document: the hub retries and operators see it.
            throw new SourceUnavailableException("ERP token endpoint refused client " + config.clientId() + " ("
                    + response.statusCode() + "): " + response.body());
        }
        try {
            JsonNode answer = JSON.readTree(response.body());
            token = answer.path("access_token").asText(null);
            if (token == null || token.isBlank()) {
                throw new SourceUnavailableException("ERP token answer has no access_token: " + response.body());
            }
            renewAt = clock.instant().plusSeconds(Math.max(answer.path("expires_in").asLong(3599) - 60, 0));
        } catch (IOException e) {
            throw new SourceUnavailableException("ERP token answer is not JSON: " + response.body(), e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
