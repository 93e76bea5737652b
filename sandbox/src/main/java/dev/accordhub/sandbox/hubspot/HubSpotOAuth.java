package dev.accordhub.sandbox.hubspot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accordhub.sandbox.JsonHttp;
import dev.accordhub.sandbox.SandboxRequest;
import dev.accordhub.sandbox.SandboxResponse;
import dev.accordhub.sandbox.TokenRegistry;
import java.util.Map;
import java.util.Objects;

/** {@code POST /oauth/v1/token} with the refresh-token grant, the one a server-side integration uses. */
final class HubSpotOAuth {

    static final int EXPIRES_IN_SECONDS = 1800;

    private final HubSpotSandboxConfig config;
    private final TokenRegistry tokens;

    HubSpotOAuth(HubSpotSandboxConfig config, TokenRegistry tokens) {
        this.config = config;
        this.tokens = tokens;
    }

    SandboxResponse token(SandboxRequest request) {
        if (!request.method().equals("POST")) {
            return refused("BAD_REQUEST", "The token endpoint takes POST");
        }
        Map<String, String> form = request.form();
        if (!"refresh_token".equals(form.get("grant_type"))) {
            return refused("BAD_GRANT_TYPE", "grant_type must be refresh_token, got " + form.get("grant_type"));
        }
        boolean clientOk = Objects.equals(form.get("client_id"), config.clientId())
                && Objects.equals(form.get("client_secret"), config.clientSecret());
        if (!clientOk || !Objects.equals(form.get("refresh_token"), config.refreshToken())) {
            return refused("BAD_REFRESH_TOKEN", "missing or unknown refresh token, or client id/secret do not match");
        }
        ObjectNode body = JsonHttp.object()
                .put("access_token", tokens.issue("CNb"))
                .put("refresh_token", config.refreshToken())
                .put("expires_in", EXPIRES_IN_SECONDS)
                .put("token_type", "bearer");
        return SandboxResponse.json(200, body);
    }

    private static SandboxResponse refused(String status, String message) {
        return SandboxResponse.json(400, JsonHttp.object().put("status", status).put("message", message));
    }
}
