package dev.accordhub.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accordhub.sandbox.SandboxHttp.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HubSpotAuthTest {

    private static final String PRIVATE_APP_TOKEN = "pat-na1-test";
    private HubSpotSandbox sandbox;
    private HubSpotClient client;

    @BeforeEach
    void start() {
        sandbox = HubSpotSandbox.builder().privateAppToken(PRIVATE_APP_TOKEN).rateLimitPerSecond(0).start();
        client = new HubSpotClient(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void refreshTokenGrantIssuesABearerToken() {
        Reply reply = client.requestToken(HubSpotSandboxConfig.DEFAULT_REFRESH_TOKEN);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode token = reply.json();
        assertThat(token.get("access_token").asText()).isNotBlank();
        assertThat(token.get("refresh_token").asText()).isEqualTo(HubSpotSandboxConfig.DEFAULT_REFRESH_TOKEN);
        assertThat(token.get("expires_in").asInt()).isEqualTo(1800);
        assertThat(token.get("token_type").asText()).isEqualTo("bearer");
    }

    @Test
    void unknownRefreshTokenIsRefused() {
        Reply reply = client.requestToken("stolen");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("status").asText()).isEqualTo("BAD_REFRESH_TOKEN");
        assertThat(reply.json().get("message").asText()).isNotBlank();
    }

    @Test
    void crmWithoutCredentialsIs401() {
        Reply reply = client.get(HubSpotClient.OBJECTS + "companies");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("status").asText()).isEqualTo("error");
        assertThat(reply.json().get("message").asText()).isEqualTo("Authentication credentials not found.");
        assertThat(reply.json().get("category").asText()).isEqualTo("INVALID_AUTHENTICATION");
        assertThat(reply.json().get("correlationId").asText()).matches("[0-9a-f-]{36}");
    }

    @Test
    void expiredAccessTokensNeedARefreshWhileThePrivateAppTokenLives() {
        client.login();
        assertThat(client.get(HubSpotClient.OBJECTS + "companies").status()).isEqualTo(200);

        sandbox.expireTokens();
        assertThat(client.get(HubSpotClient.OBJECTS + "companies").status()).isEqualTo(401);
        client.login();
        assertThat(client.get(HubSpotClient.OBJECTS + "companies").status()).isEqualTo(200);

        client.http.bearer(PRIVATE_APP_TOKEN);
        assertThat(client.get(HubSpotClient.OBJECTS + "companies").status()).isEqualTo(200);
    }
}
