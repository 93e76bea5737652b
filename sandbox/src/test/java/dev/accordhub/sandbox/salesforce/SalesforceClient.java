package dev.accordhub.sandbox.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accordhub.sandbox.SandboxHttp.Reply;
import dev.accordhub.sandbox.SandboxHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the tests say to the Salesforce sandbox, over HTTP, in the requests camel-salesforce sends. */
final class SalesforceClient {

    static final String DATA = "/services/data/v56.0/";

    final SandboxHttp http = new SandboxHttp();
    private final String baseUrl;

    SalesforceClient(SalesforceSandbox sandbox) {
        this.baseUrl = sandbox.baseUrl();
    }

    Reply requestToken(Map<String, String> form) {
        return http.postForm(baseUrl + "/services/oauth2/token", form);
    }

    SalesforceClient login() {
        Reply reply = requestToken(Map.of(
                "grant_type", "client_credentials",
                "client_id", SalesforceSandboxConfig.DEFAULT_CLIENT_ID,
                "client_secret", SalesforceSandboxConfig.DEFAULT_CLIENT_SECRET,
                "format", "json"));
        http.bearer(reply.json().get("access_token").asText());
        return this;
    }

    Reply query(String soql, String... headers) {
        return http.get(baseUrl + DATA + "query/?q=" + SandboxHttp.encode(soql), headers);
    }

    Reply queryAll(String soql) {
        return http.get(baseUrl + DATA + "queryAll/?q=" + SandboxHttp.encode(soql));
    }

    /** GETs a path as given, e.g. a {@code nextRecordsUrl}. */
    Reply get(String path) {
        return http.get(baseUrl + path);
    }

    Reply data(String method, String rest, String json) {
        return http.send(method, baseUrl + DATA + rest, json == null ? null : "application/json", json);
    }

    /** Every record of a query, following {@code nextRecordsUrl} to the end. */
    List<JsonNode> queryAllPages(String soql, String... headers) {
        List<JsonNode> records = new ArrayList<>();
        Reply reply = query(soql, headers);
        while (true) {
            JsonNode page = reply.json();
            page.get("records").forEach(records::add);
            if (page.get("done").asBoolean()) {
                return records;
            }
            reply = get(page.get("nextRecordsUrl").asText());
        }
    }
}
