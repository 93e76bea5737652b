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
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    public ConsolidateRoute(ConsolidationService service, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    private static final String SOURCE_TOPIC = "accordSourceTopic";
    private static final String SOURCE_KEY = "accordSourceKey";
    private static final String SOURCE_BODY = "accordSourceBody";

    @Override
    public void configure() {
        PendingGoldenSends sends = new PendingGoldenSends(getCamelContext(), json);
        String topics = String.join(",", Topics.ingest(EntityType.PARTNER), Topics.ingest(EntityType.USER),
                Topics.ingest(EntityType.DEAL), Topics.IDENTITY_COMMANDS, Topics.DEAL_COMMANDS);
        from("kafka:" + topics + "?groupId={{accord.consolidate.group-id:accord-consolidate}}"
                + "&autoOffsetReset=earliest&maxPollRecords=500&pollTimeoutMs=1000"
                // If even the dead letter cannot be written, retry the record rather than commit past it.
                + "&breakOnFirstError=true"
                // Offsets are still committed by the Kafka client when it polls; this only marks the last record
                // of each poll (kafka.LAST_POLL_RECORD), where the golden events sent so far must be acknowledged.
                + "&allowManualCommit=true")
                .routeId(ROUTE_ID).routeConfigurationId(ErrorHandlingConfiguration.ID).autoStartup(false)
                // However the change ends (applied, dead-lettered), before the next poll Kafka holds what it sent.
                .process(e -> e.getExchangeExtension().addOnCompletion(sends.awaitWhenDone())).id("await-golden-acks")
                .convertBodyTo(String.class)
                .setProperty(SOURCE_TOPIC, header(KafkaConstants.TOPIC))
                .setProperty(SOURCE_KEY, header(KafkaConstants.KEY))
                .setProperty(SOURCE_BODY, body())
                // Plain calls rather than .bean() and simple-language paths: they ran once per change and per record,
                // and resolving them again each time was a tenth of what consolidating a change cost.
                .process(e -> e.getMessage().setBody(service.apply(
                        e.getMessage().getHeader(KafkaConstants.TOPIC, String.class),
                        e.getMessage().getBody(String.class)))).id("consolidate-change")
                .split(body())
                    .process(e -> {
                        OutboundRecord record = e.getMessage().getBody(OutboundRecord.class);
                        e.getMessage().setHeader(KafkaConstants.KEY, record.key());
                        e.setProperty("accordTopic", record.topic());
                        e.getMessage().setBody(record.value());
                        e.getMessage().removeHeader(KafkaConstants.TOPIC);
                    }).id("outbound-record")
                    .choice()
                        .when(exchangeProperty("accordTopic").startsWith("jms:"))
                            // A write into a CRM: persistent, in order per deal (message group = deal id).
                            .setHeader("JMSXGroupID", header(KafkaConstants.KEY))
                            .removeHeaders("kafka.*")
                            .toD("${exchangeProperty.accordTopic}").id("publish-crm-write")
                            .removeHeader("JMSXGroupID")
                        .otherwise()
                            // Not waited for one by one: see PendingGoldenSends.
                            .process(e -> sends.send(e, e.getProperty("accordTopic", String.class),
                                    e.getProperty(SOURCE_TOPIC, String.class), e.getProperty(SOURCE_KEY, String.class),
                                    e.getProperty(SOURCE_BODY, String.class))).id("publish-golden")
                    .end()
                .end();
    }
}
