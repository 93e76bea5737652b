package dev.accordhub.routes.incentive;

import com.hazelcast.query.Predicates;
import dev.accordhub.model.Deal;
import dev.accordhub.model.EntityType;
import dev.accordhub.model.PartnerOrg;
import dev.accordhub.model.registration.Alert;
import dev.accordhub.routes.consolidate.DealAttributes;
import dev.accordhub.routes.consolidate.GoldenStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The integrity rules that apply to deal registrations: geographic gaming (the customer's country is outside the
 * partner's territory, by the program's own country map) and bulk nomination (a burst of registrations far above
 * the partner's own baseline). Run by the registration handler on each submission.
 */
public class DealIntegrityRules {

    private final GoldenStore store;
    private final TerritoryCheck territories;
    private final BurstDetector bursts;
    private final IntegrityProperties properties;
    private final Clock clock;
    private final AlertStore raised;

    /** @param raised where alerts are recorded: a finding already raised (a replay, a burst going on) is not again */
    public DealIntegrityRules(GoldenStore store, TerritoryCheck territories, IntegrityProperties properties,
            AlertStore raised, Clock clock) {
        this.raised = raised;
        this.store = store;
        this.territories = territories;
        this.bursts = new BurstDetector(properties);
        this.properties = properties;
        this.clock = clock;
    }

    /** The new findings on a submitted registration. */
    public List<Alert> check(Deal deal) {
        List<Alert> alerts = new ArrayList<>();
        if (deal.registration() == null) {
            return alerts;
        }
        String partnerId = store.goldenIdOf(deal.partnerKey());
        PartnerOrg partner = partnerId == null ? null : store.get(EntityType.PARTNER, partnerId, PartnerOrg.class);
        if (partner == null) {
            return alerts;
        }
        String country = deal.registration().customerCountry();
        String outside = properties.geographicGaming()
                ? territories.outside(deal.registration().program(), partner.territory(), country) : null;
        if (outside != null) {
            alerts.add(new Alert("geographic-gaming:deal:" + deal.id(), Alert.Type.GEOGRAPHIC_GAMING, deal.id(),
                    List.of(partner.id()), "Registration " + deal.id() + " of " + partner.name() + " (territory "
                    + partner.territory() + ") is for a customer in " + country + ", in " + outside,
                    clock.instant()));
        }
        if (properties.bulkNomination() && deal.registration().submittedAt() != null) {
            List<String> keys = partner.sources().stream().map(s -> s.key(EntityType.PARTNER)).toList();
            List<Instant> times = store.map(EntityType.DEAL)
                    .values(Predicates.in(DealAttributes.PARTNER, keys.toArray(String[]::new))).stream()
                    .map(v -> store.read(v, Deal.class)).filter(d -> d.registration() != null)
                    .filter(d -> !d.id().equals(deal.id()))
                    .map(d -> d.registration().submittedAt()).filter(Objects::nonNull)
                    .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
            times.add(deal.registration().submittedAt());
            bursts.check(times, deal.registration().submittedAt()).ifPresent(burst -> alerts.add(new Alert(
                    "bulk-nomination:deals:" + partner.id() + ":" + burst.bucket(), Alert.Type.BULK_NOMINATION,
                    partner.id(), List.of(deal.id()), String.format("%s registered %d deals within %s; its own "
                            + "average is %.1f per %s", partner.name(), burst.recent(), bursts.window(),
                            burst.baselinePerWindow(), bursts.window()), clock.instant())));
        }
        return alerts.stream().filter(raised::raise).toList();
    }
}
