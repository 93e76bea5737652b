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
 * that signs RS256 access tokens for its demo users: the resource-owner password grant for the confidential client
 * (id and secret), and the authorization-code flow with PKCE (S256) for public clients such as the ops dashboard
 * ({@code /authorize} shows a sign-in form, then sends the browser back with a one-time code). Discovery, keys and
 * token answer cross-origin requests from the public clients' pages (CORS).
 * Pointing the hub at Keycloak, Okta or Entra ID instead is a matter of the issuer URL.
 */
public final class OidcSandbox extends HttpSandbox {

    private final String clientId;
    private final String clientSecret;
    private final String audience;
    private final Duration tokenLifetime;
    private final List<OidcUser> users;
    private final JwtSigner signer = new JwtSigner();
    private final Map<String, OidcPublicClient> publicClients = new java.util.concurrent.ConcurrentHashMap<>();
    private final OidcAuthorizationCodes codes = new OidcAuthorizationCodes(Duration.ofSeconds(60),
            java.time.Clock.systemUTC());

    public OidcSandbox(int port, String clientId, String clientSecret, String audience, Duration tokenLifetime,
            List<OidcUser> users) {
        super("oidc-sandbox", port);
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.audience = audience;
        this.tokenLifetime = tokenLifetime;
        this.users = List.copyOf(users);
    }

    /**
     * Registers a public client of the authorization-code flow (no secret; PKCE S256 required) with its redirect
     * URIs; loopback ones allow any port (RFC 8252 §7.3).
     */
    public OidcSandbox withPublicClient(String publicClientId, List<String> redirectUris) {
        OidcPublicClient client = new OidcPublicClient(publicClientId, redirectUris);
        if (publicClientId.equals(clientId)) {
            throw new IllegalArgumentException("Public client id '" + publicClientId
                    + "' is the confidential client's id");
        }
        publicClients.put(publicClientId, client);
        return this;
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
        if ("OPTIONS".equals(request.method())) {
            return cors(request, SandboxResponse.empty(204).withHeader("Access-Control-Allow-Methods", "GET, POST")
                    .withHeader("Access-Control-Allow-Headers", "Content-Type")
                    .withHeader("Access-Control-Max-Age", "600"));
        }
        if ("GET".equals(request.method()) && "/.well-known/openid-configuration".equals(path)) {
            return cors(request, SandboxResponse.json(200, discovery()));
        }
        if ("GET".equals(request.method()) && "/jwks".equals(path)) {
            return cors(request, SandboxResponse.json(200, signer.jwks()));
        }
        if ("POST".equals(request.method()) && "/token".equals(path)) {
            return cors(request, token(request.form()).withHeader("Cache-Control", "no-store"));
        }
        if ("/authorize".equals(path) && ("GET".equals(request.method()) || "POST".equals(request.method()))) {
            return authorize(request);
        }
        return error(404, "not_found", "No such endpoint: " + request.method() + " " + path);
    }

    @Override
    protected SandboxResponse internalError(RuntimeException e) {
        return error(500, "server_error", e.getMessage());
    }

    private ObjectNode discovery() {
        ObjectNode doc = JsonHttp.object().put("issuer", issuer()).put("jwks_uri", issuer() + "/jwks")
                .put("authorization_endpoint", issuer() + "/authorize")
                .put("token_endpoint", issuer() + "/token");
        doc.putArray("grant_types_supported").add("authorization_code").add("password");
        doc.putArray("response_types_supported").add("code");
        doc.putArray("response_modes_supported").add("query");
        doc.putArray("code_challenge_methods_supported").add("S256");
        doc.putArray("subject_types_supported").add("public");
        doc.putArray("id_token_signing_alg_values_supported").add("RS256");
        doc.putArray("token_endpoint_auth_methods_supported").add("client_secret_post").add("none");
        doc.putArray("claims_supported").add("sub").add("email").add("name").add("preferred_username");
        doc.putArray("scopes_supported").add("openid").add("accord.ops");
        return doc;
    }

    private SandboxResponse token(Map<String, String> form) {
        if ("authorization_code".equals(form.get("grant_type"))) {
            return codeToken(form);
        }
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
        return SandboxResponse.json(200, tokens(user.get(), clientId, user.get().scope(), null, false));
    }

    /** The access token (for the portal API's audience), and for the code flow an ID token for the client. */
    private ObjectNode tokens(OidcUser user, String forClient, String scope, String nonce, boolean idToken) {
        Instant now = Instant.now();
        ObjectNode claims = JsonHttp.object().put("iss", issuer()).put("sub", user.subject())
                .put("aud", audience).put("iat", now.getEpochSecond())
                .put("exp", now.plus(tokenLifetime).getEpochSecond()).put("jti", UUID.randomUUID().toString())
                .put("email", user.email()).put("name", user.name())
                .put("preferred_username", user.username()).put("azp", forClient)
                .put("scope", scope);
        ObjectNode answer = JsonHttp.object().put("access_token", signer.sign(claims)).put("token_type", "Bearer")
                .put("expires_in", tokenLifetime.toSeconds()).put("scope", scope);
        if (idToken) {
            ObjectNode id = JsonHttp.object().put("iss", issuer()).put("sub", user.subject()).put("aud", forClient)
                    .put("iat", now.getEpochSecond()).put("exp", now.plus(tokenLifetime).getEpochSecond())
                    .put("email", user.email()).put("name", user.name())
                    .put("preferred_username", user.username());
            if (nonce != null) {
                id.put("nonce", nonce);
            }
            answer.put("id_token", signer.sign(id));
        }
        return answer;
    }

    /** {@code grant_type=authorization_code}: a public client trades a one-time code and its PKCE verifier. */
    private SandboxResponse codeToken(Map<String, String> form) {
        OidcPublicClient client = publicClients.get(String.valueOf(form.get("client_id")));
        if (client == null) {
            return error(401, "invalid_client", "Unknown client '" + form.get("client_id")
                    + "' for the authorization-code grant");
        }
        Optional<OidcAuthorizationCodes.Grant> grant = codes.redeem(form.get("code"));
        if (grant.isEmpty()) {
            return error(400, "invalid_grant", "The code is unknown, expired or already used");
        }
        if (!grant.get().clientId().equals(client.clientId())) {
            return error(400, "invalid_grant", "The code was issued to another client");
        }
        if (!grant.get().redirectUri().equals(form.get("redirect_uri"))) {
            return error(400, "invalid_grant", "redirect_uri differs from the one the code was issued for");
        }
        if (!OidcAuthorizationCodes.verifies(form.get("code_verifier"), grant.get().codeChallenge())) {
            return error(400, "invalid_grant", "code_verifier does not match the code_challenge (PKCE S256)");
        }
        return SandboxResponse.json(200, tokens(grant.get().user(), client.clientId(), grant.get().scope(),
                grant.get().nonce(), true));
    }

    /**
     * {@code /authorize}: GET shows the sign-in form, POST checks the user's password and sends the browser back to
     * the client with a code and the client's state. An unknown client or an unregistered redirect URI is shown as
     * an error page, never redirected to; other mistakes go back to the client as {@code error=...}.
     */
    private SandboxResponse authorize(SandboxRequest request) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        request.query().forEach((name, values) -> params.put(name, values.get(0)));
        if ("POST".equals(request.method())) {
            params.putAll(request.form());
        }
        OidcPublicClient client = publicClients.get(String.valueOf(params.get("client_id")));
        if (client == null) {
            return OidcLoginPage.refused("Unknown client_id '" + params.get("client_id") + "'");
        }
        String redirectUri = params.get("redirect_uri");
        if (!client.allowsRedirect(redirectUri)) {
            return OidcLoginPage.refused("redirect_uri '" + redirectUri + "' is not registered for client "
                    + client.clientId());
        }
        String state = params.get("state");
        if (!"code".equals(params.get("response_type"))) {
            return redirect(redirectUri, "error", "unsupported_response_type", "error_description",
                    "Only response_type=code is offered", "state", state);
        }
        if (!"S256".equals(params.get("code_challenge_method"))
                || !OidcAuthorizationCodes.isChallenge(params.get("code_challenge"))) {
            return redirect(redirectUri, "error", "invalid_request", "error_description",
                    "PKCE is required: code_challenge (BASE64URL of SHA-256) with code_challenge_method=S256",
                    "state", state);
        }
        if ("GET".equals(request.method())) {
            return OidcLoginPage.form(params, client.clientId(), null);
        }
        Optional<OidcUser> user = users.stream().filter(u -> u.username().equals(params.get("username"))
                && u.password().equals(params.get("password"))).findFirst();
        if (user.isEmpty()) {
            return OidcLoginPage.form(params, client.clientId(), "Wrong user name or password");
        }
        String code = codes.issue(client.clientId(), redirectUri, params.get("code_challenge"), user.get(),
                grantedScope(params.get("scope"), user.get().scope()), params.get("nonce"));
        return redirect(redirectUri, "code", code, "state", state);
    }

    /** What the token carries: the scopes asked for that the user has (all of the user's when none were asked). */
    private static String grantedScope(String requested, String granted) {
        if (requested == null || requested.isBlank()) {
            return granted;
        }
        java.util.Set<String> has = new java.util.HashSet<>(java.util.Arrays.asList(granted.trim().split("\\s+")));
        return java.util.Arrays.stream(requested.trim().split("\\s+")).filter(has::contains).distinct()
                .collect(java.util.stream.Collectors.joining(" "));
    }

    private static SandboxResponse redirect(String uri, String... params) {
        StringBuilder target = new StringBuilder(uri).append(uri.contains("?") ? '&' : '?');
        for (int i = 0; i + 1 < params.length; i += 2) {
            if (params[i + 1] != null) {
                target.append(params[i]).append('=').append(java.net.URLEncoder.encode(params[i + 1],
                        java.nio.charset.StandardCharsets.UTF_8)).append('&');
            }
        }
        target.setLength(target.length() - 1);
        return SandboxResponse.empty(303).withHeader("Location", target.toString())
                .withHeader("Cache-Control", "no-store");
    }

    /** Lets the pages of the public clients read discovery, keys and tokens from their own origin. */
    private SandboxResponse cors(SandboxRequest request, SandboxResponse response) {
        Optional<String> origin = request.header("Origin");
        if (origin.isEmpty() || publicClients.values().stream().noneMatch(c -> c.allowsOrigin(origin.get()))) {
            return response;
        }
        return response.withHeader("Access-Control-Allow-Origin", origin.get()).withHeader("Vary", "Origin");
    }

    private static SandboxResponse error(int status, String code, String description) {
        return SandboxResponse.json(status, JsonHttp.object().put("error", code).put("error_description", description));
    }
}
