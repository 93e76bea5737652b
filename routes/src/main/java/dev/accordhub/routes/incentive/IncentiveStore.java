package dev.accordhub.routes.incentive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import dev.accordhub.model.incentive.ErpChange;
import dev.accordhub.model.incentive.FxRate;
import dev.accordhub.model.incentive.FxRates;
import dev.accordhub.model.incentive.MdfBalance;
import dev.accordhub.model.incentive.MdfClaim;
import dev.accordhub.model.incentive.MdfFund;
import dev.accordhub.model.incentive.MdfRequest;
import dev.accordhub.model.incentive.Payout;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The MDF documents of every program's ERP in Hazelcast, one map per kind, keyed by {@code <program>:<id>}: what
 * the portal reads balances from and the integrity rules look across. Rebuilt from Kafka at start-up. Its
 * {@link #changes} count every change to them (this member's writes at once, other members' by their events), for
 * what is computed from them and kept ({@link dev.accordhub.routes.infra.GridDerivedCache}).
 */
public class IncentiveStore implements AutoCloseable {

    private final Map<ErpChange.Kind, IMap<String, HazelcastJsonValue>> maps = new EnumMap<>(ErpChange.Kind.class);
    private final ObjectMapper json;
    private final dev.accordhub.routes.infra.GridChanges changes;

    public IncentiveStore(HazelcastInstance hazelcast, ObjectMapper json) {
        for (ErpChange.Kind kind : ErpChange.Kind.values()) {
            maps.put(kind, hazelcast.getMap(mapName(kind)));
        }
        this.json = json;
        this.changes = new dev.accordhub.routes.infra.GridChanges(hazelcast, watchedByBalances());
    }

    /** The changes to the MDF documents so far. */
    public dev.accordhub.routes.infra.GridChanges changes() {
        return changes;
    }

    @Override
    public void close() {
        changes.close();
    }

    /** {@code mdf-funds}, {@code mdf-requests}, {@code mdf-claims}, {@code mdf-payouts}, {@code mdf-fx-rates}. */
    public static String mapName(ErpChange.Kind kind) {
        return switch (kind) {
            case FUND -> "mdf-funds";
            case REQUEST -> "mdf-requests";
            case CLAIM -> "mdf-claims";
            case PAYOUT -> "mdf-payouts";
            case FX_RATE -> "mdf-fx-rates";
        };
    }

    /** Every MDF map, all keys: what a fund's balance, a partner's funds and the FX rates are computed from. */
    static Map<String, String> watchedByBalances() {
        Map<String, String> all = new HashMap<>();
        for (ErpChange.Kind kind : ErpChange.Kind.values()) {
            all.put(mapName(kind), dev.accordhub.routes.infra.GridChanges.ALL_KEYS);
        }
        return all;
    }

    public StoredDocument get(ErpChange.Kind kind, String program, String id) {
        return read(maps.get(kind).get(program + ":" + id));
    }

    /** Documents of the program as its ERP delivered them (sequence > 0; not submissions it has yet to take). */
    public long countFromErp(String program) {
        long count = 0;
        for (var map : maps.values()) {
            count += map.aggregate(com.hazelcast.aggregation.Aggregators.count(), com.hazelcast.query.Predicates.and(
                    com.hazelcast.query.Predicates.equal("change.program", program),
                    com.hazelcast.query.Predicates.greaterThan("change.seq", 0L)));
        }
        return count;
    }

    public void put(StoredDocument document) {
        ErpChange change = document.change();
        maps.get(change.kind()).set(change.program() + ":" + change.documentId(), new HazelcastJsonValue(write(document)));
        changes.changed();
    }

    public MdfFund fund(String program, String fundId) {
        StoredDocument doc = get(ErpChange.Kind.FUND, program, fundId);
        return doc == null ? null : doc.change().fund();
    }

    public MdfRequest request(String program, String id) {
        StoredDocument doc = get(ErpChange.Kind.REQUEST, program, id);
        return doc == null ? null : doc.change().request();
    }

    public MdfClaim claim(String program, String id) {
        StoredDocument doc = get(ErpChange.Kind.CLAIM, program, id);
        return doc == null ? null : doc.change().claim();
    }

    /** The funds of a partner in the given programs: partner refs are {@code <program>:<CRM id>}. */
    public List<MdfFund> funds(Collection<String> partnerRefs) {
        if (partnerRefs.isEmpty()) {
            return List.of();
        }
        return query(ErpChange.Kind.FUND, Predicates.in("partnerRef", partnerRefs.toArray(String[]::new))).stream()
                .map(d -> d.change().fund()).toList();
    }

    /** A partner's requests and claims (for its submission baseline). */
    public List<StoredDocument> submissions(Collection<String> partnerRefs) {
        if (partnerRefs.isEmpty()) {
            return List.of();
        }
        String[] refs = partnerRefs.toArray(String[]::new);
        List<StoredDocument> all = new java.util.ArrayList<>(query(ErpChange.Kind.REQUEST, Predicates.in("partnerRef", refs)));
        all.addAll(query(ErpChange.Kind.CLAIM, Predicates.in("partnerRef", refs)));
        return all;
    }

    /** Everything that moves one fund's balance. */
    public Ledger ledger(String program, String fundId) {
        MdfFund fund = fund(program, fundId);
        String fundRef = program + ":" + fundId;
        var byFund = Predicates.<String, HazelcastJsonValue>equal("fundRef", fundRef);
        return new Ledger(fund,
                query(ErpChange.Kind.REQUEST, byFund).stream().map(d -> d.change().request()).toList(),
                query(ErpChange.Kind.CLAIM, byFund).stream().map(d -> d.change().claim()).toList(),
                query(ErpChange.Kind.PAYOUT, byFund).stream().map(d -> d.change().payout()).toList());
    }

    /** Claims naming the same invoice (normalised), in any program, of any partner. */
    public List<MdfClaim> claimsWithInvoice(String invoiceKey) {
        return query(ErpChange.Kind.CLAIM, Predicates.equal("invoiceKey", invoiceKey)).stream()
                .map(d -> d.change().claim()).toList();
    }

    /** Claims resting on the same proof of performance (normalised reference). */
    public List<MdfClaim> claimsWithProof(String proofKey) {
        return query(ErpChange.Kind.CLAIM, Predicates.equal("proofKeys[any]", proofKey)).stream()
                .map(d -> d.change().claim()).toList();
    }

    /** The claims and payouts of one claim id, for the portal's claim view. */
    public List<Payout> payoutsOf(String program, String claimId) {
        return query(ErpChange.Kind.PAYOUT, Predicates.equal("change.payout.claimId", claimId)).stream()
                .map(d -> d.change().payout()).filter(p -> p.program().equals(program)).toList();
    }

    /** One program's ERP rates into {@code reportingCurrency} (rates into other currencies are left out). */
    public FxRates fxRates(String program, String reportingCurrency) {
        Map<String, BigDecimal> rates = new HashMap<>();
        rates.put(reportingCurrency, BigDecimal.ONE);
        for (HazelcastJsonValue value : maps.get(ErpChange.Kind.FX_RATE).values(
                Predicates.equal("change.program", program))) {
            FxRate rate = read(value).change().rate();
            if (rate.reportingCurrency().equals(reportingCurrency) && rate.rate().signum() > 0) {
                rates.put(rate.currency(), rate.rate());
            }
        }
        return new FxRates(reportingCurrency, rates);
    }

    /** The highest ERP change sequence the hub holds per program and kind: where each ERP feed resumes. */
    public Map<String, Map<ErpChange.Kind, Long>> positions() {
        Map<String, Map<ErpChange.Kind, Long>> positions = new HashMap<>();
        maps.forEach((kind, map) -> map.values().forEach(value -> {
            StoredDocument doc = read(value);
            positions.computeIfAbsent(doc.change().program(), p -> new EnumMap<>(ErpChange.Kind.class))
                    .merge(kind, doc.seq(), Math::max);
        }));
        return positions;
    }

    private List<StoredDocument> query(ErpChange.Kind kind,
            com.hazelcast.query.Predicate<String, HazelcastJsonValue> predicate) {
        return maps.get(kind).values(predicate).stream().map(this::read).toList();
    }

    private StoredDocument read(HazelcastJsonValue value) {
        if (value == null) {
            return null;
        }
        try {
            return json.readValue(value.getValue(), StoredDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt MDF document in Hazelcast: " + value, e);
        }
    }

    private String write(StoredDocument document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write MDF document " + document.change().key(), e);
        }
    }

    /** One fund and the documents against it. */
    public record Ledger(MdfFund fund, List<MdfRequest> requests, List<MdfClaim> claims, List<Payout> payouts) {

        public MdfBalance balance() {
            return MdfBalance.of(Objects.requireNonNull(fund, "fund"), requests, claims, payouts);
        }

        /** The balance if {@code claim} (new or changed) were approved: what a claim is checked against. */
        public MdfBalance balanceWithApproved(MdfClaim claim) {
            List<MdfClaim> with = new java.util.ArrayList<>(claims.stream()
                    .filter(c -> !c.id().equals(claim.id())).toList());
            with.add(claim.withStatus(MdfClaim.Status.APPROVED, null, claim.updatedAt()));
            return MdfBalance.of(fund, requests, with, payouts);
        }

        /** The balance if {@code request} were approved. */
        public MdfBalance balanceWithApproved(MdfRequest request) {
            List<MdfRequest> with = new java.util.ArrayList<>(requests.stream()
                    .filter(r -> !r.id().equals(request.id())).toList());
            with.add(request.withStatus(MdfRequest.Status.APPROVED, null, request.updatedAt()));
            return MdfBalance.of(fund, with, claims, payouts);
        }
    }
}
