package dev.accordhub.routes.deadletter;

import dev.accordhub.model.program.MappingException;
import dev.accordhub.routes.Topics;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * Operators' handling of dead letters: list them, retry one (see {@link DeadLetterRetry}), or discard it. Every
 * decision is kept on {@code accord.deadletter.status}, so it survives a restart.
 */
public class DeadLetterService {

    /** The outcome of a retry or discard, for the API. */
    public record Outcome(Result result, DeadLetterStore.Entry entry, String detail) {
    }

    public enum Result { DONE, NOT_FOUND, ALREADY_HANDLED, STILL_FAILING }

    private final DeadLetterStore store;
    private final DeadLetterRetry retry;
    private final ProducerTemplate kafka;
    private final Clock clock;

    public DeadLetterService(DeadLetterStore store, DeadLetterRetry retry, ProducerTemplate kafka, Clock clock) {
        this.store = store;
        this.retry = retry;
        this.kafka = kafka;
        this.clock = clock;
    }

    public List<DeadLetterStore.Entry> list(DeadLetterStore.Status status) {
        return store.list(status);
    }

    public Outcome retry(String id) throws Exception {
        var entry = store.get(id);
        if (entry.isEmpty()) {
            return new Outcome(Result.NOT_FOUND, null, "No dead letter with id '" + id + "'");
        }
        if (entry.get().status() != DeadLetterStore.Status.OPEN) {
            return new Outcome(Result.ALREADY_HANDLED, entry.get(), "Dead letter " + id + " was " + entry.get().status());
        }
        DeadLetterRetry.Republish republish;
        try {
            republish = retry.plan(entry.get().letter());
        } catch (MappingException | IllegalArgumentException e) {
            return new Outcome(Result.STILL_FAILING, entry.get(), e.getMessage());
        }
        if (republish.topic().startsWith("accord.outbound.")) {
            // A write into a CRM: back onto its Artemis queue, in its deal's message group.
            kafka.sendBodyAndHeader("jms:queue:" + republish.topic(), republish.value(), "JMSXGroupID",
                    republish.key());
        } else {
            send(republish.topic(), republish.key(), republish.value());
        }
        return new Outcome(Result.DONE, record(id, DeadLetterStore.Status.RETRIED, "sent again to "
                + republish.topic()), "sent again to " + republish.topic());
    }

    public Outcome discard(String id) throws Exception {
        var entry = store.get(id);
        if (entry.isEmpty()) {
            return new Outcome(Result.NOT_FOUND, null, "No dead letter with id '" + id + "'");
        }
        if (entry.get().status() != DeadLetterStore.Status.OPEN) {
            return new Outcome(Result.ALREADY_HANDLED, entry.get(), "Dead letter " + id + " was " + entry.get().status());
        }
        return new Outcome(Result.DONE, record(id, DeadLetterStore.Status.DISCARDED, "discarded by an operator"),
                "discarded");
    }

    private DeadLetterStore.Entry record(String id, DeadLetterStore.Status status, String note) throws Exception {
        DeadLetterStore.Entry handled = store.handled(id, status, clock.instant(), note);
        send(Topics.DEAD_LETTER_STATUS, id, store.write(handled));
        return handled;
    }

    private void send(String topic, String key, String value) throws Exception {
        kafka.asyncRequestBodyAndHeader("kafka:" + topic, value, KafkaConstants.KEY, key).get(10, TimeUnit.SECONDS);
    }
}
