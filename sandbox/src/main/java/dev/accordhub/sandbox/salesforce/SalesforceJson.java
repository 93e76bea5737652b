package dev.accordhub.sandbox.salesforce;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accordhub.sandbox.JsonHttp;
import dev.accordhub.sandbox.SandboxResponse;
import java.util.Collection;
import java.util.Map;

/** Salesforce's JSON shapes: records with {@code attributes}, save results and error lists. */
final class SalesforceJson {

    private SalesforceJson() {
    }

    static ObjectNode record(String type, String id, Map<String, Object> fields, String apiVersion) {
        ObjectNode node = JsonHttp.object();
        node.putObject("attributes")
                .put("type", type)
                .put("url", "/services/data/" + apiVersion + "/sobjects/" + type + "/" + id);
        fields.forEach((name, value) -> node.set(name, SalesforceValues.toJson(value)));
        return node;
    }

    static ObjectNode saveResult(String id) {
        ObjectNode node = JsonHttp.object().put("id", id).put("success", true);
        node.putArray("errors");
        return node;
    }

    static SandboxResponse error(SalesforceApiException e) {
        return errors(e.status(), e.errorCode(), e.getMessage(), e.fields());
    }

    static SandboxResponse errors(int status, String errorCode, String message, Collection<String> fields) {
        ArrayNode body = JsonHttp.array();
        ObjectNode error = body.addObject().put("message", message).put("errorCode", errorCode);
        if (!fields.isEmpty()) {
            ArrayNode names = error.putArray("fields");
            fields.forEach(names::add);
        }
        SandboxResponse response = SandboxResponse.json(status, body);
        // Without this header camel-salesforce reports a 401 as a protocol violation instead of logging in again.
        return status == 401 ? response.withHeader("WWW-Authenticate", "Token") : response;
    }
}
