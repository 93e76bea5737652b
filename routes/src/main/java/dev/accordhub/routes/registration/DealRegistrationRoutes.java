package dev.accordhub.routes.registration;

import dev.accordhub.routes.Topics;
import dev.accordhub.routes.deadletter.DeadLetterRoute;
import java.util.List;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * The way of a deal registration through the hub:
 * <ol>
 *   <li>{@code deal-commands}: the portal's commands arrive on the persistent Artemis queue
 *       {@code accord.commands.deals} and go into {@code accord.deal.commands}, where consolidation applies them in
 *       order with the CRMs' changes (the JMS message is acknowledged only once Kafka has it);</li>
 *   <li>{@code outbound-<program>}: the portal (in the same transaction as the command) and consolidation (a
 *       rejection, a contact) put writes on {@code accord.outbound.<program>} (message group = deal id, so one
 *       deal's writes never overtake each other); each is written into the CRM,
 *       retried with exponential back-off while the CRM fails, and after the last attempt dead-lettered with the
 *       reason (the ops API retries it);</li>
 *   <li>{@code registration-sla}: undecided registrations past their review deadline are marked overdue.</li>
 * </ol>
 */
public class DealRegistrationRoutes extends RouteBuilder {

    /**
     * Local JMS transactions (acknowledged only when the route is done), and consumers kept open between messages:
     * with the transaction manager Camel creates, Spring would otherwise open a new consumer for every message,
     * and a message group bound to a closed consumer waits for the broker to rebind it.
     */
    private static final String CONSUMER = "transacted=true&cacheLevelName=CACHE_CONSUMER&concurrentConsumers=";

    private final List<String> programs;
    private final OutboundDealWriter writer;
    private final RegistrationSla sla;
    private final RegistrationProperties properties;

    public DealRegistrationRoutes(List<String> programs, OutboundDealWriter writer, RegistrationSla sla,
            RegistrationProperties properties) {
        this.programs = programs;
        this.writer = writer;
        this.sla = sla;
        this.properties = properties;
    }

    @Override
    public void configure() {
        // Several consumers: commands of different deals need no order between them, and one deal's commands
        // stay in order through its message group.
        from("jms:queue:" + Topics.DEAL_COMMAND_QUEUE + "?" + CONSUMER + properties.writeConsumers())
                .routeId("deal-commands")
                .setHeader(KafkaConstants.KEY, header("JMSXGroupID"))
                .removeHeaders("JMS*")
                .to("kafka:" + Topics.DEAL_COMMANDS).id("log-deal-command");

        for (String program : programs) {
            from("jms:queue:" + Topics.outboundQueue(program) + "?" + CONSUMER + properties.writeConsumers())
                    .routeId("outbound-" + program)
                    .errorHandler(deadLetterChannel(DeadLetterRoute.ENDPOINT).useOriginalMessage()
                            .maximumRedeliveries(properties.writeAttempts() - 1)
                            .redeliveryDelay(properties.writeBackoff().toMillis()).useExponentialBackOff()
                            .backOffMultiplier(2).maximumRedeliveryDelay(properties.writeMaxBackoff().toMillis())
                            .retryAttemptedLogLevel(LoggingLevel.WARN).logExhaustedMessageHistory(false))
                    .convertBodyTo(String.class)
                    .bean(writer, "write").id("write-" + program);
        }

        from("timer:registration-sla?period=" + properties.slaCheckInterval().toMillis()).routeId("registration-sla")
                .process(e -> e.getMessage().setBody(sla.overdueCommands()))
                .split(body())
                    .setHeader(KafkaConstants.KEY, simple("${body.key}"))
                    .setBody(simple("${body.value}"))
                    .to("kafka:" + Topics.DEAL_COMMANDS).id("mark-overdue")
                .end();
    }
}
