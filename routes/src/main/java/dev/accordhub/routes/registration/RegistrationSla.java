package dev.accordhub.routes.registration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.query.Predicates;
import dev.accordhub.model.Deal;
import dev.accordhub.model.EntityType;
import dev.accordhub.model.RegistrationStatus;
import dev.accordhub.model.registration.DealCommand;
import dev.accordhub.routes.consolidate.DealAttributes;
import dev.accordhub.routes.consolidate.GoldenStore;
import dev.accordhub.routes.consolidate.OutboundRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Finds registrations still undecided past their review deadline and not yet marked overdue. */
public class RegistrationSla {

    private final GoldenStore store;
    private final ObjectMapper json;
    private final Clock clock;

    public RegistrationSla(GoldenStore store, ObjectMapper json, Clock clock) {
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    /** The MARK_OVERDUE commands to send, keyed by deal id. */
    public List<OutboundRecord> overdueCommands() throws JsonProcessingException {
        Instant now = clock.instant();
        List<OutboundRecord> commands = new ArrayList<>();
        var undecided = Predicates.<String, HazelcastJsonValue>and(
                DealAttributes.status(RegistrationStatus.SUBMITTED.name()),
                Predicates.equal("registration.overdue", false));
        for (HazelcastJsonValue value : store.map(EntityType.DEAL).values(undecided)) {
            Deal deal = store.read(value, Deal.class);
            Instant due = deal.registration().reviewDueAt();
            if (due != null && due.isBefore(now)) {
                commands.add(new OutboundRecord(null, deal.id(),
                        json.writeValueAsString(DealCommand.markOverdue(deal.id(), now))));
            }
        }
        return commands;
    }
}
