package dev.accordhub.routes.incentive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accordhub.model.incentive.ErpChange;
import dev.accordhub.model.registration.Alert;
import dev.accordhub.routes.Topics;
import dev.accordhub.routes.consolidate.OutboundRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies MDF documents to the hub's model: the ERPs' changes ({@code accord.erp.changes}) and the portal's
 * submissions ({@code accord.mdf.commands}, sequence 0). A document only ever moves forward: a change with a
 * sequence at or below the one held is a replay and changes nothing, and a portal submission never overwrites what
 * its ERP has reported. Live changes of requests and claims then go through the {@link IntegrityRules}; each new
 * finding becomes an alert on {@code accord.alerts}.
 */
public class IncentiveService {

    private static final Logger LOG = LoggerFactory.getLogger(IncentiveService.class);

    private final IncentiveStore store;
    private final IntegrityRules rules;
    private final AlertStore alerts;
    private final ObjectMapper json;
    private final Clock clock;

    public IncentiveService(IncentiveStore store, IntegrityRules rules, AlertStore alerts, ObjectMapper json,
            Clock clock) {
        this.store = store;
        this.rules = rules;
        this.alerts = alerts;
        this.json = json;
        this.clock = clock;
    }

    /** A record of either topic, as the incentives route receives it; returns the alerts to publish. */
    public List<OutboundRecord> apply(String body) throws JsonProcessingException {
        ErpChange change = json.readValue(body, ErpChange.class);
        Stored stored = storeChange(change);
        if (stored == null) {
            LOG.debug("{} seq {}: already held", change.key(), change.seq());
            return List.of();
        }
        LOG.debug("{} seq {}: applied ({})", change.key(), change.seq(), stored.isNew() ? "new" : "changed");
        List<OutboundRecord> out = new ArrayList<>();
        for (Alert alert : rules.check(stored.document(), stored.isNew())) {
            if (alerts.raise(alert)) {
                LOG.warn("Integrity alert {}: {}", alert.type(), alert.detail());
                out.add(new OutboundRecord(Topics.ALERTS, alert.subject(), alerts.event(alert, "/accord/incentives")));
            }
        }
        return out;
    }

    /** At start-up: the state only, no rules (their alerts were raised the first time). */
    public void replay(String body) throws JsonProcessingException {
        store(json.readValue(body, ErpChange.class));
    }

    private record Stored(StoredDocument document, boolean isNew) {
    }

    private void store(ErpChange change) {
        storeChange(change);
    }

    private Stored storeChange(ErpChange change) {
        StoredDocument existing = store.get(change.kind(), change.program(), change.documentId());
        if (existing != null && change.seq() == 0 && existing.seq() == 0) {
            // The portal's submission, which the API already showed: its command still runs the rules (a replayed
            // command finds the same findings, whose alerts exist already).
            return new Stored(existing, true);
        }
        if (existing != null && change.seq() <= existing.seq()) {
            return null;
        }
        StoredDocument doc = StoredDocument.of(change, existing != null ? existing.firstSeen() : firstSeen(change));
        store.put(doc);
        return new Stored(doc, existing == null || existing.seq() == 0);
    }

    private java.time.Instant firstSeen(ErpChange change) {
        java.time.Instant at = switch (change.kind()) {
            case REQUEST -> change.request().updatedAt();
            case CLAIM -> change.claim().updatedAt();
            default -> null;
        };
        return at != null ? at : clock.instant();
    }
}
