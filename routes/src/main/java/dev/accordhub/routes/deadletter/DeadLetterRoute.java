package dev.accordhub.routes.deadletter;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accordhub.model.DeadLetter;
import dev.accordhub.routes.Topics;
import java.time.Instant;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * The dead letter channel's end: wraps the failed message's original payload and the failure reason into a
 * {@link DeadLetter} and writes it to {@code accord.deadletter}.
 */
public class DeadLetterRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:dead-letter";

    private final ObjectMapper json;

    /** The application's mapper: it writes {@code Instant}s as ISO text, like every other topic. */
    public DeadLetterRoute(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId("dead-letter")
                .process(DeadLetterRoute::toDeadLetter).id("wrap-dead-letter")
                .process(e -> e.getMessage().setBody(json.writeValueAsString(e.getMessage().getBody())))
                .to("kafka:" + Topics.DEAD_LETTER).id("write-dead-letter")
                .log("Dead letter ${header." + KafkaConstants.KEY + "} written: ${exchangeProperty.accordReason}");
    }

    static void toDeadLetter(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        String key = exchange.getMessage().getHeader(KafkaConstants.KEY, String.class);
        String source = exchange.getMessage().getHeader(KafkaConstants.TOPIC, String.class);
        if (source == null && exchange.getMessage().getHeader("JMSXGroupID") != null) {
            // From an Artemis queue (a write into a CRM): the queue is the source, the message group the key.
            key = exchange.getMessage().getHeader("JMSXGroupID", String.class);
            source = exchange.getFromEndpoint().getEndpointKey().replaceFirst("^jms://(queue:)?", "")
                    .replaceFirst("\\?.*$", "");
        }
        String stage = exchange.getFromRouteId();
        DeadLetter letter = new DeadLetter(UUID.randomUUID().toString(), stage, source, key, reason,
                exchange.getMessage().getBody(String.class), Instant.now());
        exchange.setProperty("accordReason", reason);
        exchange.getMessage().removeHeaders("kafka.*");
        exchange.getMessage().removeHeaders("JMS*");
        exchange.getMessage().setHeader(KafkaConstants.KEY, key == null ? letter.id() : key);
        exchange.getMessage().setBody(letter);
    }
}
