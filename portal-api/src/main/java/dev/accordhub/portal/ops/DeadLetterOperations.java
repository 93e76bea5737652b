package dev.accordhub.portal.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accordhub.portal.common.ApiResult;
import dev.accordhub.portal.common.Problems;
import dev.accordhub.routes.deadletter.DeadLetterService;
import dev.accordhub.routes.deadletter.DeadLetterStore;
import java.util.Map;

/** {@code /api/v1/ops/dead-letters}: list by status, retry, discard — with the HTTP status each outcome deserves. */
public class DeadLetterOperations {

    private final DeadLetterService service;
    private final ObjectMapper json;

    public DeadLetterOperations(DeadLetterService service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    public ApiResult list(String status) throws Exception {
        DeadLetterStore.Status wanted = Problems.status(status, DeadLetterStore.Status.class,
                DeadLetterStore.Status.OPEN);
        if (wanted == null) {
            return Problems.badRequest("status must be one of OPEN, RETRIED, DISCARDED");
        }
        return ApiResult.ok(json.writeValueAsString(Map.of("items", service.list(wanted))));
    }

    public ApiResult retry(String id) throws Exception {
        return answer(service.retry(id));
    }

    public ApiResult discard(String id) throws Exception {
        return answer(service.discard(id));
    }

    private ApiResult answer(DeadLetterService.Outcome outcome) throws Exception {
        return switch (outcome.result()) {
            case DONE -> ApiResult.ok(json.writeValueAsString(outcome.entry()));
            case NOT_FOUND -> Problems.problem(404, "not-found", "Dead letter not found", outcome.detail());
            case ALREADY_HANDLED -> Problems.problem(409, "dead-letter-handled", "Dead letter already handled",
                    outcome.detail());
            case STILL_FAILING -> Problems.problem(422, "still-failing", "The retry would fail again",
                    outcome.detail());
        };
    }
}
