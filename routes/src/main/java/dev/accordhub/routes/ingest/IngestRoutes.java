package dev.accordhub.routes.ingest;

import java.util.List;
import org.apache.camel.builder.RouteBuilder;

/**
 * One timer-driven route per program and mapped object, each running its {@link IngestPoller} on every tick; the
 * poller itself skips the ticks of its idle pace.
 */
public class IngestRoutes extends RouteBuilder {

    private final List<IngestPoller> pollers;
    private final long tickMs;

    /** @param tickMs the timer's period: the busy pace (or the idle one, if an operator set that shorter) */
    public IngestRoutes(List<IngestPoller> pollers, long tickMs) {
        this.pollers = pollers;
        this.tickMs = tickMs;
    }

    @Override
    public void configure() {
        for (IngestPoller poller : pollers) {
            String id = poller.key().replace(':', '-') + "-ingest";
            from("timer:" + id + "?delay={{accord.ingest.initial-delay-ms:0}}"
                    + "&period=" + tickMs)
                    .routeId(id)
                    .bean(poller, "poll").id(id + "-poll");
        }
    }
}
