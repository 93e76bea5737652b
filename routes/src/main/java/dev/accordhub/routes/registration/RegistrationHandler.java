package dev.accordhub.routes.registration;

import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import dev.accordhub.model.Deal;
import dev.accordhub.model.DealRegistration;
import dev.accordhub.model.EntityType;
import dev.accordhub.model.RegistrationStatus;
import dev.accordhub.model.SourceRef;
import dev.accordhub.model.registration.Alert;
import dev.accordhub.model.registration.DealCommand;
import dev.accordhub.routes.consolidate.DealAttributes;
import dev.accordhub.routes.consolidate.GoldenStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies deal registrations to the golden model, in order with the CRMs' own changes (consolidation calls it):
 * a submission (flagging channel conflicts and applying the conflict policy; the portal has already queued the CRM
 * write), the review SLA running out, and the decisions and edits the CRM reports back. The hub's own writes,
 * echoed by the CRM, are recognised by their hash and change nothing; the first echo records the CRM's id.
 * The CRM write does not wait for the submission, so the CRM's report of it can come first: it is kept on the
 * portal's provisional copy ({@link GoldenStore#isProvisional}), held in Kafka until then so that a restart does not
 * lose it, and published with the submission, which is checked for conflicts all the same.
 * ({@code LINK} commands, which earlier versions wrote after each CRM write, are still applied when replayed.)
 */
public class RegistrationHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RegistrationHandler.class);

    private final GoldenStore store;
    private final ChannelConflictDetector conflicts;
    private final RegistrationProperties.ConflictPolicy policy;
    private final Clock clock;
    private final dev.accordhub.routes.incentive.DealIntegrityRules integrity;

    public RegistrationHandler(GoldenStore store, RegistrationProperties properties, Clock clock) {
        this(store, properties, clock, null);
    }

    /** @param integrity geographic-gaming and bulk-nomination checks of each submission; null for none */
    public RegistrationHandler(GoldenStore store, RegistrationProperties properties, Clock clock,
            dev.accordhub.routes.incentive.DealIntegrityRules integrity) {
        this.integrity = integrity;
        this.store = store;
        this.conflicts = new ChannelConflictDetector(properties.conflictWindow());
        this.policy = properties.policy();
        this.clock = clock;
    }

    public Optional<RegistrationOutcome> apply(DealCommand command) {
        return switch (command.type()) {
            case SUBMIT -> submit(command.deal());
            case LINK -> link(command);
            case MARK_OVERDUE -> markOverdue(command.dealId());
        };
    }

    private Optional<RegistrationOutcome> submit(Deal submitted) {
        Deal current = store.get(EntityType.DEAL, submitted.id(), Deal.class);
        boolean first = current == null || store.isProvisional(submitted.id());
        if (!first && (current.sources().size() > 1 || current.registration().overdue()
                || current.registration().status() != submitted.registration().status())) {
            return Optional.empty(); // a replayed submission of a registration that has moved on since
        }
        // Applied for the first time on the portal's copy, which holds what the CRM reported while the submission
        // was on its way (its echo, the CRM's id, an early decision): none of it is lost.
        Deal deal = first && current != null ? current : submitted;
        List<Deal> others = deal.registration().stillOpen() ? conflicts.conflicts(deal, candidates(deal),
                this::partnerOf) : List.of(); // rejected already (deleted in the CRM): in nobody's way
        List<Deal> changed = new ArrayList<>();
        List<Alert> alerts = new ArrayList<>();
        boolean rejected = false;
        if (!others.isEmpty()) {
            List<String> otherIds = others.stream().map(Deal::id).sorted().toList();
            DealRegistration flagged = deal.registration().withConflicts(otherIds);
            if (policy == RegistrationProperties.ConflictPolicy.FIRST_COME_WINS
                    && flagged.status() == RegistrationStatus.SUBMITTED) {
                flagged = flagged.decided(RegistrationStatus.REJECTED, "Channel conflict: this customer was "
                        + "registered first by another partner (" + String.join(", ", otherIds) + ")");
                rejected = true;
            }
            deal = deal.withRegistration(flagged);
            for (Deal other : others) {
                List<String> theirs = new ArrayList<>(other.registration().conflictsWith());
                if (!theirs.contains(deal.id())) {
                    theirs.add(deal.id());
                    Deal updated = other.withRegistration(other.registration().withConflicts(theirs.stream()
                            .sorted().toList()));
                    store.put(EntityType.DEAL, updated.id(), updated);
                    changed.add(updated);
                }
            }
            alerts.add(new Alert(deal.id() + ":channel-conflict", Alert.Type.CHANNEL_CONFLICT, deal.id(), otherIds,
                    "Registration " + deal.id() + " of customer '" + deal.customerName() + "' overlaps "
                            + otherIds.size() + " registration(s) of other partners; policy "
                            + policy.name().toLowerCase().replace('_', '-'), clock.instant()));
        }
        if (integrity != null) {
            alerts.addAll(integrity.check(deal));
        }
        if (rejected) {
            // The portal already queued the registration as submitted; the CRM learns of the rejection next.
            deal = deal.withRegistration(deal.registration().written(RegistrationEcho.hash(deal)));
        }
        store.put(EntityType.DEAL, deal.id(), deal);
        store.settled(deal.id());
        changed.add(0, deal);
        LOG.debug("Registration {} submitted, {} conflict(s)", deal.id(), others.size());
        // The portal's copy is golden now: a copy kept for a restart (a CRM report came first) is not needed.
        return Optional.of(new RegistrationOutcome(changed, alerts, rejected ? List.of(deal) : List.of(), List.of(),
                first ? List.of(deal.id()) : List.of()));
    }

    private Optional<RegistrationOutcome> link(DealCommand command) {
        Deal current = store.get(EntityType.DEAL, command.dealId(), Deal.class);
        if (current == null) {
            LOG.warn("CRM record {} written for registration {}, which the hub no longer has", command.crmRef(),
                    command.dealId());
            return Optional.empty();
        }
        store.link(command.crmRef().key(EntityType.DEAL), current.id());
        boolean known = current.sources().stream().anyMatch(s -> sameRecord(s, command.crmRef()));
        if (known && command.writtenHash().equals(current.registration().writtenHash())) {
            return Optional.empty();
        }
        List<SourceRef> sources = new ArrayList<>(current.sources());
        if (!known) {
            sources.add(command.crmRef());
        }
        Deal linked = new Deal(current.id(), current.name(), current.partnerKey(), current.customerName(),
                current.amount(), current.stage(), current.closeDate(), current.updatedAt(), sources,
                current.registration().written(command.writtenHash()));
        store.put(EntityType.DEAL, linked.id(), linked);
        LOG.debug("Registration {} linked to {}", linked.id(), command.crmRef().externalId());
        return Optional.of(new RegistrationOutcome(List.of(linked), List.of(), List.of()));
    }

    private Optional<RegistrationOutcome> markOverdue(String dealId) {
        Deal current = store.get(EntityType.DEAL, dealId, Deal.class);
        if (current == null || current.registration() == null || current.registration().overdue()
                || current.registration().status() != RegistrationStatus.SUBMITTED
                || store.isProvisional(dealId)) { // not applied yet: the next check asks again
            return Optional.empty();
        }
        Deal overdue = current.withRegistration(current.registration().markedOverdue());
        store.put(EntityType.DEAL, dealId, overdue);
        Alert alert = new Alert(dealId + ":review-overdue", Alert.Type.REVIEW_OVERDUE, dealId, List.of(),
                "Registration " + dealId + " was due for review at " + current.registration().reviewDueAt()
                        + " and is still undecided", clock.instant());
        return Optional.of(new RegistrationOutcome(List.of(overdue), List.of(alert), List.of()));
    }

    /**
     * A deal the CRM reports that carries a registration id the hub knows: the channel team's decision, a stage or
     * amount change. Empty when it is stale, or the echo of the hub's own write; null when the hub does not know
     * the registration (the caller treats it as an ordinary deal then).
     */
    public Optional<RegistrationOutcome> applyReported(Deal reported) {
        Deal current = store.get(EntityType.DEAL, reported.registration().id(), Deal.class);
        if (current == null || current.registration() == null) {
            return null;
        }
        SourceRef ref = reported.sources().get(0);
        store.link(ref.key(EntityType.DEAL), current.id());
        SourceRef known = current.sources().stream().filter(s -> sameRecord(s, ref)).findFirst().orElse(null);
        if (known != null && !ref.isNewerThan(known)) {
            return Optional.empty();
        }
        List<SourceRef> sources = new ArrayList<>(current.sources());
        sources.removeIf(s -> sameRecord(s, ref));
        sources.add(ref);
        if (RegistrationEcho.hash(reported).equals(current.registration().writtenHash())) {
            // Our own write coming back: nothing changed. The first report says where the deal now lives (the
            // CRM's id, published once); later ones only move the CRM's version on.
            Deal located = withSources(current, sources);
            store.put(EntityType.DEAL, current.id(), located);
            return known != null && !store.isProvisional(current.id()) ? Optional.empty() : published(located);
        }
        DealRegistration decided = reported.registration().status() == null ? current.registration()
                : current.registration().decided(reported.registration().status(),
                        reported.registration().decisionReason());
        Deal merged = new Deal(current.id(), reported.name(), current.partnerKey(), reported.customerName(),
                reported.amount(), reported.stage(), reported.closeDate(), reported.updatedAt(), sources, decided);
        store.put(EntityType.DEAL, merged.id(), merged);
        return published(merged);
    }

    /**
     * A change to a registration, to publish; not yet while the CRM's report overtook the submission: the portal's
     * copy holds it, and the submission, applied on that copy, publishes it with its conflict checks. Until then the
     * copy is kept outside the grid too ({@code held}), as the report will not be read again: a hub restarted before
     * the submission is applied finds it there.
     */
    private Optional<RegistrationOutcome> published(Deal changed) {
        if (store.isProvisional(changed.id())) {
            LOG.debug("The CRM reported registration {} before its submission was applied", changed.id());
            return Optional.of(new RegistrationOutcome(List.of(), List.of(), List.of(), List.of(changed), List.of()));
        }
        return Optional.of(new RegistrationOutcome(List.of(changed), List.of(), List.of()));
    }

    /**
     * The CRM deleted the record behind a registration: the registration stays in the golden model (the partner
     * sees what happened to it), no longer backed by the CRM record, and rejected with the reason. Null when the hub
     * does not know the registration.
     */
    public Optional<RegistrationOutcome> applyReportedDelete(Deal deleted) {
        Deal current = store.get(EntityType.DEAL, deleted.registration().id(), Deal.class);
        if (current == null || current.registration() == null) {
            return null;
        }
        SourceRef ref = deleted.sources().get(0);
        SourceRef known = current.sources().stream().filter(s -> sameRecord(s, ref)).findFirst().orElse(null);
        if (known == null && current.registration().status() == RegistrationStatus.REJECTED) {
            return Optional.empty();
        }
        if (known != null && !ref.isNewerThan(known)) {
            return Optional.empty();
        }
        List<SourceRef> sources = new ArrayList<>(current.sources());
        sources.removeIf(s -> sameRecord(s, ref));
        store.unlink(ref.key(EntityType.DEAL));
        Deal withdrawn = withSources(current, sources).withRegistration(current.registration().decided(
                RegistrationStatus.REJECTED, "The deal was deleted in the CRM of " + ref.program()));
        store.put(EntityType.DEAL, withdrawn.id(), withdrawn);
        return published(withdrawn);
    }

    private static Deal withSources(Deal deal, List<SourceRef> sources) {
        return new Deal(deal.id(), deal.name(), deal.partnerKey(), deal.customerName(), deal.amount(), deal.stage(),
                deal.closeDate(), deal.updatedAt(), sources, deal.registration());
    }

    private static boolean sameRecord(SourceRef a, SourceRef b) {
        return a.program().equals(b.program()) && a.system().equals(b.system())
                && a.externalId().equals(b.externalId());
    }

    private List<Deal> candidates(Deal registration) {
        String domain = ChannelConflictDetector.domain(registration);
        String name = ChannelConflictDetector.nameKey(registration);
        List<Predicate<String, HazelcastJsonValue>> either = new ArrayList<>();
        if (domain != null) {
            either.add(DealAttributes.customerDomain(domain));
        }
        if (name != null) {
            either.add(DealAttributes.customerNameKey(name));
        }
        if (either.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        Predicate<String, HazelcastJsonValue> query = Predicates.or(either.toArray(Predicate[]::new));
        return store.map(EntityType.DEAL).values(query).stream().map(v -> store.read(v, Deal.class)).toList();
    }

    private String partnerOf(Deal deal) {
        String golden = store.goldenIdOf(deal.partnerKey());
        return golden != null ? golden : deal.partnerKey();
    }
}
