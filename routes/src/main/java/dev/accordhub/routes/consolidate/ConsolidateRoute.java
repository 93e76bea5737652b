package dev.accordhub.routes.consolidate;

import dev.accordhub.model.EntityType;
import dev.accordhub.routes.Topics;
import dev.accordhub.routes.deadletter.ErrorHandlingConfiguration;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * Kafka ingest topics and identity commands → consolidation → Hazelcast and the compacted golden topics
 * (plus conflicts, stewardship tasks and identity history). Starts only once the golden
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
                Topics.ingest(EntityType.DEAL), Topics.IDENTITY_COMMANDS);
        from("kafka:" + topics + "?groupId={{accord.consolidate.group-id:accord-consolidate}}"
                + "&autoOffsetReset=earliest&maxPollRecords=500&pollTimeoutMs=1000"
                // If even the dead letter cannot be written, retry the record rather than commit past it.
                + "&breakOnFirstError=true")
                .routeId(ROUTE_ID).routeConfigurationId(ErrorHandlingConfiguration.ID).autoStartup(false)
                .convertBodyTo(String.class)
                .bean(service, "apply(${header." + KafkaConstants.TOPIC + "}, ${body})").id("consolidate-change")
                .split(body())
                    .setHeader(KafkaConstants.KEY, simple("${body.key}"))
                    .setHeader("accordTopic", simple("${body.topic}"))
                    .setBody(simple("${body.value}"))
                    .removeHeader(KafkaConstants.TOPIC)
                    .toD("kafka:${header.accordTopic}").id("publish-golden")
                .end();
    }
}
