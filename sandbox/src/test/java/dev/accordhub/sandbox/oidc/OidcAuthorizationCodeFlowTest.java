package dev.accordhub.sandbox.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The browser sign-in of the ops dashboard against the sandbox issuer: authorization code with PKCE (S256) for a
 * public client, over HTTP as a browser would do it (form, redirect, token call from the page's origin).
 */
class OidcAuthorizationCodeFlowTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static final String CLIENT = "accord-ops";
    static final String REDIRECT = "http://127.0.0.1:8080/ops/";
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-and-some-more-entropy";
    static OidcSandbox issuer;

    @BeforeAll
    static void start() {
        issuer = new OidcSandbox(0, "portal", "portal-secret", "accord-portal", Duration.ofMinutes(10), List.of(
                new OidcUser("op-1", "operator", "demo", "op@accord.example", "Op", "openid accord.ops"),
                new OidcUser("u-1", "ana", "demo", "ana@northwind.example", "Ana Example")))
                .withPublicClient(CLIENT, List.of("http://127.0.0.1/ops/", "http://localhost/ops/")).start();
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Test
    void discoveryAdvertisesTheCodeFlowWithPkce() throws Exception {
        JsonNode doc = JSON.readTree(send(get("/.well-known/openid-configuration")).body());

        assertThat(doc.path("authorization_endpoint").asText()).isEqualTo(issuer.issuer() + "/authorize");
        assertThat(doc.path("grant_types_supported").toString()).contains("authorization_code");
        assertThat(doc.path("response_types_supported").toString()).contains("\"code\"");
        assertThat(doc.path("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
        assertThat(doc.path("token_endpoint_auth_methods_supported").toString()).contains("none");
    }

    @Test
    void anOperatorSignsInThroughTheFormAndTradesTheCodeWithTheVerifier() throws Exception {
        HttpResponse<String> form = send(get("/authorize?" + query(authorizeParams(REDIRECT, "xyz-state"))));
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(form.body()).contains("name=\"username\"").contains("type=\"password\"")
                .contains("value=\"xyz-state\"");

        String code = signIn(REDIRECT, "xyz-state", "operator", "demo");
        HttpResponse<String> token = token(code, REDIRECT, VERIFIER, "http://127.0.0.1:8080");

        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        assertThat(token.headers().firstValue("Access-Control-Allow-Origin")).contains("http://127.0.0.1:8080");
        assertThat(token.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode answer = JSON.readTree(token.body());
        JsonNode claims = claims(answer.path("access_token").asText());
        assertThat(claims.path("sub").asText()).isEqualTo("op-1");
        assertThat(claims.path("aud").asText()).isEqualTo("accord-portal");
        assertThat(claims.path("azp").asText()).isEqualTo(CLIENT);
        assertThat(claims.path("scope").asText()).isEqualTo("openid accord.ops");
        assertThat(claims(answer.path("id_token").asText()).path("aud").asText()).isEqualTo(CLIENT);
    }

    @Test
    void aPartnerUserGetsOnlyTheScopesTheyHave() throws Exception {
        String code = signIn(REDIRECT, "s", "ana", "demo");
        JsonNode answer = JSON.readTree(token(code, REDIRECT, VERIFIER, null).body());

        assertThat(claims(answer.path("access_token").asText()).path("scope").asText()).isEqualTo("openid");
    }

    @Test
    void aWrongVerifierIsRefusedAndTheCodeIsSpent() throws Exception {
        String code = signIn(REDIRECT, "s", "operator", "demo");

        HttpResponse<String> wrong = token(code, REDIRECT, VERIFIER.replace('d', 'e'), null);
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(wrong.body()).path("error").asText()).isEqualTo("invalid_grant");
        assertThat(JSON.readTree(wrong.body()).path("error_description").asText()).contains("code_verifier");
        assertThat(token(code, REDIRECT, VERIFIER, null).statusCode()).as("one attempt per code").isEqualTo(400);
    }

    @Test
    void aCodeIsGoodOnceOnly() throws Exception {
        String code = signIn(REDIRECT, "s", "operator", "demo");

        assertThat(token(code, REDIRECT, VERIFIER, null).statusCode()).isEqualTo(200);
        HttpResponse<String> again = token(code, REDIRECT, VERIFIER, null);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(again.body()).path("error_description").asText()).contains("already used");
    }

    @Test
    void theTokenCallMustNameTheRedirectUriTheCodeWasIssuedFor() throws Exception {
        String code = signIn(REDIRECT, "s", "operator", "demo");

        HttpResponse<String> other = token(code, "http://127.0.0.1:9999/ops/", VERIFIER, null);
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(other.body()).path("error_description").asText()).contains("redirect_uri");
    }

    @Test
    void unregisteredRedirectUrisAndUnknownClientsAreShownAnErrorNeverRedirectedTo() throws Exception {
        for (String bad : List.of("https://evil.example/ops/", "http://127.0.0.1:8080/elsewhere/",
                "http://127.0.0.1.evil.example/ops/", "http://127.0.0.1:8080/ops/#frag")) {
            HttpResponse<String> answer = send(get("/authorize?" + query(authorizeParams(bad, "s"))));
            assertThat(answer.statusCode()).as(bad).isEqualTo(400);
            assertThat(answer.headers().firstValue("Location")).as(bad).isEmpty();
            assertThat(answer.body()).contains("is not registered");
        }
        Map<String, String> unknownClient = authorizeParams(REDIRECT, "s");
        unknownClient.put("client_id", "nobody");
        HttpResponse<String> answer = send(get("/authorize?" + query(unknownClient)));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("Unknown client_id");
    }

    @Test
    void loopbackRedirectUrisMayUseAnyPortAndTheHostNameLocalhost() throws Exception {
        for (String uri : List.of("http://127.0.0.1:45123/ops/", "http://localhost:8081/ops/", "http://127.0.0.1/ops/")) {
            String code = signIn(uri, "s", "operator", "demo");
            assertThat(token(code, uri, VERIFIER, null).statusCode()).as(uri).isEqualTo(200);
        }
    }

    @Test
    void withoutPkceTheBrowserIsSentBackWithAnError() throws Exception {
        Map<String, String> params = authorizeParams(REDIRECT, "st");
        params.remove("code_challenge");
        HttpResponse<String> answer = send(get("/authorize?" + query(params)));

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).startsWith(REDIRECT + "?error=invalid_request")
                .contains("state=st");
    }

    @Test
    void aWrongPasswordShowsTheFormAgainWithoutACode() throws Exception {
        HttpResponse<String> answer = postForm("/authorize", withCredentials(authorizeParams(REDIRECT, "s"),
                "operator", "nope"), null);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Location")).isEmpty();
        assertThat(answer.body()).contains("Wrong user name or password").contains("name=\"username\"");
    }

    @Test
    void onlyThePublicClientsOriginsMayReadTheIssuerCrossOrigin() throws Exception {
        HttpResponse<String> allowed = send(get("/.well-known/openid-configuration").header("Origin",
                "http://localhost:8080").build());
        HttpResponse<String> refused = send(get("/jwks").header("Origin", "https://evil.example").build());
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(issuer.baseUrl() + "/token"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://127.0.0.1:8080")
                .header("Access-Control-Request-Method", "POST").build());

        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("http://localhost:8080");
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST");
    }

    // ---- a browser's steps

    private static Map<String, String> authorizeParams(String redirectUri, String state) throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", CLIENT);
        params.put("redirect_uri", redirectUri);
        params.put("scope", "openid accord.ops");
        params.put("state", state);
        params.put("code_challenge", Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(VERIFIER.getBytes(StandardCharsets.US_ASCII))));
        params.put("code_challenge_method", "S256");
        return params;
    }

    private static Map<String, String> withCredentials(Map<String, String> params, String user, String password) {
        params.put("username", user);
        params.put("password", password);
        return params;
    }

    /** Posts the sign-in form; the answer sends the browser to the redirect URI with a code and the state. */
    private static String signIn(String redirectUri, String state, String user, String password) throws Exception {
        HttpResponse<String> answer = postForm("/authorize", withCredentials(authorizeParams(redirectUri, state),
                user, password), null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
        URI location = URI.create(answer.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(redirectUri + "?code=");
        Map<String, String> back = java.util.Arrays.stream(location.getRawQuery().split("&"))
                .map(p -> p.split("=", 2)).collect(Collectors.toMap(p -> p[0],
                        p -> java.net.URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        assertThat(back).containsEntry("state", state);
        return back.get("code");
    }

    private static HttpResponse<String> token(String code, String redirectUri, String verifier, String origin)
            throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", CLIENT);
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", verifier);
        return postForm("/token", form, origin);
    }

    private static HttpResponse<String> postForm(String path, Map<String, String> form, String origin)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(issuer.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(query(form)));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return send(request.build());
    }

    private static HttpRequest.Builder get(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(issuer.baseUrl() + pathAndQuery));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return send(request.build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String query(Map<String, String> params) {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static JsonNode claims(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
