package dev.accordhub.sandbox.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accordhub.sandbox.SandboxHttp.Reply;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SalesforceAuthTest {

    private SalesforceSandbox sandbox;
    private SalesforceClient client;

    @BeforeEach
    void start() {
        sandbox = SalesforceSandbox.builder().user("integration@helios.example", "s3cret").start();
        client = new SalesforceClient(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void clientCredentialsGrantAnswersWhatCamelSalesforceNeeds() {
        Reply reply = client.requestToken(clientCredentials(SalesforceSandboxConfig.DEFAULT_CLIENT_SECRET));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode token = reply.json();
        assertThat(token.get("access_token").asText()).startsWith("00D");
        assertThat(token.get("instance_url").asText()).isEqualTo(sandbox.baseUrl());
        assertThat(token.get("id").asText())
                .isEqualTo(sandbox.baseUrl() + "/id/00D5g000004ABCDEAA/0055g000003XYZWAA2");
        assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.has("issued_at")).isTrue();
        assertThat(token.has("signature")).isTrue();
    }

    @Test
    void passwordGrantChecksTheConfiguredUser() {
        Reply right = client.requestToken(password("integration@helios.example", "s3cret"));
        Reply wrong = client.requestToken(password("integration@helios.example", "guess"));

        assertThat(right.status()).isEqualTo(200);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(wrong.json().get("error_description").asText()).isEqualTo("authentication failure");
    }

    @Test
    void wrongClientSecretIsAnInvalidGrant() {
        Reply reply = client.requestToken(clientCredentials("not-the-secret"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void dataWithoutTokenIs401WithWwwAuthenticate() {
        Reply reply = client.query("SELECT Id FROM Account");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Token");
        assertThat(reply.json().get(0).get("errorCode").asText()).isEqualTo("INVALID_SESSION_ID");
        assertThat(reply.json().get(0).get("message").asText()).isEqualTo("Session expired or invalid");
    }

    @Test
    void expiredTokensAre401UntilTheClientLogsInAgainAtTheInstanceUrl() {
        client.login();
        assertThat(client.query("SELECT Id FROM Account").status()).isEqualTo(200);

        sandbox.expireTokens();
        assertThat(client.query("SELECT Id FROM Account").status()).isEqualTo(401);

        client.login();
        assertThat(client.query("SELECT Id FROM Account").status()).isEqualTo(200);
    }

    @Test
    void revokedTokenStopsWorking() {
        String token = client.requestToken(clientCredentials(SalesforceSandboxConfig.DEFAULT_CLIENT_SECRET))
                .json().get("access_token").asText();
        client.http.bearer(token);

        Reply revoke = client.get("/services/oauth2/revoke?token=" + dev.accordhub.sandbox.SandboxHttp.encode(token));

        assertThat(revoke.status()).isEqualTo(200);
        assertThat(client.query("SELECT Id FROM Account").status()).isEqualTo(401);
    }

    private static Map<String, String> clientCredentials(String secret) {
        return Map.of("grant_type", "client_credentials", "client_id", SalesforceSandboxConfig.DEFAULT_CLIENT_ID,
                "client_secret", secret, "format", "json");
    }

    private static Map<String, String> password(String username, String password) {
        return Map.of("grant_type", "password", "client_id", SalesforceSandboxConfig.DEFAULT_CLIENT_ID,
                "client_secret", SalesforceSandboxConfig.DEFAULT_CLIENT_SECRET, "username", username,
                "password", password, "format", "json");
    }
}
