package dev.accordhub.sandbox.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accordhub.sandbox.JsonHttp;
import dev.accordhub.sandbox.SandboxRequest;
import dev.accordhub.sandbox.SandboxResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /crm/v3/objects/{type}[/{id} | /search | /batch/update]}: list with paging, read, create, update, archive,
 * search, and updates in batches of up to 100.
 */
final class HubSpotObjectsApi {

    static final int DEFAULT_LIST_LIMIT = 10;
    static final int MAX_LIST_LIMIT = 100;
    static final int MAX_BATCH = 100;

    private final HubSpotStore store;
    private final HubSpotSearch search;
    private final Supplier<String> baseUrl;

    HubSpotObjectsApi(HubSpotStore store, HubSpotSearch search, Supplier<String> baseUrl) {
        this.store = store;
        this.search = search;
        this.baseUrl = baseUrl;
    }

    /** @param rest the path after {@code objects}: type, then nothing, an id, {@code search} or {@code batch/update} */
    SandboxResponse handle(SandboxRequest request, List<String> rest) {
        boolean batchUpdate = rest.size() == 3 && rest.get(1).equals("batch") && rest.get(2).equals("update");
        if (rest.isEmpty() || rest.size() > 2 && !batchUpdate) {
            throw new HubSpotApiException(404, "OBJECT_NOT_FOUND", "Resource not found");
        }
        HubSpotObjectType type = HubSpotObjectType.fromPath(rest.get(0))
                .orElseThrow(() -> HubSpotApiException.validation("Unable to infer object type from: " + rest.get(0)));
        String method = request.method();
        if (batchUpdate) {
            return method.equals("POST") ? batchUpdate(type, request.json()) : notAllowed(method);
        }
        if (rest.size() == 1) {
            return switch (method) {
                case "GET" -> SandboxResponse.json(200, list(request, type));
                case "POST" -> SandboxResponse.json(201, write(type, null, request));
                default -> notAllowed(method);
            };
        }
        String idOrAction = rest.get(1);
        if (idOrAction.equals("search")) {
            return method.equals("POST") ? SandboxResponse.json(200, search.search(type, request.json())) : notAllowed(method);
        }
        return switch (method) {
            case "GET" -> SandboxResponse.json(200, read(request, type, idOrAction));
            case "PATCH" -> SandboxResponse.json(200, write(type, idOrAction, request));
            case "DELETE" -> {
                store.archive(type, idOrAction);
                yield SandboxResponse.empty(204);
            }
            default -> notAllowed(method);
        };
    }

    private ObjectNode list(SandboxRequest request, HubSpotObjectType type) {
        int limit = request.queryParam("limit").map(HubSpotObjectsApi::parseLimit).orElse(DEFAULT_LIST_LIMIT);
        long after = request.queryParam("after").map(HubSpotObjectsApi::parseAfter).orElse(0L);
        boolean archived = request.queryParam("archived").map(Boolean::parseBoolean).orElse(false);
        List<String> properties = properties(request);
        // The cursor is the id to resume at: stable while objects are created or archived between pages.
        List<HubSpotObject> remaining = store.list(type, archived).stream()
                .filter(o -> Long.parseLong(o.id()) >= after)
                .toList();
        ObjectNode body = JsonHttp.object();
        ArrayNode results = body.putArray("results");
        remaining.stream().limit(limit).forEach(o -> results.add(HubSpotJson.object(type, o, properties)));
        if (remaining.size() > limit) {
            String next = remaining.get(limit).id();
            String link = baseUrl.get() + "/crm/v3/objects/" + type.path() + "?after=" + next + "&limit=" + limit
                    + (properties.isEmpty() ? "" : "&properties=" + String.join(",", properties))
                    + (archived ? "&archived=true" : "");
            body.putObject("paging").putObject("next").put("after", next).put("link", link);
        }
        return body;
    }

    private ObjectNode read(SandboxRequest request, HubSpotObjectType type, String id) {
        boolean archived = request.queryParam("archived").map(Boolean::parseBoolean).orElse(false);
        HubSpotObject object = store.get(type, id, archived)
                .filter(o -> o.archived() == archived)
                .orElseThrow(HubSpotApiException::notFound);
        return HubSpotJson.object(type, object, properties(request));
    }

    /** Create when {@code id} is null, else update; the answer shows what was written plus the defaults. */
    private ObjectNode write(HubSpotObjectType type, String id, SandboxRequest request) {
        Map<String, String> given = propertiesOf(request.json());
        HubSpotObject saved = id == null ? store.create(type, given) : store.update(type, id, given);
        List<String> shown = new ArrayList<>(type.defaultProperties());
        shown.addAll(given.keySet());
        return HubSpotJson.object(type, saved, shown);
    }

    /**
     * {@code POST batch/update}: up to 100 inputs {@code {"id", "properties"}}. 200 with the saved objects when all
     * were there; 207 with an {@code OBJECT_NOT_FOUND} error naming the missing ids when some were not (the others
     * are saved); 400 for the whole batch when it is malformed, holds an id twice or sets an invalid value.
     */
    private SandboxResponse batchUpdate(HubSpotObjectType type, JsonNode body) {
        Instant started = Instant.now();
        JsonNode inputs = body == null ? null : body.get("inputs");
        if (inputs == null || !inputs.isArray()) {
            throw HubSpotApiException.validation("Invalid input JSON: expected {\"inputs\":[{\"id\":...,\"properties\":{...}}]}");
        }
        if (inputs.size() > MAX_BATCH) {
            throw HubSpotApiException.validation("Batch input is limited to " + MAX_BATCH + " inputs; got " + inputs.size());
        }
        List<Map.Entry<String, Map<String, String>>> updates = new ArrayList<>(inputs.size());
        java.util.Set<String> ids = new java.util.HashSet<>();
        java.util.Set<String> duplicates = new java.util.TreeSet<>();
        for (JsonNode input : inputs) {
            JsonNode id = input.get("id");
            if (id == null || !id.isValueNode() || id.asText().isBlank()) {
                throw HubSpotApiException.validation("Each input needs an \"id\"");
            }
            if (!ids.add(id.asText())) {
                duplicates.add(id.asText());
            }
            updates.add(Map.entry(id.asText(), propertiesOf(input)));
        }
        if (!duplicates.isEmpty()) {
            throw HubSpotApiException.validation("Duplicate IDs found in batch input: " + duplicates
                    + ". IDs must be unique");
        }
        HubSpotStore.BatchUpdate done = store.updateBatch(type, updates);
        ObjectNode answer = JsonHttp.object().put("status", "COMPLETE");
        ArrayNode results = answer.putArray("results");
        for (int i = 0; i < done.saved().size(); i++) {
            HubSpotObject saved = done.saved().get(i);
            List<String> shown = new ArrayList<>(type.defaultProperties());
            updates.stream().filter(u -> u.getKey().equals(saved.id())).findFirst()
                    .ifPresent(u -> shown.addAll(u.getValue().keySet()));
            results.add(HubSpotJson.object(type, saved, shown));
        }
        if (!done.missing().isEmpty()) {
            answer.put("numErrors", 1);
            ObjectNode error = answer.putArray("errors").addObject().put("status", "error")
                    .put("category", "OBJECT_NOT_FOUND")
                    .put("message", "Could not get some " + type.path().toUpperCase(java.util.Locale.ROOT)
                            + " objects, they may be deleted or not exist. Check that ids are valid.");
            ArrayNode missing = error.putObject("context").putArray("ids");
            done.missing().forEach(missing::add);
        }
        answer.put("startedAt", started.toString()).put("completedAt", Instant.now().toString());
        return SandboxResponse.json(done.missing().isEmpty() ? 200 : 207, answer);
    }

    private static Map<String, String> propertiesOf(JsonNode body) {
        JsonNode properties = body == null ? null : body.get("properties");
        if (properties == null || !properties.isObject()) {
            throw HubSpotApiException.validation("Invalid input JSON: expected {\"properties\":{...}}");
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.fields().forEachRemaining(e -> {
            JsonNode value = e.getValue();
            if (value.isContainerNode()) {
                throw HubSpotApiException.validation("Property \"" + e.getKey() + "\" must be a string, number or boolean");
            }
            values.put(e.getKey(), value.isNull() ? "" : value.isNumber() ? value.decimalValue().toPlainString() : value.asText());
        });
        return values;
    }

    /** {@code properties=a,b} and {@code properties=a&properties=b} both work, as on HubSpot. */
    private static List<String> properties(SandboxRequest request) {
        return request.queryParams("properties").stream()
                .flatMap(p -> Arrays.stream(p.split(",")))
                .map(String::trim)
                .filter(p -> !p.isEmpty())
                .toList();
    }

    private static int parseLimit(String text) {
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIST_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw HubSpotApiException.validation("limit must be between 1 and " + MAX_LIST_LIMIT + ", got " + text);
    }

    private static long parseAfter(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw HubSpotApiException.validation("after must be the value of paging.next.after, got " + text);
        }
    }

    private static SandboxResponse notAllowed(String method) {
        return HubSpotJson.error(new HubSpotApiException(405, "METHOD_NOT_ALLOWED", "Method " + method + " is not allowed here"));
    }
}
