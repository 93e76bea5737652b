package dev.accordhub.routes.health;

import dev.accordhub.routes.ingest.IngestPoller;
import dev.accordhub.routes.ingest.IngestStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The health of one program's connector: DOWN while any of its pollers' last poll failed (the source is down or
 * refuses us), UP otherwise; rate limiting only delays, so it is reported, not DOWN.
 */
public class ConnectorHealthIndicator extends AbstractHealthIndicator {

    private final List<IngestPoller> pollers;

    public ConnectorHealthIndicator(List<IngestPoller> pollers) {
        super("Connector health check failed");
        this.pollers = pollers;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean failing = false;
        for (IngestPoller poller : pollers) {
            IngestStatus s = poller.status();
            failing |= s.failing();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("ingested", s.ingested());
            detail.put("deadLettered", s.deadLettered());
            detail.put("rateLimited", s.rateLimitedCount());
            detail.put("failures", s.failureCount());
            detail.put("lastSuccess", s.lastSuccess());
            detail.put("watermark", s.watermark());
            if (s.lastError() != null) {
                detail.put("lastError", s.lastError());
                detail.put("lastErrorAt", s.lastErrorAt());
            }
            builder.withDetail(s.entity().code(), detail);
        }
        builder.withDetail("system", pollers.isEmpty() ? null : pollers.get(0).status().system());
        if (failing) {
            builder.down();
        } else {
            builder.up();
        }
    }
}
