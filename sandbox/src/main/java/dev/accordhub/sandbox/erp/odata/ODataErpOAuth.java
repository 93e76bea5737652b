package dev.accordhub.sandbox.erp.odata;

import dev.accordhub.sandbox.JsonHttp;
import dev.accordhub.sandbox.SandboxRequest;
import dev.accordhub.sandbox.SandboxResponse;
import dev.accordhub.sandbox.TokenRegistry;
import java.util.Map;
import java.util.Objects;

/**
 * {@code POST [/{tenant}]/oauth2/v2.0/token} with the client-credentials grant, as Microsoft Entra ID issues tokens
 * for Dynamics 365: form fields client_id, client_secret, grant_type and a scope ending in {@code /.default}.
 */
final class ODataErpOAuth {

    static final int EXPIRES_IN_SECONDS = 3599;

    private final ODataErpSandboxConfig config;
    private final TokenRegistry tokens;

    ODataErpOAuth(ODataErpSandboxConfig config, TokenRegistry tokens) {
        this.config = config;
        this.tokens = tokens;
    }

    static boolean isTokenPath(SandboxRequest request) {
        int n = request.path().size();
        return n >= 3 && request.path().get(n - 3).equals("oauth2") && request.path().get(n - 2).equals("v2.0")
                && request.path().get(n - 1).equals("token");
    }

    SandboxResponse token(SandboxRequest request) {
        if (!request.method().equals("POST")) {
            return refused(405, "invalid_request", "AADSTS900561: The endpoint only accepts POST requests.");
        }
        Map<String, String> form = request.form();
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return refused(400, "unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant type '"
                    + form.get("grant_type") + "'.");
        }
        String scope = form.get("scope");
        if (scope == null || !scope.endsWith("/.default")) {
            return refused(400, "invalid_scope", "AADSTS1002012: The provided value for scope " + scope
                    + " is not valid. Client credential flows must have a scope value with /.default suffixed.");
        }
        if (!Objects.equals(form.get("client_id"), config.clientId())
                || !Objects.equals(form.get("client_secret"), config.clientSecret())) {
            return refused(401, "invalid_client", "AADSTS7000215: Invalid client secret provided, or unknown"
                    + " application '" + form.get("client_id") + "'.");
        }
        return SandboxResponse.json(200, JsonHttp.object()
                .put("token_type", "Bearer")
                .put("expires_in", EXPIRES_IN_SECONDS)
                .put("ext_expires_in", EXPIRES_IN_SECONDS)
                .put("access_token", tokens.issue("eyJ0eXAiOiJKV1Qi.")));
    }

    private static SandboxResponse refused(int status, String error, String description) {
        return SandboxResponse.json(status, JsonHttp.object().put("error", error)
                .put("error_description", description));
    }
}
