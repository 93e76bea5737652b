package dev.accordhub.connectors.hubspot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accordhub.model.program.EntityMapping;
import dev.accordhub.model.program.ProgramDefinition;
import dev.accordhub.model.source.ContactWriter;
import dev.accordhub.model.source.DealWriter;
import dev.accordhub.model.source.SourceClient;
import dev.accordhub.model.source.SourcePage;
import java.time.Clock;
import dev.accordhub.model.source.SourceRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;

/**
 * Reads one program's HubSpot portal through the CRM v3 search API over camel-http: records modified at or after
 * the watermark, oldest first. HubSpot stops a search at 10,000 results, which keyset paging never reaches.
 */
public final class HubSpotConnector implements SourceClient, DealWriter, ContactWriter,
        dev.accordhub.model.source.SourceApiUsage {

    public static final String SYSTEM = "hubspot";
    static final int PAGE_SIZE = 100;
    static final int SEARCH_RESULT_CAP = 10_000;

    private final HubSpotHttp http;
    private final HubSpotTokenProvider tokens;
    private final HubSpotRecordReader reader;
    private final ObjectMapper json;

    public HubSpotConnector(CamelContext camel, ProgramDefinition program, ObjectMapper json) {
        String baseUrl = program.connection("base-url");
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("Program '" + program.id()
                    + "': connection.base-url is required for a HubSpot program (https://api.hubapi.com)");
        }
        if (program.connection("access-token") == null && program.connection("refresh-token") == null) {
            throw new IllegalArgumentException("Program '" + program.id()
                    + "': connection.access-token (private app) or connection.refresh-token (OAuth) is required");
        }
        this.http = new HubSpotHttp(camel, baseUrl);
        this.tokens = new HubSpotTokenProvider(http, program.connection(), json, Clock.systemUTC());
        this.reader = new HubSpotRecordReader(json);
        this.json = json;
    }

    @Override
    public SourcePage changedSince(EntityMapping mapping, Instant since) {
        return search(mapping, since.toEpochMilli(), "0");
    }

    @Override
    public SourcePage nextPage(EntityMapping mapping, String cursor) {
        int colon = cursor.indexOf(':');
        return search(mapping, Long.parseLong(cursor.substring(0, colon)), cursor.substring(colon + 1));
    }

    /**
     * Archived objects since {@code since}: the list API with {@code archived=true}, read to its end (it has no
     * date filter) and sorted by archiving time, so the poller can checkpoint it like any page.
     */
    @Override
    public SourcePage deletedSince(EntityMapping mapping, Instant since) {
        String properties = String.join(",", mapping.sourceFields().stream().filter(f -> !"id".equals(f)).toList());
        List<SourceRecord> archived = new ArrayList<>();
        String after = null;
        do {
            String path = "/crm/v3/objects/" + mapping.object();
            String query = "archived=true&limit=" + PAGE_SIZE + "&properties=" + properties
                    + (after == null ? "" : "&after=" + after);
            HubSpotHttp.Answer answer = sendAuthorized("GET", path, query, null, null);
            if (answer.status() != 200) {
                throw new IllegalStateException("HubSpot refused the archived list of " + mapping.object() + " ("
                        + answer.status() + "): " + answer.body());
            }
            HubSpotRecordReader.Results results = reader.read(answer.body());
            results.records().stream().filter(r -> r.version() != null && !r.version().isBefore(since))
                    .forEach(archived::add);
            after = results.after();
        } while (after != null);
        archived.sort(Comparator.comparing(SourceRecord::version).thenComparing(SourceRecord::externalId));
        return new SourcePage(archived, null);
    }

    static String modifiedProperty(String object) {
        return "contacts".equals(object) ? "lastmodifieddate" : "hs_lastmodifieddate";
    }

    private SourcePage search(EntityMapping mapping, long sinceMillis, String after) {
        String body = searchBody(mapping, sinceMillis, after);
        String path = "/crm/v3/objects/" + mapping.object() + "/search";
        HubSpotHttp.Answer answer = sendAuthorized("POST", path, null, "application/json", body);
        if (answer.status() != 200) {
            throw new IllegalStateException("HubSpot refused the search of " + mapping.object() + " ("
                    + answer.status() + "): " + answer.body());
        }
        HubSpotRecordReader.Results results = reader.read(answer.body());
        return new SourcePage(results.records(), nextCursor(results, sinceMillis));
    }

    /**
     * Pages by key, not by offset: the next page searches again from the last record's stamp, so a record modified
     * while we page (and so moved to the end of the result) cannot shift an unseen one past us. Only inside a run
     * of records sharing one stamp does it follow HubSpot's {@code after}.
     */
    private static String nextCursor(HubSpotRecordReader.Results results, long sinceMillis) {
        if (results.after() == null || results.records().isEmpty()) {
            return null;
        }
        Instant last = results.records().get(results.records().size() - 1).version();
        if (last != null && last.toEpochMilli() > sinceMillis) {
            return last.toEpochMilli() + ":0";
        }
        long after = Long.parseLong(results.after());
        return after + PAGE_SIZE <= SEARCH_RESULT_CAP ? sinceMillis + ":" + after : null;
    }

    /** A call with the bearer token; on 401 the token is renewed once and the call repeated. */
    /**
     * Finds the deal whose registration-id property holds the id (CRM v3 search, EQ) and updates it, or creates
     * it: a redelivered write finds the record the first attempt created. Every property is sent as text, as
     * HubSpot's API takes them.
     */
    @Override
    public String upsertDeal(EntityMapping mapping, String registrationId, Map<String, Object> fields) {
        String idProperty = mapping.sourceField("registrationId");
        ObjectNode body = json.createObjectNode();
        ObjectNode properties = body.putObject("properties");
        fields.forEach((name, value) -> properties.put(name, value == null ? "" : value.toString()));
        properties.put(idProperty, registrationId);
        String path = "/crm/v3/objects/" + mapping.object();
        String existing = findByProperty(mapping.object(), idProperty, registrationId);
        HubSpotHttp.Answer answer = existing == null
                ? sendAuthorized("POST", path, null, "application/json", body.toString())
                : sendAuthorized("PATCH", path + "/" + existing, null, "application/json", body.toString());
        if (answer.status() != 200 && answer.status() != 201) {
            throw new IllegalStateException("HubSpot refused the " + mapping.object() + " write for registration "
                    + registrationId + " (" + answer.status() + "): " + answer.body());
        }
        try {
            return json.readTree(answer.body()).path("id").asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("HubSpot answered a write with unreadable JSON: " + e.getMessage(), e);
        }
    }

    /** The contact with this e-mail (HubSpot keeps e-mails unique), updated; or a new one. */
    @Override
    public String upsertContact(EntityMapping mapping, String email, Map<String, Object> fields) {
        ObjectNode body = json.createObjectNode();
        ObjectNode properties = body.putObject("properties");
        fields.forEach((name, value) -> properties.put(name, value == null ? "" : value.toString()));
        String path = "/crm/v3/objects/" + mapping.object();
        String existing = findByProperty(mapping.object(), mapping.sourceField("email"), email);
        HubSpotHttp.Answer answer = existing == null
                ? sendAuthorized("POST", path, null, "application/json", body.toString())
                : sendAuthorized("PATCH", path + "/" + existing, null, "application/json", body.toString());
        if (answer.status() != 200 && answer.status() != 201) {
            throw new IllegalStateException("HubSpot refused the contact write for " + email + " ("
                    + answer.status() + "): " + answer.body());
        }
        try {
            return json.readTree(answer.body()).path("id").asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("HubSpot answered a write with unreadable JSON: " + e.getMessage(), e);
        }
    }

    private String findByProperty(String object, String property, String value) {
        ObjectNode search = json.createObjectNode();
        search.putArray("filterGroups").addObject().putArray("filters").addObject()
                .put("propertyName", property).put("operator", "EQ").put("value", value);
        search.put("limit", 1);
        HubSpotHttp.Answer answer = sendAuthorized("POST", "/crm/v3/objects/" + object + "/search", null,
                "application/json", search.toString());
        if (answer.status() != 200) {
            throw new IllegalStateException("HubSpot refused the search of " + object + " by " + property + " ("
                    + answer.status() + "): " + answer.body());
        }
        List<SourceRecord> found = reader.read(answer.body()).records();
        return found.isEmpty() ? null : found.get(0).externalId();
    }

    private HubSpotHttp.Answer sendAuthorized(String method, String path, String query, String contentType,
            String body) {
        HubSpotHttp.Answer answer = http.send(method, path, query, contentType, body, auth());
        if (answer.status() == 401) {
            tokens.invalidate();
            answer = http.send(method, path, query, contentType, body, auth());
        }
        return answer;
    }

    private Map<String, String> auth() {
        return Map.of("Authorization", "Bearer " + tokens.token());
    }

    private String searchBody(EntityMapping mapping, long sinceMillis, String after) {
        String modified = modifiedProperty(mapping.object());
        ObjectNode root = json.createObjectNode();
        ObjectNode filter = root.putArray("filterGroups").addObject().putArray("filters").addObject();
        filter.put("propertyName", modified).put("operator", "GTE").put("value", Long.toString(sinceMillis));
        root.putArray("sorts").addObject().put("propertyName", modified).put("direction", "ASCENDING");
        Set<String> properties = new LinkedHashSet<>(mapping.sourceFields());
        properties.add(modified);
        properties.remove("id");
        properties.forEach(root.putArray("properties")::add);
        root.put("limit", PAGE_SIZE).put("after", after);
        try {
            return json.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public long apiCalls() {
        return http.usage().apiCalls();
    }

    @Override
    public java.util.Optional<Allowance> apiAllowance() {
        return http.usage().apiAllowance();
    }
}
