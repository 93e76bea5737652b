package dev.accordhub.routes.reconcile;

import org.apache.camel.builder.RouteBuilder;

/** The scheduled run: one interval after start, then every interval; a run still going is left to finish. */
public class ReconciliationRoutes extends RouteBuilder {

    private final ReconciliationService service;

    public ReconciliationRoutes(ReconciliationService service) {
        this.service = service;
    }

    @Override
    public void configure() {
        long period = service.properties().interval().toMillis();
        from("timer:reconciliation?delay=" + period + "&period=" + period)
                .routeId("reconciliation-scheduled")
                .autoStartup(service.properties().enabled())
                .process(exchange -> {
                    if (service.start(ReconciliationReport.Trigger.SCHEDULED).isEmpty()) {
                        log.info("Scheduled reconciliation skipped: the previous run is still going");
                    }
                });
    }
}
