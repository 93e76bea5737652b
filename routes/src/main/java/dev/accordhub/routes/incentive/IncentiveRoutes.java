package dev.accordhub.routes.incentive;

import dev.accordhub.model.incentive.ErpRejectedException;
import dev.accordhub.routes.Topics;
import dev.accordhub.routes.deadletter.DeadLetterRoute;
import dev.accordhub.routes.deadletter.ErrorHandlingConfiguration;
import dev.accordhub.routes.registration.RegistrationProperties;
import java.util.List;
import java.util.Map;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * The way of MDF documents through the hub:
 * <ol>
 *   <li>{@code erp-<program>-poll}: each ERP's change feed into {@code accord.erp.changes};</li>
 *   <li>{@code mdf-commands}: the portal's submissions, from the persistent Artemis queue {@code accord.commands.mdf}
 *       into {@code accord.mdf.commands} (acknowledged once Kafka has them);</li>
 *   <li>{@code incentives}: both topics into Hazelcast, through the integrity rules (alerts to {@code accord.alerts});
 *       started once the model is rebuilt ({@link IncentiveLoader});</li>
 *   <li>{@code erp-outbound-<program>}: submissions into the owning ERP, in order per fund (message group), retried
 *       with exponential back-off while the ERP is down, then dead-lettered with the reason (at once when the ERP
 *       refuses the document for good);</li>
 *   <li>{@code alert-view}: every alert of the hub (registrations too) into the operators' view.</li>
 * </ol>
 */
public class IncentiveRoutes extends RouteBuilder {

    public static final String INCENTIVES_ROUTE = "incentives";
    private static final String CONSUMER = "transacted=true&cacheLevelName=CACHE_CONSUMER&concurrentConsumers=";

    private final List<ErpPoller> pollers;
    private final Map<String, Long> pollIntervals;
    private final IncentiveService service;
    private final ErpWriter writer;
    private final AlertStore alerts;
    private final RegistrationProperties delivery;

    public IncentiveRoutes(List<ErpPoller> pollers, Map<String, Long> pollIntervals, IncentiveService service,
            ErpWriter writer, AlertStore alerts, RegistrationProperties delivery) {
        this.pollers = pollers;
        this.pollIntervals = pollIntervals;
        this.service = service;
        this.writer = writer;
        this.alerts = alerts;
        this.delivery = delivery;
    }

    @Override
    public void configure() {
        // The ERP refused the document for good (400: unknown fund, a value it does not take): retrying the same
        // payload cannot help, so it becomes a dead letter at once; an operator retries it after the fix.
        onException(ErpRejectedException.class).handled(true).useOriginalMessage().maximumRedeliveries(0)
                .log(LoggingLevel.WARN, "The ERP refused ${header.JMSXGroupID} for good: ${exception.message}")
                .to(DeadLetterRoute.ENDPOINT);

        for (ErpPoller poller : pollers) {
            String id = "erp-" + poller.program() + "-poll";
            from("timer:" + id + "?period=" + pollIntervals.getOrDefault(poller.program(), 1000L))
                    .routeId(id).autoStartup(false)
                    .bean(poller, "poll").id(id + "-read");

            from("jms:queue:" + Topics.erpOutboundQueue(poller.program()) + "?" + CONSUMER
                    + delivery.writeConsumers())
                    .routeId("erp-outbound-" + poller.program())
                    .errorHandler(deadLetterChannel(DeadLetterRoute.ENDPOINT).useOriginalMessage()
                            .maximumRedeliveries(delivery.writeAttempts() - 1)
                            .redeliveryDelay(delivery.writeBackoff().toMillis()).useExponentialBackOff()
                            .backOffMultiplier(2).maximumRedeliveryDelay(delivery.writeMaxBackoff().toMillis())
                            .retryAttemptedLogLevel(LoggingLevel.WARN).logExhaustedMessageHistory(false))
                    .convertBodyTo(String.class)
                    .bean(writer, "write").id("erp-write-" + poller.program());
        }

        from("jms:queue:" + Topics.MDF_COMMAND_QUEUE + "?" + CONSUMER + delivery.writeConsumers())
                .routeId("mdf-commands")
                .setHeader(KafkaConstants.KEY, header("accordKey"))
                .removeHeaders("JMS*")
                .removeHeader("accordKey")
                .to("kafka:" + Topics.MDF_COMMANDS).id("log-mdf-command");

        from("kafka:" + Topics.ERP_CHANGES + "," + Topics.MDF_COMMANDS
                + "?groupId={{accord.incentives.group-id:accord-incentives}}"
                + "&autoOffsetReset=earliest&maxPollRecords=500&pollTimeoutMs=1000&breakOnFirstError=true")
                .routeId(INCENTIVES_ROUTE).routeConfigurationId(ErrorHandlingConfiguration.ID).autoStartup(false)
                .convertBodyTo(String.class)
                .filter(body().isNotNull())
                .bean(service, "apply").id("apply-mdf-document")
                .split(body())
                    .setHeader(KafkaConstants.KEY, simple("${body.key}"))
                    .setBody(simple("${body.value}"))
                    .removeHeader(KafkaConstants.TOPIC)
                    .to("kafka:" + Topics.ALERTS).id("publish-alert")
                .end();

        from("kafka:" + Topics.ALERTS + "?groupId=accord-alert-view-" + java.util.UUID.randomUUID()
                + "&autoOffsetReset=earliest&pollTimeoutMs=1000")
                .routeId("alert-view")
                .convertBodyTo(String.class)
                .filter(body().isNotNull())
                .bean(alerts, "restore").id("index-alert");
    }
}
