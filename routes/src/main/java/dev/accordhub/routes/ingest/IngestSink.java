package dev.accordhub.routes.ingest;

import dev.accordhub.model.ChangeEvent;
import dev.accordhub.model.DeadLetter;
import java.util.List;

/** Where a poll delivers its page. Returns only once every event and dead letter is durably stored. */
public interface IngestSink {

    void deliver(List<ChangeEvent<?>> events, List<DeadLetter> deadLetters);
}
