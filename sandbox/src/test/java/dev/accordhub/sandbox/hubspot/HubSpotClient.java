package dev.accordhub.sandbox.hubspot;

import dev.accordhub.sandbox.SandboxHttp.Reply;
import dev.accordhub.sandbox.SandboxHttp;
import java.util.Map;

/** What the tests say to the HubSpot sandbox over HTTP. */
final class HubSpotClient {

    static final String OBJECTS = "/crm/v3/objects/";

    final SandboxHttp http = new SandboxHttp();
    private final String baseUrl;

    HubSpotClient(HubSpotSandbox sandbox) {
        this.baseUrl = sandbox.baseUrl();
    }

    Reply requestToken(String refreshToken) {
        return http.postForm(baseUrl + "/oauth/v1/token", Map.of(
                "grant_type", "refresh_token",
                "client_id", HubSpotSandboxConfig.DEFAULT_CLIENT_ID,
                "client_secret", HubSpotSandboxConfig.DEFAULT_CLIENT_SECRET,
                "refresh_token", refreshToken));
    }

    HubSpotClient login() {
        http.bearer(requestToken(HubSpotSandboxConfig.DEFAULT_REFRESH_TOKEN).json().get("access_token").asText());
        return this;
    }

    Reply get(String pathAndQuery) {
        return http.get(baseUrl + pathAndQuery);
    }

    Reply create(String type, String propertiesJson) {
        return http.postJson(baseUrl + OBJECTS + type, "{\"properties\":" + propertiesJson + "}");
    }

    Reply update(String type, String id, String propertiesJson) {
        return http.patchJson(baseUrl + OBJECTS + type + "/" + id, "{\"properties\":" + propertiesJson + "}");
    }

    Reply delete(String type, String id) {
        return http.delete(baseUrl + OBJECTS + type + "/" + id);
    }

    Reply search(String type, String requestJson) {
        return http.postJson(baseUrl + OBJECTS + type + "/search", requestJson);
    }
}
