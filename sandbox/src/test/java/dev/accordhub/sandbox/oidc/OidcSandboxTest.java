package dev.accordhub.sandbox.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sandbox issuer as a resource server sees it: discovery, keys, and tokens that verify against those keys. */
class OidcSandboxTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static OidcSandbox issuer;

    @BeforeAll
    static void start() {
        issuer = new OidcSandbox(0, "portal", "portal-secret", "accord-portal", Duration.ofMinutes(10),
                List.of(new OidcUser("u-1", "ana", "demo", "ana@northwind.example", "Ana Example"))).start();
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Test
    void discoveryPointsAtTheKeysAndTheTokenEndpoint() throws Exception {
        JsonNode doc = get("/.well-known/openid-configuration");

        assertThat(doc.path("issuer").asText()).isEqualTo(issuer.issuer());
        assertThat(doc.path("jwks_uri").asText()).isEqualTo(issuer.issuer() + "/jwks");
        assertThat(doc.path("token_endpoint").asText()).isEqualTo(issuer.issuer() + "/token");
        assertThat(doc.path("id_token_signing_alg_values_supported").get(0).asText()).isEqualTo("RS256");
    }

    @Test
    void aTokenIsSignedWithThePublishedKeyAndCarriesIdentityOnly() throws Exception {
        HttpResponse<String> answer = token("grant_type=password&client_id=portal&client_secret=portal-secret"
                + "&username=ana&password=demo");
        assertThat(answer.statusCode()).isEqualTo(200);
        String jwt = JSON.readTree(answer.body()).path("access_token").asText();
        String[] parts = jwt.split("\\.");

        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode key = get("/jwks").path("keys").get(0);
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        assertThat(header.path("kid").asText()).isEqualTo(key.path("kid").asText());

        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(key.path("n").asText())),
                new BigInteger(1, Base64.getUrlDecoder().decode(key.path("e").asText()))));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(publicKey);
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();

        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(claims.path("iss").asText()).isEqualTo(issuer.issuer());
        assertThat(claims.path("aud").asText()).isEqualTo("accord-portal");
        assertThat(claims.path("sub").asText()).isEqualTo("u-1");
        assertThat(claims.path("email").asText()).isEqualTo("ana@northwind.example");
        assertThat(claims.path("exp").asLong()).isGreaterThan(Instant.now().getEpochSecond());
    }

    @Test
    void wrongPasswordsAndClientsAreRefusedAsOAuthSays() throws Exception {
        HttpResponse<String> badPassword = token("grant_type=password&client_id=portal&client_secret=portal-secret"
                + "&username=ana&password=nope");
        HttpResponse<String> badClient = token("grant_type=password&client_id=portal&client_secret=guess"
                + "&username=ana&password=demo");

        assertThat(badPassword.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badPassword.body()).path("error").asText()).isEqualTo("invalid_grant");
        assertThat(badClient.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(badClient.body()).path("error").asText()).isEqualTo("invalid_client");
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(issuer.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static HttpResponse<String> token(String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(issuer.baseUrl() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
