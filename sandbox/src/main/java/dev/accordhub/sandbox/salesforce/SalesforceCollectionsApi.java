package dev.accordhub.sandbox.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accordhub.sandbox.JsonHttp;
import dev.accordhub.sandbox.SandboxRequest;
import dev.accordhub.sandbox.SandboxResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code composite/sobjects}, sObject Collections: {@code PATCH} updates up to 200 records in one request, in the
 * order given, and answers 200 with one SaveResult per record in that order (a failed record has
 * {@code success: false} and its errors; the others are saved). With {@code allOrNone: true} one failure saves
 * none, and the valid records answer {@code ALL_OR_NONE_OPERATION_ROLLED_BACK}. A malformed request (no
 * {@code records} list, more than 200) is a 400 for the whole request. Creating and deleting through collections
 * are not emulated: 405.
 */
final class SalesforceCollectionsApi {

    static final int MAX_RECORDS = 200;

    private final SalesforceStore store;

    SalesforceCollectionsApi(SalesforceStore store) {
        this.store = store;
    }

    /** @param rest the path after {@code composite} */
    SandboxResponse handle(SandboxRequest request, String method, List<String> rest) {
        if (rest.size() != 1 || !rest.get(0).equals("sobjects")) {
            throw SalesforceApiException.notFound();
        }
        if (!method.equals("PATCH")) {
            return SalesforceJson.errors(405, "METHOD_NOT_ALLOWED",
                    "HTTP Method '" + method + "' not allowed. Allowed are PATCH", List.of());
        }
        JsonNode body = request.json();
        if (body == null || !body.isObject() || !body.path("records").isArray()) {
            throw SalesforceApiException.jsonParse("The request body must be a JSON object with a records list");
        }
        JsonNode records = body.get("records");
        if (records.size() > MAX_RECORDS) {
            throw new SalesforceApiException(400, "EXCEEDED_ID_LIMIT",
                    "record limit reached. cannot submit more than " + MAX_RECORDS + " records into this call");
        }
        boolean allOrNone = body.path("allOrNone").asBoolean(false);

        List<SalesforceStore.Update> updates = new ArrayList<>(records.size());
        for (JsonNode record : records) {
            SalesforceApiException problem = problemWith(record);
            updates.add(problem != null ? new SalesforceStore.Update(null, null, null, problem)
                    : new SalesforceStore.Update(record.path("attributes").path("type").asText(),
                            record.path("id").asText(), fields(record), null));
        }
        List<SalesforceApiException> failures = store.updateAll(updates, allOrNone);

        boolean anyFailed = failures.stream().anyMatch(f -> f != null);
        ArrayNode results = JsonHttp.array();
        for (int i = 0; i < records.size(); i++) {
            SalesforceApiException failure = failures.get(i);
            if (failure != null) {
                results.add(failed(failure.errorCode(), failure.getMessage(), failure.fields()));
            } else if (allOrNone && anyFailed) {
                results.add(failed("ALL_OR_NONE_OPERATION_ROLLED_BACK", "Record rolled back because not all records "
                        + "were valid and the request was using AllOrNone header", List.of()));
            } else {
                results.add(SalesforceJson.saveResult(updates.get(i).id()));
            }
        }
        return SandboxResponse.json(200, results);
    }

    private static SalesforceApiException problemWith(JsonNode record) {
        if (!record.isObject()) {
            return SalesforceApiException.jsonParse("Each record must be a JSON object");
        }
        if (!record.path("attributes").path("type").isTextual()) {
            return new SalesforceApiException(400, "INVALID_TYPE", "Each record must have attributes with a type");
        }
        if (!record.path("id").isTextual() || record.path("id").asText().isBlank()) {
            return new SalesforceApiException(400, "MISSING_ARGUMENT", "Id not specified in an update call",
                    List.of("Id"));
        }
        return null;
    }

    private static Map<String, Object> fields(JsonNode record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        record.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("attributes") && !e.getKey().equalsIgnoreCase("id")) {
                fields.put(e.getKey(), SalesforceValues.fromJson(e.getValue()));
            }
        });
        return fields;
    }

    private static ObjectNode failed(String statusCode, String message, List<String> fields) {
        ObjectNode node = JsonHttp.object().put("success", false);
        ObjectNode error = node.putArray("errors").addObject().put("statusCode", statusCode).put("message", message);
        ArrayNode names = error.putArray("fields");
        fields.forEach(names::add);
        return node;
    }
}
