package dev.accordhub.routes.ingest;

import java.util.List;
import org.apache.camel.builder.RouteBuilder;

/** One timer-driven route per program and mapped object, each running its {@link IngestPoller}. */
public class IngestRoutes extends RouteBuilder {

    private final List<IngestPoller> pollers;

    public IngestRoutes(List<IngestPoller> pollers) {
        this.pollers = pollers;
    }

    @Override
    public void configure() {
        for (IngestPoller poller : pollers) {
            String id = poller.key().replace(':', '-') + "-ingest";
            from("timer:" + id + "?delay={{accord.ingest.initial-delay-ms:0}}"
                    + "&period={{accord.ingest.poll-interval-ms:500}}")
                    .routeId(id)
                    .bean(poller, "poll").id(id + "-poll");
        }
    }
}
