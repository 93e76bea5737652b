package dev.accordhub.sandbox.oidc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accordhub.sandbox.HttpSandbox;
import dev.accordhub.sandbox.JsonHttp;
import dev.accordhub.sandbox.SandboxRequest;
import dev.accordhub.sandbox.SandboxResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A small OpenID Connect issuer for the demo and the tests, on a real HTTP server: the discovery document
 * ({@code /.well-known/openid-configuration}), the signing keys ({@code /jwks}) and a token endpoint ({@code /token})
 * that signs RS256 access tokens for its demo users (resource-owner password grant, client id and secret).
 * Pointing the hub at Keycloak, Okta or Entra ID instead is a matter of the issuer URL.
 */
public final class OidcSandbox extends HttpSandbox {

    private final String clientId;
    private final String clientSecret;
    private final String audience;
    private final Duration tokenLifetime;
    private final List<OidcUser> users;
    private final JwtSigner signer = new JwtSigner();

    public OidcSandbox(int port, String clientId, String clientSecret, String audience, Duration tokenLifetime,
            List<OidcUser> users) {
        super("oidc-sandbox", port);
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.audience = audience;
        this.tokenLifetime = tokenLifetime;
        this.users = List.copyOf(users);
    }

    public OidcSandbox start() {
        startServer();
        return this;
    }

    /** The issuer identifier, as it appears in the tokens' {@code iss} and in the discovery document. */
    public String issuer() {
        return baseUrl();
    }

    public List<OidcUser> users() {
        return users;
    }

    /**
     * Test hook: signs any claims with the issuer's key, so resource-server tests can present tokens the token
     * endpoint would never issue (expired, another audience, another issuer).
     */
    public String sign(com.fasterxml.jackson.databind.JsonNode claims) {
        return signer.sign(claims);
    }

    @Override
    protected SandboxResponse handle(SandboxRequest request) {
        String path = request.rawPath();
        if ("GET".equals(request.method()) && "/.well-known/openid-configuration".equals(path)) {
            return SandboxResponse.json(200, discovery());
        }
        if ("GET".equals(request.method()) && "/jwks".equals(path)) {
            return SandboxResponse.json(200, signer.jwks());
        }
        if ("POST".equals(request.method()) && "/token".equals(path)) {
            return token(request.form());
        }
        return error(404, "not_found", "No such endpoint: " + request.method() + " " + path);
    }

    @Override
    protected SandboxResponse internalError(RuntimeException e) {
        return error(500, "server_error", e.getMessage());
    }

    private ObjectNode discovery() {
        ObjectNode doc = JsonHttp.object().put("issuer", issuer()).put("jwks_uri", issuer() + "/jwks")
                .put("token_endpoint", issuer() + "/token");
        doc.putArray("grant_types_supported").add("password");
        doc.putArray("response_types_supported").add("token");
        doc.putArray("subject_types_supported").add("public");
        doc.putArray("id_token_signing_alg_values_supported").add("RS256");
        doc.putArray("token_endpoint_auth_methods_supported").add("client_secret_post");
        doc.putArray("claims_supported").add("sub").add("email").add("name").add("preferred_username");
        doc.putArray("scopes_supported").add("openid").add("accord.ops");
        return doc;
    }

    private SandboxResponse token(Map<String, String> form) {
        if (!clientId.equals(form.get("client_id")) || !clientSecret.equals(form.get("client_secret"))) {
            return error(401, "invalid_client", "Unknown client or wrong secret");
        }
        if (!"password".equals(form.get("grant_type"))) {
            return error(400, "unsupported_grant_type", "Only grant_type=password is offered here");
        }
        Optional<OidcUser> user = users.stream().filter(u -> u.username().equals(form.get("username"))
                && u.password().equals(form.get("password"))).findFirst();
        if (user.isEmpty()) {
            return error(400, "invalid_grant", "Wrong username or password");
        }
        Instant now = Instant.now();
        ObjectNode claims = JsonHttp.object().put("iss", issuer()).put("sub", user.get().subject())
                .put("aud", audience).put("iat", now.getEpochSecond())
                .put("exp", now.plus(tokenLifetime).getEpochSecond()).put("jti", UUID.randomUUID().toString())
                .put("email", user.get().email()).put("name", user.get().name())
                .put("preferred_username", user.get().username()).put("azp", clientId)
                .put("scope", user.get().scope());
        ObjectNode answer = JsonHttp.object().put("access_token", signer.sign(claims)).put("token_type", "Bearer")
                .put("expires_in", tokenLifetime.toSeconds());
        return SandboxResponse.json(200, answer);
    }

    private static SandboxResponse error(int status, String code, String description) {
        return SandboxResponse.json(status, JsonHttp.object().put("error", code).put("error_description", description));
    }
}
