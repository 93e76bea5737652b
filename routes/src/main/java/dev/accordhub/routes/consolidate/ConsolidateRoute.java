package dev.accordhub.routes.consolidate;

import dev.accordhub.model.EntityType;
import dev.accordhub.routes.Topics;
import dev.accordhub.routes.deadletter.ErrorHandlingConfiguration;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * Kafka ingest topics, identity and deal-registration commands → consolidation → Hazelcast and the compacted
 * golden topics (plus conflicts, stewardship tasks, identity history, alerts, and writes into the CRMs' Artemis
 * queues). Starts only once the golden
 * model has been rebuilt from Kafka ({@link GoldenModelLoader}).
 */
public class ConsolidateRoute extends RouteBuilder {

    public static final String ROUTE_ID = "consolidate";

    private final ConsolidationService service;

    public ConsolidateRoute(ConsolidationService service) {
        this.service = service;
    }

    @Override
    public void configure() {
        String topics = String.join(",", Topics.ingest(EntityType.PARTNER), Topics.ingest(EntityType.USER),
                Topics.ingest(EntityType.DEAL), Topics.IDENTITY_COMMANDS, Topics.DEAL_COMMANDS);
        from("kafka:" + topics + "?groupId={{accord.consolidate.group-id:accord-consolidate}}"
                + "&autoOffsetReset=earliest&maxPollRecords=500&pollTimeoutMs=1000"
                // If even the dead letter cannot be written, retry the record rather than commit past it.
                + "&breakOnFirstError=true")
                .routeId(ROUTE_ID).routeConfigurationId(ErrorHandlingConfiguration.ID).autoStartup(false)
                .convertBodyTo(String.class)
                .bean(service, "apply(${header." + KafkaConstants.TOPIC + "}, ${body})").id("consolidate-change")
                .split(body())
                    .setHeader(KafkaConstants.KEY, simple("${body.key}"))
                    .setProperty("accordTopic", simple("${body.topic}"))
                    .setBody(simple("${body.value}"))
                    .removeHeader(KafkaConstants.TOPIC)
                    .choice()
                        .when(exchangeProperty("accordTopic").startsWith("jms:"))
                            // A write into a CRM: persistent, in order per deal (message group = deal id).
                            .setHeader("JMSXGroupID", header(KafkaConstants.KEY))
                            .removeHeaders("kafka.*")
                            .toD("${exchangeProperty.accordTopic}").id("publish-crm-write")
                            .removeHeader("JMSXGroupID")
                        .otherwise()
                            .toD("kafka:${exchangeProperty.accordTopic}").id("publish-golden")
                    .end()
                .end();
    }
}
