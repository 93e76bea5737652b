package dev.accordhub.routes.incentive;

import dev.accordhub.model.EntityType;
import dev.accordhub.model.PartnerOrg;
import dev.accordhub.model.SourceKeys;
import dev.accordhub.model.incentive.ErpChange;
import dev.accordhub.model.incentive.MdfBalance;
import dev.accordhub.model.incentive.MdfClaim;
import dev.accordhub.model.incentive.MdfRequest;
import dev.accordhub.model.registration.Alert;
import dev.accordhub.routes.consolidate.GoldenStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The incentive-integrity rules, run on every MDF request and claim the hub learns of (from the portal or from an
 * ERP), each raising an alert with an id that names its finding:
 * <ul>
 *   <li>double-dipping: another live claim, in any program, of any partner, names the same invoice or the same proof
 *       of performance (references compared without case or punctuation);</li>
 *   <li>over-balance: the claim or request, approved, would take its fund below zero;</li>
 *   <li>geographic gaming: the activity's country is outside the partner's territory;</li>
 *   <li>bulk nomination: the partner's submissions burst far above its own baseline ({@link BurstDetector}).</li>
 * </ul>
 */
public class IntegrityRules {

    private final IncentiveStore incentives;
    private final GoldenStore golden;
    private final TerritoryCheck territories;
    private final BurstDetector bursts;
    private final IntegrityProperties properties;
    private final Clock clock;

    public IntegrityRules(IncentiveStore incentives, GoldenStore golden, TerritoryCheck territories,
            IntegrityProperties properties, Clock clock) {
        this.incentives = incentives;
        this.golden = golden;
        this.territories = territories;
        this.bursts = new BurstDetector(properties);
        this.properties = properties;
        this.clock = clock;
    }

    /** The findings on a stored request or claim; {@code isNew} when the hub had not seen it before. */
    public List<Alert> check(StoredDocument doc, boolean isNew) {
        ErpChange change = doc.change();
        List<Alert> alerts = new ArrayList<>();
        if (change.kind() == ErpChange.Kind.CLAIM && change.claim().status() != MdfClaim.Status.REJECTED) {
            MdfClaim claim = change.claim();
            if (properties.doubleDipping()) {
                doubleDipping(doc).ifPresent(alerts::add);
            }
            if (properties.overBalance() && claim.status() != MdfClaim.Status.PAID) {
                overBalance(change.program(), claim.fundId(), "claim " + claim.id(), doc,
                        ledger -> ledger.balanceWithApproved(claim)).ifPresent(alerts::add);
            }
            MdfRequest activity = claim.requestId() == null ? null
                    : incentives.request(change.program(), claim.requestId());
            if (properties.geographicGaming() && activity != null) {
                geography(doc, activity.country(), "claim " + claim.id()).ifPresent(alerts::add);
            }
        } else if (change.kind() == ErpChange.Kind.REQUEST
                && change.request().status() != MdfRequest.Status.REJECTED) {
            MdfRequest request = change.request();
            if (properties.overBalance() && request.status() == MdfRequest.Status.SUBMITTED) {
                overBalance(change.program(), request.fundId(), "request " + request.id(), doc,
                        ledger -> ledger.balanceWithApproved(request)).ifPresent(alerts::add);
            }
            if (properties.geographicGaming()) {
                geography(doc, request.country(), "request " + request.id()).ifPresent(alerts::add);
            }
        } else {
            return alerts;
        }
        if (properties.bulkNomination() && isNew) {
            bulk(doc).ifPresent(alerts::add);
        }
        return alerts;
    }

    private Optional<Alert> doubleDipping(StoredDocument doc) {
        MdfClaim claim = doc.change().claim();
        String self = doc.change().key();
        List<String> others = new ArrayList<>();
        String what = null;
        if (doc.invoiceKey() != null) {
            others = live(incentives.claimsWithInvoice(doc.invoiceKey()), self);
            what = others.isEmpty() ? null : "invoice '" + claim.invoiceReference() + "'";
        }
        String findingKey = "invoice:" + doc.invoiceKey();
        if (others.isEmpty()) {
            for (String proof : doc.proofKeys()) {
                others = live(incentives.claimsWithProof(proof), self);
                if (!others.isEmpty()) {
                    what = "proof of performance '" + proof + "'";
                    findingKey = "proof:" + proof;
                    break;
                }
            }
        }
        if (others.isEmpty()) {
            return Optional.empty();
        }
        // One alert per invoice (or proof) and number of claims on it: a third claim is a new finding.
        return Optional.of(new Alert("double-dipping:" + findingKey + ":" + (others.size() + 1),
                Alert.Type.DOUBLE_DIPPING, self, others, "Claim " + claim.id() + " of " + doc.partnerRef()
                        + " names the " + what + " already claimed in " + String.join(", ", others),
                clock.instant()));
    }

    private static List<String> live(List<MdfClaim> claims, String self) {
        return claims.stream().filter(c -> c.status() != MdfClaim.Status.REJECTED)
                .map(c -> c.program() + ":CLAIM:" + c.id()).filter(key -> !key.equals(self)).sorted().toList();
    }

    private Optional<Alert> overBalance(String program, String fundId, String what, StoredDocument doc,
            java.util.function.Function<IncentiveStore.Ledger, MdfBalance> ifApproved) {
        IncentiveStore.Ledger ledger = incentives.ledger(program, fundId);
        if (ledger.fund() == null) {
            return Optional.empty(); // the fund arrives later in the feed; the ERP will judge
        }
        MdfBalance balance = ifApproved.apply(ledger);
        if (balance.available().amount().signum() >= 0) {
            return Optional.empty();
        }
        return Optional.of(new Alert("over-balance:" + doc.change().key(), Alert.Type.OVER_BALANCE,
                doc.change().key(), List.of(program + ":FUND:" + fundId), "The " + what + " of "
                + doc.partnerRef() + " exceeds what is left of fund " + fundId + " by "
                + balance.available().amount().negate() + " " + balance.available().currency(), clock.instant()));
    }

    private Optional<Alert> geography(StoredDocument doc, String country, String what) {
        PartnerOrg partner = partnerOf(doc);
        if (partner == null) {
            return Optional.empty();
        }
        String outside = territories.outside(doc.change().program(), partner.territory(), country);
        if (outside == null) {
            return Optional.empty();
        }
        return Optional.of(new Alert("geographic-gaming:" + doc.change().key(), Alert.Type.GEOGRAPHIC_GAMING,
                doc.change().key(), List.of(partner.id()), "The " + what + " of " + partner.name() + " (territory "
                + partner.territory() + ") is for " + country + ", in " + outside, clock.instant()));
    }

    private Optional<Alert> bulk(StoredDocument doc) {
        PartnerOrg partner = partnerOf(doc);
        List<String> refs = partner == null ? List.of(doc.partnerRef()) : partner.sources().stream()
                .map(s -> s.program() + ":" + s.externalId()).toList();
        List<java.time.Instant> times = incentives.submissions(refs).stream().map(StoredDocument::firstSeen)
                .filter(java.util.Objects::nonNull).sorted(Comparator.naturalOrder()).toList();
        String who = partner == null ? doc.partnerRef() : partner.id();
        return bursts.check(times, doc.firstSeen()).map(burst -> new Alert(
                "bulk-nomination:mdf:" + who + ":" + burst.bucket(), Alert.Type.BULK_NOMINATION, who,
                List.of(doc.change().key()), String.format("%s submitted %d MDF requests and claims within %s; its "
                        + "own average is %.1f per %s", partner == null ? who : partner.name(), burst.recent(),
                        bursts.window(), burst.baselinePerWindow(), bursts.window()), clock.instant()));
    }

    private PartnerOrg partnerOf(StoredDocument doc) {
        if (doc.partnerRef() == null) {
            return null;
        }
        String crmId = doc.partnerRef().substring(doc.change().program().length() + 1);
        String goldenId = golden.goldenIdOf(SourceKeys.of(doc.change().program(), EntityType.PARTNER, crmId));
        return goldenId == null ? null : golden.get(EntityType.PARTNER, goldenId, PartnerOrg.class);
    }
}
