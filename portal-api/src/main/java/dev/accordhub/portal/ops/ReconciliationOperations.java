package dev.accordhub.portal.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accordhub.portal.common.ApiResult;
import dev.accordhub.portal.common.Problems;
import dev.accordhub.routes.reconcile.ReconciliationReport;
import dev.accordhub.routes.reconcile.ReconciliationService;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /api/v1/ops/reconciliation}: the run in progress (with its counters as they are now) and the last finished
 * one; POST starts a run (202), or answers 409 with the run that is still going.
 */
public class ReconciliationOperations {

    private final ReconciliationService service;
    private final ObjectMapper json;

    public ReconciliationOperations(ReconciliationService service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    public ApiResult status() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        var current = service.current().orElse(null);
        body.put("state", current == null ? "IDLE" : "RUNNING");
        body.put("schedule", service.properties().enabled()
                ? "every " + service.properties().interval().toString().substring(2).toLowerCase(java.util.Locale.ROOT)
                : "off (on demand only)");
        body.put("repair", service.properties().repair());
        body.put("current", current);
        body.put("last", service.last().orElse(null));
        return ApiResult.ok(json.writeValueAsString(body));
    }

    public ApiResult history() throws Exception {
        return ApiResult.ok(json.writeValueAsString(Map.of("items", service.history())));
    }

    public ApiResult start() throws Exception {
        var started = service.start(ReconciliationReport.Trigger.ON_DEMAND);
        if (started.isPresent()) {
            return new ApiResult(202, ApiResult.JSON, json.writeValueAsString(started.get()));
        }
        return Problems.problem(409, "reconciliation-running", "A reconciliation run is going",
                "Run " + service.current().map(ReconciliationReport::id).orElse("?")
                        + " is still going; follow it at GET /api/v1/ops/reconciliation");
    }
}
