package dev.accordhub.portal.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accordhub.portal.common.ApiResult;
import dev.accordhub.routes.deadletter.DeadLetterStore;
import dev.accordhub.routes.incentive.ErpPoller;
import dev.accordhub.routes.ingest.IngestPoller;
import dev.accordhub.routes.ingest.IngestStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.util.URISupport;

/**
 * {@code GET /api/v1/ops/overview}: what the route-health dashboard shows, in one cheap answer (it is polled every
 * few seconds): every Camel route (state, exchanges, recent rate and error rate, processing time, last error), every
 * source feed (state, records, recent rate, lag, error rate, last error) and where the open dead letters are.
 * Everything is read from what the hub already keeps: Camel's per-route meters (the micrometer route policy), its
 * route controller and inflight repository, the pollers' status, the dead-letter map; nothing is scanned.
 */
public class OpsOverview {

    static final String EXCHANGES = "camel.exchanges.total";
    static final String FAILED = "camel.exchanges.failed";
    static final String HANDLED = "camel.exchanges.failures.handled";
    static final String TIMER = "camel.route.policy";
    private static final String ROUTE_TAG = "routeId";

    private final CamelContext camel;
    private final MeterRegistry meters;
    private final List<IngestPoller> ingest;
    private final List<ErpPoller> erps;
    private final DeadLetterStore deadLetters;
    private final RouteFailures failures;
    private final RecentRates rates;
    private final ObjectMapper json;
    private final Clock clock;

    public OpsOverview(CamelContext camel, MeterRegistry meters, List<IngestPoller> ingest, List<ErpPoller> erps,
            DeadLetterStore deadLetters, RouteFailures failures, Duration rateWindow, ObjectMapper json, Clock clock) {
        this.camel = camel;
        this.meters = meters;
        this.ingest = ingest;
        this.erps = erps;
        this.deadLetters = deadLetters;
        this.failures = failures;
        this.rates = new RecentRates(rateWindow, clock);
        this.json = json;
        this.clock = clock;
    }

    public ApiResult overview() throws Exception {
        Instant now = clock.instant();
        ObjectNode body = json.createObjectNode().put("at", now.toString());
        routes(body.putArray("routes"));
        ArrayNode feeds = body.putArray("feeds");
        for (IngestPoller poller : ingest) {
            feed(feeds, poller.status(), poller.status().entity().code(), now);
        }
        for (ErpPoller poller : erps) {
            feed(feeds, poller.status(), "erp", now);
        }
        deadLetters(body.putObject("deadLetters"));
        return ApiResult.ok(json.writeValueAsString(body));
    }

    private void routes(ArrayNode out) {
        Map<String, Long> total = counts(EXCHANGES);
        Map<String, Long> failed = counts(FAILED);
        Map<String, Long> handled = counts(HANDLED);
        // A route that takes a Kafka poll per exchange (consolidation) counts its changes: those are what it handles.
        Map<String, Long> records = counts(dev.accordhub.routes.consolidate.ConsolidateRoute.RECORDS_METER);
        Map<String, Long> recordsDeadLettered =
                counts(dev.accordhub.routes.consolidate.ConsolidateRoute.DEAD_LETTERED_METER);
        Map<String, Timer> timers = new HashMap<>();
        meters.find(TIMER).timers().forEach(t -> {
            String id = t.getId().getTag(ROUTE_TAG);
            if (id != null) {
                timers.put(id, t);
            }
        });
        List<Route> routes = camel.getRoutes().stream().sorted(Comparator.comparing(Route::getRouteId)).toList();
        for (Route route : routes) {
            String id = route.getRouteId();
            boolean batches = records.containsKey(id);
            long exchanges = batches ? records.get(id) : total.getOrDefault(id, 0L);
            long failedCount = failed.getOrDefault(id, 0L);
            long handledCount = batches ? recordsDeadLettered.getOrDefault(id, 0L) : handled.getOrDefault(id, 0L);
            ServiceStatus status = camel.getRouteController().getRouteStatus(id);
            ObjectNode row = out.addObject().put("id", id)
                    .put("from", URISupport.sanitizeUri(route.getEndpoint().getEndpointBaseUri()))
                    .put("state", status == null ? "Unknown" : status.name())
                    // exchanges count its changes; its processing time is per Kafka poll
                    .put("batched", batches);
            row.putObject("exchanges").put("total", exchanges).put("failed", failedCount)
                    .put("handled", handledCount).put("inflight", camel.getInflightRepository().size(id));
            Optional<RecentRates.Change> change = rates.observe("route:" + id, exchanges, failedCount + handledCount);
            rate(row, change, 0, 1);
            Timer timer = timers.get(id);
            if (timer != null && timer.count() > 0) {
                row.put("meanMillis", round(timer.mean(TimeUnit.MILLISECONDS)))
                        .put("maxMillis", round(timer.max(TimeUnit.MILLISECONDS)));
            } else {
                row.putNull("meanMillis").putNull("maxMillis");
            }
            lastError(row, failures.of(id).orElse(null));
        }
    }

    private void feed(ArrayNode out, IngestStatus status, String feed, Instant now) {
        long problems = status.deadLettered() + status.failureCount();
        ObjectNode row = out.addObject().put("program", status.program()).put("feed", feed)
                .put("system", status.system()).put("state", status.failing() ? "DOWN" : "UP")
                .put("records", status.ingested()).put("deadLettered", status.deadLettered())
                .put("failures", status.failureCount()).put("rateLimited", status.rateLimitedCount());
        Optional<RecentRates.Change> change = rates.observe("feed:" + status.program() + ":" + feed,
                status.ingested(), problems);
        row.put("ratePerSecond", change.map(c -> round(c.perSecond(0))).orElse(null));
        // Records and failed polls that went wrong, out of all that happened in the window.
        row.put("errorRate", change.filter(c -> c.growth()[0] + c.growth()[1] > 0)
                .map(c -> round((double) c.growth()[1] / (c.growth()[0] + c.growth()[1]))).orElse(null));
        Instant upTo = status.lastSuccess() != null ? status.lastSuccess() : status.watermark();
        // A poll finishing while this answer is made may end a moment after "now": that is no lag, not a negative one.
        row.put("lagSeconds", upTo == null ? null
                : round(Math.max(0, Duration.between(upTo, now).toMillis()) / 1000.0));
        row.put("lastSuccess", status.lastSuccess() == null ? null : status.lastSuccess().toString());
        lastError(row, status.lastError() == null ? null
                : new RouteFailures.LastError(status.lastError(), status.lastErrorAt()));
    }

    private void deadLetters(ObjectNode out) {
        List<DeadLetterStore.OpenCount> open = deadLetters.openByStage();
        out.put("open", open.stream().mapToLong(DeadLetterStore.OpenCount::open).sum());
        ArrayNode byStage = out.putArray("byStage");
        open.forEach(c -> byStage.addObject().put("stage", c.stage()).put("source", c.source()).put("open", c.open()));
    }

    /** Rate per second of {@code counter} and the share of {@code errors} in it, over the recent window. */
    private static void rate(ObjectNode row, Optional<RecentRates.Change> change, int counter, int errors) {
        row.put("ratePerSecond", change.map(c -> round(c.perSecond(counter))).orElse(null));
        row.put("errorRate", change.filter(c -> c.growth()[counter] > 0)
                .map(c -> round(Math.min(1.0, (double) c.growth()[errors] / c.growth()[counter]))).orElse(null));
    }

    private static void lastError(ObjectNode row, RouteFailures.LastError error) {
        if (error == null) {
            row.putNull("lastError");
        } else {
            row.putObject("lastError").put("message", error.message())
                    .put("at", error.at() == null ? null : error.at().toString());
        }
    }

    private Map<String, Long> counts(String name) {
        Map<String, Long> byRoute = new HashMap<>();
        for (Counter counter : meters.find(name).counters()) {
            String id = counter.getId().getTag(ROUTE_TAG);
            if (id != null) {
                byRoute.merge(id, (long) counter.count(), Long::sum);
            }
        }
        return byRoute;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
