package dev.accordhub.routes.health;

import dev.accordhub.routes.incentive.ErpPoller;
import dev.accordhub.routes.ingest.IngestStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The health of one program's ERP feed: DOWN while its last read failed (the ERP is down or refuses the hub), UP
 * otherwise; where the feed stands per kind of document, what flowed, and the last error.
 */
public class ErpHealthIndicator extends AbstractHealthIndicator {

    private final ErpPoller poller;

    public ErpHealthIndicator(ErpPoller poller) {
        super("ERP health check failed");
        this.poller = poller;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        IngestStatus s = poller.status();
        Map<String, Object> positions = new LinkedHashMap<>();
        poller.cursor().positions().forEach((kind, seq) -> positions.put(kind.name(), seq));
        builder.withDetail("system", s.system()).withDetail("read", s.ingested())
                .withDetail("failures", s.failureCount()).withDetail("rateLimited", s.rateLimitedCount())
                .withDetail("positions", positions);
        // Health details must not be null: before the first read there is no last success to show.
        if (s.lastSuccess() != null) {
            builder.withDetail("lastSuccess", s.lastSuccess());
        }
        if (s.lastError() != null) {
            builder.withDetail("lastError", s.lastError()).withDetail("lastErrorAt", s.lastErrorAt());
        }
        if (s.failing()) {
            builder.down();
        } else if (s.lastSuccess() == null) {
            builder.unknown().withDetail("state", "not read yet");
        } else {
            builder.up();
        }
    }
}
