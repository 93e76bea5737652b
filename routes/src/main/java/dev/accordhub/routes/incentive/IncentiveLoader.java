package dev.accordhub.routes.incentive;

import dev.accordhub.model.incentive.ErpChange;
import dev.accordhub.model.incentive.ErpCursor;
import dev.accordhub.routes.TopicReader;
import dev.accordhub.routes.Topics;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up, before the incentive routes run: the alerts raised so far (so none is raised twice), then every MDF
 * document from {@code accord.erp.changes} and {@code accord.mdf.commands} into Hazelcast (no rules: their findings
 * were raised the first time); each ERP feed resumes after the highest sequence the hub holds. Then the incentives
 * route goes on from its committed offsets, and the pollers start.
 */
public class IncentiveLoader {

    private static final Logger LOG = LoggerFactory.getLogger(IncentiveLoader.class);

    private final String bootstrapServers;
    private final IncentiveService service;
    private final IncentiveStore store;
    private final AlertStore alerts;
    private final List<ErpPoller> pollers;

    public IncentiveLoader(String bootstrapServers, IncentiveService service, IncentiveStore store,
            AlertStore alerts, List<ErpPoller> pollers) {
        this.bootstrapServers = bootstrapServers;
        this.service = service;
        this.store = store;
        this.alerts = alerts;
        this.pollers = pollers;
    }

    public void rebuildAndStart(CamelContext camel) throws Exception {
        long started = System.nanoTime();
        long alertCount = TopicReader.readAll(bootstrapServers, Topics.ALERTS, (key, value) -> {
            if (value != null) {
                alerts.restore(value);
            }
        });
        long documents = 0;
        for (String topic : List.of(Topics.ERP_CHANGES, Topics.MDF_COMMANDS)) {
            documents += TopicReader.readAll(bootstrapServers, topic, (key, value) -> {
                if (value != null) {
                    try {
                        service.replay(value);
                    } catch (Exception e) {
                        LOG.warn("Skipped an unreadable MDF document {} of {}: {}", key, topic, e.getMessage());
                    }
                }
            });
        }
        Map<String, Map<ErpChange.Kind, Long>> positions = store.positions();
        for (ErpPoller poller : pollers) {
            ErpCursor cursor = new ErpCursor(positions.getOrDefault(poller.program(), Map.of()));
            poller.resumeFrom(cursor);
            LOG.info("ERP feed of {} resumes after {}", poller.program(), cursor.positions());
        }
        LOG.info("Incentives rebuilt from Kafka: {} documents, {} alerts in {} ms", documents, alertCount,
                (System.nanoTime() - started) / 1_000_000);
        camel.getRouteController().startRoute(IncentiveRoutes.INCENTIVES_ROUTE);
        for (ErpPoller poller : pollers) {
            camel.getRouteController().startRoute("erp-" + poller.program() + "-poll");
        }
    }
}
