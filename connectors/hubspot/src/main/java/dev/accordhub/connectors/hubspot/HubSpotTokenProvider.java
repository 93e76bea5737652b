package dev.accordhub.connectors.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * The bearer token for HubSpot: either a private app's static token, or an OAuth access token obtained with the
 * refresh token at {@code /oauth/v1/token} and renewed a minute before it expires or when HubSpot answers 401.
 */
final class HubSpotTokenProvider {

    private final HubSpotHttp http;
    private final String staticToken;
    private final String clientId;
    private final String clientSecret;
    private final String refreshToken;
    private final ObjectMapper json;
    private final Clock clock;
    private String accessToken;
    private Instant renewAt = Instant.MIN;

    HubSpotTokenProvider(HubSpotHttp http, Map<String, String> connection, ObjectMapper json, Clock clock) {
        this.http = http;
        this.staticToken = connection.get("access-token");
        this.clientId = connection.get("client-id");
        this.clientSecret = connection.get("client-secret");
        this.refreshToken = connection.get("refresh-token");
        this.json = json;
        this.clock = clock;
    }

    synchronized String token() {
        if (staticToken != null) {
            return staticToken;
        }
        if (accessToken == null || clock.instant().isAfter(renewAt)) {
            refresh();
        }
        return accessToken;
    }

    synchronized void invalidate() {
        accessToken = null;
    }

    private void refresh() {
        String form = "grant_type=refresh_token&client_id=" + enc(clientId) + "&client_secret=" + enc(clientSecret)
                + "&refresh_token=" + enc(refreshToken);
        HubSpotHttp.Answer answer = http.send("POST", "/oauth/v1/token", null, "application/x-www-form-urlencoded",
                form, Map.of());
        if (answer.status() != 200) {
            throw new IllegalStateException("HubSpot refused the refresh token (" + answer.status() + "): "
                    + answer.body());
        }
        try {
            JsonNode token = json.readTree(answer.body());
            accessToken = token.path("access_token").asText();
            renewAt = clock.instant().plusSeconds(Math.max(token.path("expires_in").asLong(1800) - 60, 0));
        } catch (IOException e) {
            throw new IllegalStateException("HubSpot token answer is not JSON: " + answer.body(), e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
