package dev.accordhub.sandbox.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.accordhub.sandbox.JsonHttp;
import dev.accordhub.sandbox.SandboxRequest;
import dev.accordhub.sandbox.SandboxResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sobjects/{Type}[/{id} | /{ExternalIdField}/{value}]}: get, create, update, upsert, delete. The path
 * segments arrive decoded one by one, so an external id value may hold an encoded slash.
 */
final class SalesforceSObjectApi {

    private final SalesforceStore store;

    SalesforceSObjectApi(SalesforceStore store) {
        this.store = store;
    }

    /** @param rest the path after {@code sobjects}: type, then id or external id field and value */
    SandboxResponse handle(SandboxRequest request, String method, String apiVersion, List<String> rest) {
        if (rest.isEmpty() || rest.size() > 3) {
            throw SalesforceApiException.notFound();
        }
        String type = store.schema().require(rest.get(0)).name();
        return switch (rest.size()) {
            case 1 -> onType(request, method, type);
            case 2 -> onRecord(request, method, apiVersion, type, rest.get(1));
            default -> onExternalId(request, method, apiVersion, type, rest.get(1), rest.get(2));
        };
    }

    private SandboxResponse onType(SandboxRequest request, String method, String type) {
        if (!method.equals("POST")) {
            return notAllowed(method, "GET,HEAD,POST");
        }
        String id = store.create(type, body(request));
        return SandboxResponse.json(201, SalesforceJson.saveResult(id));
    }

    private SandboxResponse onRecord(SandboxRequest request, String method, String apiVersion, String type, String id) {
        switch (method) {
            case "GET" -> {
                Map<String, Object> record = store.get(type, id).orElseThrow(SalesforceApiException::notFound);
                return SandboxResponse.json(200, SalesforceJson.record(type, record.get("Id").toString(),
                        selected(request, type, record), apiVersion));
            }
            case "PATCH" -> {
                store.update(type, id, body(request));
                return SandboxResponse.empty(204);
            }
            case "DELETE" -> {
                store.delete(type, id);
                return SandboxResponse.empty(204);
            }
            default -> {
                return notAllowed(method, "GET,HEAD,PATCH,DELETE");
            }
        }
    }

    private SandboxResponse onExternalId(SandboxRequest request, String method, String apiVersion, String type,
                                         String field, String value) {
        switch (method) {
            case "GET", "DELETE" -> {
                List<Map<String, Object>> matches = store.findByExternalId(type, field, value);
                if (matches.isEmpty()) {
                    throw SalesforceApiException.notFound();
                }
                if (matches.size() > 1) {
                    return multipleChoices(type, matches, apiVersion);
                }
                Map<String, Object> record = matches.get(0);
                if (method.equals("DELETE")) {
                    store.delete(type, record.get("Id").toString());
                    return SandboxResponse.empty(204);
                }
                return SandboxResponse.json(200, SalesforceJson.record(type, record.get("Id").toString(),
                        selected(request, type, record), apiVersion));
            }
            case "PATCH" -> {
                SalesforceStore.UpsertResult result = store.upsert(type, field, value, body(request));
                return SandboxResponse.json(result.created() ? 201 : 200,
                        SalesforceJson.saveResult(result.id()).put("created", result.created()));
            }
            default -> {
                return notAllowed(method, "GET,HEAD,PATCH,DELETE");
            }
        }
    }

    /** All fields, or those of {@code ?fields=A,B} under their schema spelling. */
    private Map<String, Object> selected(SandboxRequest request, String type, Map<String, Object> record) {
        String fields = request.queryParam("fields").orElse("");
        if (fields.isBlank()) {
            return record;
        }
        SObjectType schemaType = store.schema().require(type);
        Map<String, Object> selected = new LinkedHashMap<>();
        Arrays.stream(fields.split(",")).map(String::trim).filter(f -> !f.isEmpty()).forEach(name -> {
            SalesforceField field = schemaType.field(name)
                    .orElseThrow(() -> SalesforceApiException.invalidField(type, name));
            selected.put(field.name(), record.get(field.name()));
        });
        return selected;
    }

    private static Map<String, Object> body(SandboxRequest request) {
        JsonNode json = request.json();
        if (json == null || !json.isObject()) {
            throw SalesforceApiException.jsonParse("The request body must be a JSON object of field values");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        json.fields().forEachRemaining(e -> fields.put(e.getKey(),
                e.getKey().equals("attributes") ? null : SalesforceValues.fromJson(e.getValue())));
        return fields;
    }

    private static SandboxResponse multipleChoices(String type, List<Map<String, Object>> matches, String apiVersion) {
        ArrayNode urls = JsonHttp.array();
        matches.forEach(m -> urls.add("/services/data/" + apiVersion + "/sobjects/" + type + "/" + m.get("Id")));
        return SandboxResponse.json(300, urls);
    }

    private static SandboxResponse notAllowed(String method, String allowed) {
        return SalesforceJson.errors(405, "METHOD_NOT_ALLOWED",
                "HTTP Method '" + method + "' not allowed. Allowed are " + allowed, List.of());
    }
}
