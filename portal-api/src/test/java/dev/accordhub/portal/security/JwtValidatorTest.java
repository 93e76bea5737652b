package dev.accordhub.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accordhub.model.testing.TestClock;
import dev.accordhub.sandbox.oidc.OidcSandbox;
import dev.accordhub.sandbox.oidc.OidcUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tokens of the sandbox issuer, good and bad, as the portal's resource server must judge them. */
class JwtValidatorTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    static OidcSandbox issuer;
    static JwtValidator validator;

    @BeforeAll
    static void start() {
        issuer = new OidcSandbox(0, "accord-portal", "secret", "accord-portal", Duration.ofMinutes(5),
                List.of(new OidcUser("u-1", "ana", "demo", "ana@northwind.example", "Ana"))).start();
        validator = new JwtValidator(issuer.issuer(), "accord-portal", JSON, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Test
    void aTokenFromTheTokenEndpointIsAccepted() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(issuer.issuer() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=accord-portal"
                        + "&client_secret=secret&username=ana&password=demo")).build(),
                HttpResponse.BodyHandlers.ofString());

        var claims = validator.validate(JSON.readTree(answer.body()).path("access_token").asText());

        assertThat(claims.path("email").asText()).isEqualTo("ana@northwind.example");
    }

    @Test
    void expiredTokensAreRefused() {
        ObjectNode claims = claims().put("exp", Instant.now().minusSeconds(600).getEpochSecond());
        assertRefused(issuer.sign(claims), "expired");
    }

    @Test
    void tokensForAnotherAudienceAreRefused() {
        assertRefused(issuer.sign(claims().put("aud", "some-other-api")), "another audience");
    }

    @Test
    void tokensFromAnotherIssuerAreRefused() {
        assertRefused(issuer.sign(claims().put("iss", "https://evil.example")), "another issuer");
    }

    @Test
    void unsignedAndAlgNoneTokensAreRefused() {
        String header = B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String body = B64.encodeToString(claims().toString().getBytes(StandardCharsets.UTF_8));

        assertRefused(header + "." + body + ".", "'none' is not accepted");
        assertRefused(header + "." + body, "three parts");
    }

    @Test
    void aTamperedTokenIsRefused() {
        String[] parts = issuer.sign(claims()).split("\\.");
        String forged = B64.encodeToString(claims().put("email", "boss@other.example").toString()
                .getBytes(StandardCharsets.UTF_8));

        assertRefused(parts[0] + "." + forged + "." + parts[2], "Bad signature");
    }

    @Test
    void anHmacTokenKeyedWithThePublicKeyIsRefused() throws Exception {
        String jwks = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(issuer.issuer() + "/jwks"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        String header = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"x\"}"
                .getBytes(StandardCharsets.UTF_8));
        String body = B64.encodeToString(claims().toString().getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(jwks.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = B64.encodeToString(mac.doFinal((header + "." + body).getBytes(StandardCharsets.US_ASCII)));

        assertRefused(header + "." + body + "." + signature, "'HS256' is not accepted");
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        TestClock clock = TestClock.at(Instant.now());
        JwtValidator remembering = new JwtValidator(issuer.issuer(), "accord-portal", JSON, clock);
        String token = issuer.sign(claims().put("exp", clock.instant().getEpochSecond() + 60));

        assertThat(remembering.validate(token).path("sub").asText()).isEqualTo("u-1");
        assertThat(remembering.validate(token).path("sub").asText()).isEqualTo("u-1");
        assertThat(remembering.remembered()).isOne();

        clock.advance(Duration.ofSeconds(60 + 31)); // past exp and the 30 s of clock skew
        assertThatThrownBy(() -> remembering.validate(token)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("expired");
        assertThat(remembering.remembered()).isZero();
    }

    @Test
    void aForgeryOfARememberedTokenIsStillCheckedInFull() {
        String token = issuer.sign(claims());
        validator.validate(token);
        String[] parts = token.split("\\.");
        String forged = B64.encodeToString(claims().put("email", "boss@other.example").toString()
                .getBytes(StandardCharsets.UTF_8));

        assertRefused(parts[0] + "." + forged + "." + parts[2], "Bad signature");
        assertThat(validator.validate(token).path("email").asText()).isEqualTo("ana@northwind.example");
    }

    @Test
    void theRememberedTokensAreBounded() {
        JwtValidator remembering = new JwtValidator(issuer.issuer(), "accord-portal", JSON, Clock.systemUTC(), 3);
        List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tokens.add(issuer.sign(claims().put("sub", "u-" + i)));
        }
        for (String token : tokens) {
            remembering.validate(token);
            assertThat(remembering.remembered()).isBetween(1, 3);
        }
        for (int i = 0; i < 5; i++) {
            assertThat(remembering.validate(tokens.get(i)).path("sub").asText()).isEqualTo("u-" + i);
        }
    }

    @Test
    void noTokenIsRefused() {
        assertRefused(null, "No bearer token");
    }

    private static ObjectNode claims() {
        long now = Instant.now().getEpochSecond();
        return JSON.createObjectNode().put("iss", issuer.issuer()).put("aud", "accord-portal").put("sub", "u-1")
                .put("email", "ana@northwind.example").put("iat", now).put("exp", now + 300);
    }

    private static void assertRefused(String token, String why) {
        assertThatThrownBy(() -> validator.validate(token)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining(why);
    }
}
