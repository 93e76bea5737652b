package dev.accordhub.routes.deadletter;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accordhub.model.DeadLetter;
import dev.accordhub.routes.Topics;
import java.util.UUID;
import org.apache.camel.builder.RouteBuilder;

/**
 * Keeps the operators' view of dead letters current: every letter and every status, read from the start of their
 * topics at each start-up (a consumer group of its own per start), so Hazelcast holds them all again after a
 * restart.
 */
public class DeadLetterIndexRoute extends RouteBuilder {

    private final DeadLetterStore store;
    private final ObjectMapper json;

    public DeadLetterIndexRoute(DeadLetterStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    @Override
    public void configure() {
        String group = "accord-deadletter-view-" + UUID.randomUUID();
        from("kafka:" + Topics.DEAD_LETTER + "," + Topics.DEAD_LETTER_STATUS + "?groupId=" + group
                + "&autoOffsetReset=earliest&pollTimeoutMs=1000")
                .routeId("dead-letter-view")
                .convertBodyTo(String.class)
                .filter(body().isNotNull())
                .choice()
                    .when(header("kafka.TOPIC").isEqualTo(Topics.DEAD_LETTER))
                        .process(e -> store.arrived(json.readValue(e.getMessage().getBody(String.class),
                                DeadLetter.class))).id("index-dead-letter")
                    .otherwise()
                        .process(e -> store.restore(store.read(e.getMessage().getBody(String.class))))
                        .id("index-dead-letter-status");
    }
}
