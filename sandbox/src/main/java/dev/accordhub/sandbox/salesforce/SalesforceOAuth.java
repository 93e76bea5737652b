package dev.accordhub.sandbox.salesforce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accordhub.sandbox.JsonHttp;
import dev.accordhub.sandbox.SandboxRequest;
import dev.accordhub.sandbox.SandboxResponse;
import dev.accordhub.sandbox.TokenRegistry;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code /services/oauth2/token} and {@code /revoke}. Served on the instance host too: camel-salesforce logs in again
 * there, not at the login URL, after a 401.
 */
final class SalesforceOAuth {

    static final String ORG_ID = "00D5g000004ABCDEAA";
    static final String USER_ID = "0055g000003XYZWAA2";

    private final SalesforceSandboxConfig config;
    private final TokenRegistry tokens;
    private final Supplier<String> baseUrl;

    SalesforceOAuth(SalesforceSandboxConfig config, TokenRegistry tokens, Supplier<String> baseUrl) {
        this.config = config;
        this.tokens = tokens;
        this.baseUrl = baseUrl;
    }

    SandboxResponse handle(SandboxRequest request) {
        String action = request.path().size() == 3 ? request.path().get(2) : "";
        return switch (action) {
            case "token" -> request.method().equals("POST") ? token(request) : invalidRequest("token needs POST");
            case "revoke" -> revoke(request);
            default -> throw SalesforceApiException.notFound();
        };
    }

    String identityUrl() {
        return baseUrl.get() + "/id/" + ORG_ID + "/" + USER_ID;
    }

    private SandboxResponse token(SandboxRequest request) {
        Map<String, String> params = new HashMap<>();
        request.query().forEach((name, values) -> params.put(name, values.get(0)));
        params.putAll(request.form());
        String grantType = params.getOrDefault("grant_type", "");
        if (!grantType.equals("client_credentials") && !grantType.equals("password")) {
            return SandboxResponse.json(400, JsonHttp.object()
                    .put("error", "unsupported_grant_type").put("error_description", "grant type not supported"));
        }
        boolean clientOk = Objects.equals(params.get("client_id"), config.clientId())
                && Objects.equals(params.get("client_secret"), config.clientSecret());
        boolean userOk = grantType.equals("client_credentials") || userMatches(params);
        if (!clientOk || !userOk) {
            return SandboxResponse.json(400, JsonHttp.object()
                    .put("error", "invalid_grant").put("error_description", "authentication failure"));
        }
        String issuedAt = Long.toString(System.currentTimeMillis());
        String id = identityUrl();
        ObjectNode body = JsonHttp.object()
                .put("access_token", tokens.issue(ORG_ID + "!AQ"))
                .put("instance_url", baseUrl.get())
                .put("id", id)
                .put("token_type", "Bearer")
                .put("issued_at", issuedAt)
                .put("signature", signature(id + issuedAt))
                .put("scope", "api");
        return SandboxResponse.json(200, body);
    }

    /** With no user configured any user may log in, as long as the client credentials are right. */
    private boolean userMatches(Map<String, String> params) {
        if (params.get("username") == null || params.get("password") == null) {
            return false;
        }
        return config.username() == null
                || config.username().equals(params.get("username")) && config.password().equals(params.get("password"));
    }

    private SandboxResponse revoke(SandboxRequest request) {
        String token = request.queryParam("token").orElseGet(() -> request.form().get("token"));
        if (token != null) {
            tokens.revoke(token);
        }
        return SandboxResponse.empty(200);
    }

    /** Salesforce signs id + issued_at with the client secret; clients may verify it. */
    private String signature(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static SandboxResponse invalidRequest(String description) {
        return SandboxResponse.json(400, JsonHttp.object()
                .put("error", "invalid_request").put("error_description", description));
    }
}
