package dev.accordhub.portal.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.map.IMap;
import dev.accordhub.model.identity.IdentityCommand;
import dev.accordhub.model.identity.StewardshipTask;
import dev.accordhub.portal.common.ApiResult;
import dev.accordhub.portal.common.Problems;
import dev.accordhub.routes.Topics;
import dev.accordhub.routes.consolidate.GoldenStore;
import dev.accordhub.routes.consolidate.identity.StewardshipStore;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * The operators' identity API: the stewardship queue, merges and unmerges, a record's identity history. Requests
 * are checked at once (unknown record or task: 404, a decided task: 409, bad body: 400) and then queued as
 * {@link IdentityCommand}s on Kafka, which the consolidation route applies in order with source changes: 202.
 */
public class IdentityOperations {

    private final IMap<String, HazelcastJsonValue> partners;
    private final StewardshipStore stewardship;
    private final ProducerTemplate kafka;
    private final ObjectMapper json;
    private final Clock clock;

    public IdentityOperations(HazelcastInstance hazelcast, StewardshipStore stewardship, ProducerTemplate kafka,
            ObjectMapper json, Clock clock) {
        this.partners = hazelcast.getMap(GoldenStore.PARTNERS);
        this.stewardship = stewardship;
        this.kafka = kafka;
        this.json = json;
        this.clock = clock;
    }

    public ApiResult tasks(String status) throws JsonProcessingException {
        StewardshipTask.Status wanted = Problems.status(status, StewardshipTask.Status.class,
                StewardshipTask.Status.OPEN);
        if (wanted == null) {
            return Problems.badRequest("status must be one of OPEN, ACCEPTED, REJECTED");
        }
        return ApiResult.ok(json.writeValueAsString(java.util.Map.of("items", stewardship.tasks(wanted))));
    }

    public ApiResult decide(String taskId, String decision) throws Exception {
        var task = stewardship.task(taskId);
        if (task.isEmpty()) {
            return Problems.notFound("Stewardship task", taskId);
        }
        if (task.get().status() != StewardshipTask.Status.OPEN) {
            return Problems.problem(409, "task-decided", "Task already decided",
                    "Task " + taskId + " was " + task.get().status());
        }
        IdentityCommand.Type type = "accept".equals(decision) ? IdentityCommand.Type.ACCEPT : IdentityCommand.Type.REJECT;
        return submit(new IdentityCommand(UUID.randomUUID().toString(), type, task.get().goldenId(),
                task.get().candidateId(), null, taskId, clock.instant(), "operator"));
    }

    public ApiResult merge(String survivorId, String body) throws Exception {
        JsonNode request = parse(body);
        String otherId = request == null ? null : request.path("otherId").asText(null);
        if (otherId == null || otherId.isBlank()) {
            return Problems.badRequest("Body must name the partner to merge in: {\"otherId\": \"...\"}");
        }
        if (survivorId.equals(otherId)) {
            return Problems.badRequest("A partner cannot be merged with itself");
        }
        for (String id : new String[] {survivorId, otherId}) {
            if (!partners.containsKey(id)) {
                return Problems.notFound("Partner", id);
            }
        }
        return submit(new IdentityCommand(UUID.randomUUID().toString(), IdentityCommand.Type.MERGE, survivorId,
                otherId, null, null, clock.instant(), "operator"));
    }

    public ApiResult unmerge(String goldenId, String body) throws Exception {
        JsonNode request = parse(body);
        String program = request == null ? null : request.path("program").asText(null);
        String externalId = request == null ? null : request.path("externalId").asText(null);
        if (program == null || externalId == null) {
            return Problems.badRequest("Body must name the source to take out: "
                    + "{\"program\": \"vantage\", \"externalId\": \"...\"}");
        }
        HazelcastJsonValue partner = partners.get(goldenId);
        if (partner == null) {
            return Problems.notFound("Partner", goldenId);
        }
        boolean hasSource = false;
        int sources = 0;
        for (JsonNode ref : json.readTree(partner.getValue()).path("sources")) {
            sources++;
            hasSource |= program.equals(ref.path("program").asText()) && externalId.equals(ref.path("externalId").asText());
        }
        if (!hasSource) {
            return Problems.problem(422, "unknown-source", "Not a source of this partner",
                    "Partner " + goldenId + " has no source " + program + "/" + externalId);
        }
        if (sources < 2) {
            return Problems.problem(422, "single-source", "Nothing to unmerge", "Partner " + goldenId
                    + " has only this source");
        }
        return submit(new IdentityCommand(UUID.randomUUID().toString(), IdentityCommand.Type.UNMERGE, goldenId,
                null, program + ":partner:" + externalId, null, clock.instant(), "operator"));
    }

    public ApiResult history(String goldenId) throws JsonProcessingException {
        HazelcastJsonValue partner = partners.get(goldenId);
        var history = stewardship.history(goldenId);
        if (partner == null && history.isEmpty()) {
            return Problems.notFound("Partner", goldenId);
        }
        var body = json.createObjectNode().put("partnerId", goldenId);
        body.set("sources", partner == null ? json.createArrayNode() : json.readTree(partner.getValue()).path("sources"));
        body.set("history", json.valueToTree(history));
        return ApiResult.ok(json.writeValueAsString(body));
    }

    private ApiResult submit(IdentityCommand command) throws Exception {
        String value = json.writeValueAsString(command);
        kafka.asyncRequestBodyAndHeader("kafka:" + Topics.IDENTITY_COMMANDS, value, KafkaConstants.KEY, command.id())
                .get(10, TimeUnit.SECONDS);
        return new ApiResult(202, ApiResult.JSON, json.writeValueAsString(java.util.Map.of(
                "commandId", command.id(), "type", command.type(), "status", "ACCEPTED_FOR_PROCESSING")));
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
