package dev.accordhub.routes.consolidate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import dev.accordhub.model.testing.TestClock;
import dev.accordhub.routes.TestHazelcast;
import dev.accordhub.model.Deal;
import dev.accordhub.model.DealStage;
import dev.accordhub.model.EntityType;
import dev.accordhub.model.Money;
import dev.accordhub.model.PartnerOrg;
import dev.accordhub.model.PartnerStatus;
import dev.accordhub.model.PartnerType;
import dev.accordhub.model.SourceRef;
import dev.accordhub.model.Tier;
import dev.accordhub.model.Conflict;
import dev.accordhub.model.identity.IdentityCommand;
import dev.accordhub.model.identity.StewardshipTask;
import dev.accordhub.routes.consolidate.identity.IdentityCommandHandler;
import dev.accordhub.routes.consolidate.identity.HazelcastCandidateIndex;
import dev.accordhub.routes.consolidate.identity.PartnerMatching;
import dev.accordhub.routes.consolidate.identity.PartnerMerges;
import dev.accordhub.routes.consolidate.match.MatchPolicy;
import dev.accordhub.routes.consolidate.identity.StewardshipStore;
import dev.accordhub.routes.consolidate.survivorship.FieldLineage;
import dev.accordhub.routes.consolidate.survivorship.Survivorship;
import dev.accordhub.routes.consolidate.survivorship.SurvivorshipPolicy;
import dev.accordhub.routes.consolidate.survivorship.SurvivorshipRule;
import java.util.Map;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The consolidation rules against a real (embedded, standalone) Hazelcast member. */
class ConsolidatorTest {

    static final Instant T1 = Instant.parse("2026-11-24T10:00:00Z");
    static final Instant T2 = Instant.parse("2026-11-24T11:00:00Z");
    static final Instant T3 = Instant.parse("2026-11-24T12:00:00Z");

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    static HazelcastInstance hazelcast;
    Consolidator consolidator;
    GoldenStore store;
    PartnerMatching partnerMatching;
    StewardshipStore stewardship;
    IdentityCommandHandler identity;

    @BeforeAll
    static void startHazelcast() {
        hazelcast = TestHazelcast.start("consolidator-test");
    }

    @AfterAll
    static void stopHazelcast() {
        hazelcast.shutdown();
    }

    @AfterEach
    void closeStore() {
        store.close(); // its listeners on the shared member
    }

    @BeforeEach
    void emptyMaps() {
        hazelcast.getDistributedObjects().forEach(o -> {
            if (o instanceof com.hazelcast.map.IMap<?, ?> map) {
                map.clear();
            } else if (o instanceof com.hazelcast.multimap.MultiMap<?, ?> multi) {
                multi.clear();
            }
        });
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        store = new GoldenStore(hazelcast, json);
        stewardship = new StewardshipStore(hazelcast, json);
        partnerMatching = new PartnerMatching(store, new HazelcastCandidateIndex(hazelcast, 200, json),
                MatchPolicy.defaults(), stewardship);
        identity = new IdentityCommandHandler(new PartnerMerges(store, new Survivorship(
                SurvivorshipPolicy.MOST_RECENT_WINS)), stewardship, TestClock.ticking(T3, Duration.ofMillis(1)));
        consolidator = new Consolidator(store, stewardship, partnerMatching,
                new Survivorship(SurvivorshipPolicy.MOST_RECENT_WINS), CLOCK, true);
    }

    @Test
    void aGoldenRecordGivesUpAWronglyMergedMemberOfTheSameProgramToABetterFittingRecord() {
        consolidator.applyPartner(partner("helios", "h1", "Bluefin Systems", "bluefin.com", Tier.GOLD, T1));
        consolidator.applyPartner(partner("vantage", "v1", "Bluefin Solutions", null, Tier.GOLD, T1));
        String golden = store.goldenIdOf("helios:partner:h1");
        new PartnerMerges(store, new Survivorship(SurvivorshipPolicy.MOST_RECENT_WINS))
                .merge(golden, store.goldenIdOf("vantage:partner:v1")); // an earlier wrong merge, no steward's

        Consolidation outcome = consolidator.applyPartner(partner("vantage", "v2", "Bluefin Systems Inc", null,
                Tier.GOLD, T2)).orElseThrow();

        assertThat(store.goldenIdOf("vantage:partner:v2")).isEqualTo(golden);
        assertThat(store.goldenIdOf("vantage:partner:v1")).isNotEqualTo(golden);
        assertThat(store.get(EntityType.PARTNER, golden, PartnerOrg.class).sources())
                .extracting(SourceRef::externalId).containsExactlyInAnyOrder("h1", "v2");
        assertThat(outcome.history()).singleElement().satisfies(entry -> {
            assertThat(entry.by()).isEqualTo(PartnerMatching.AUTOMATIC);
            assertThat(entry.sourceKeys()).containsExactly("vantage:partner:v1");
        });
        assertThat(outcome.changes()).extracting(GoldenChange::id)
                .contains(golden, store.goldenIdOf("vantage:partner:v1"));
    }

    @Test
    void aGoldenRecordAStewardDecidedOnIsNotSplitButReviewed() {
        consolidator.applyPartner(partner("helios", "h1", "Bluefin Systems", "bluefin.com", Tier.GOLD, T1));
        consolidator.applyPartner(partner("vantage", "v1", "Bluefin Solutions", null, Tier.GOLD, T1));
        String golden = store.goldenIdOf("helios:partner:h1");
        identity.handle(command(IdentityCommand.Type.MERGE, golden, store.goldenIdOf("vantage:partner:v1"), null,
                null));

        Consolidation outcome = consolidator.applyPartner(partner("vantage", "v2", "Bluefin Systems Inc", null,
                Tier.GOLD, T2)).orElseThrow();

        assertThat(store.goldenIdOf("vantage:partner:v1")).isEqualTo(golden);
        assertThat(store.goldenIdOf("vantage:partner:v2")).isNotEqualTo(golden);
        assertThat(outcome.tasks()).singleElement().satisfies(task -> assertThat(task.reasons())
                .anyMatch(r -> r.contains("not split automatically")));
    }

    @Test
    void theSameChangeTwiceChangesNothingTheSecondTime() {
        PartnerOrg change = partner("helios", "001A", "Acme Corp", "acme.com", Tier.GOLD, T1);

        assertThat(consolidator.applyPartner(change)).isPresent();
        assertThat(consolidator.applyPartner(change)).isEmpty();
    }

    @Test
    void anOlderChangeNeverOverwritesANewerOne() {
        consolidator.applyPartner(partner("helios", "001A", "Acme New Name", "acme.com", Tier.GOLD, T2));
        Optional<Consolidation> stale =
                consolidator.applyPartner(partner("helios", "001A", "Acme Old Name", "acme.com", Tier.SILVER, T1));

        assertThat(stale).isEmpty();
        String id = store.goldenIdOf("helios:partner:001A");
        assertThat(store.get(EntityType.PARTNER, id, PartnerOrg.class).name()).isEqualTo("Acme New Name");
    }

    @Test
    void theSameDomainInTwoProgramsIsOnePartnerWithTwoSourcesAndTheNewestValuesWin() {
        GoldenChange first = consolidator.applyPartner(
                partner("helios", "001A", "Acme Corp", "acme.com", Tier.GOLD, T1)).orElseThrow().golden();
        GoldenChange second = consolidator.applyPartner(
                partner("vantage", "9001", "ACME Corporation", "acme.com", Tier.PLATINUM, T2)).orElseThrow().golden();

        assertThat(second.id()).isEqualTo(first.id());
        PartnerOrg golden = (PartnerOrg) second.record();
        assertThat(golden.sources()).extracting(SourceRef::program).containsExactly("helios", "vantage");
        assertThat(golden.name()).isEqualTo("ACME Corporation");
        assertThat(golden.tier()).isEqualTo(Tier.PLATINUM);
        assertThat(golden.updatedAt()).isEqualTo(T2);

        PartnerOrg afterHeliosEdit = (PartnerOrg) consolidator.applyPartner(
                partner("helios", "001A", "Acme Corp.", "acme.com", Tier.GOLD, T3)).orElseThrow().golden().record();
        assertThat(afterHeliosEdit.name()).isEqualTo("Acme Corp.");
        assertThat(afterHeliosEdit.sources()).hasSize(2);
    }

    @Test
    void unrelatedCompaniesStaySeparateAndASpellingVariantWithARelatedDomainMerges() {
        GoldenChange acme = consolidator.applyPartner(partner("helios", "001A", "Acme Corp.", "acme.com", Tier.GOLD,
                T1)).orElseThrow().golden();
        Consolidation other = consolidator.applyPartner(partner("vantage", "9001", "Acme Data Services",
                "acmedata.io", Tier.GOLD, T1)).orElseThrow();
        Consolidation variant = consolidator.applyPartner(partner("nimbus", "N1", "ACME Corporation",
                "acme-group.de", Tier.GOLD, T2)).orElseThrow();

        assertThat(other.golden().id()).isNotEqualTo(acme.id());
        assertThat(other.tasks()).isEmpty();
        assertThat(variant.golden().id()).as("fuzzy merge: same name, related domain").isEqualTo(acme.id());
    }

    @Test
    void dealsKeepTheirOwnIdAndIgnoreStaleVersions() {
        Deal v2 = deal("006X", "250000", T2);
        Deal v1 = deal("006X", "100000", T1);

        GoldenChange applied = consolidator.applyDeal(v2).orElseThrow().golden();
        assertThat(consolidator.applyDeal(v1)).isEmpty();
        assertThat(store.get(EntityType.DEAL, applied.id(), Deal.class).amount()).isEqualTo(Money.of("250000", "USD"));
        assertThat(applied.id()).isEqualTo(GoldenIds.of(EntityType.DEAL, "helios:deal:006X"));
    }

    @Test
    void aDealIsWrittenBehindReadableAtOnceAndLeftForTheApplyingThreadToWaitFor() throws Exception {
        store.takeWritesBehind();
        GoldenChange applied = consolidator.applyDeal(deal("006W", "100", T1)).orElseThrow().golden();
        List<GoldenStore.WriteBehind> writes = store.takeWritesBehind();
        assertThat(writes).extracting(GoldenStore.WriteBehind::map).containsExactly(GoldenStore.DEALS);
        assertThat(store.takeWritesBehind()).as("taken once").isEmpty();

        // Before anyone waited, from another thread: one member runs a partition's operations in the order made.
        Deal read = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> store.get(EntityType.DEAL, applied.id(), Deal.class))
                .get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(read.amount()).isEqualTo(Money.of("100", "USD"));
        for (GoldenStore.WriteBehind w : writes) {
            w.done().get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(store.dealIdOf("helios:deal:006W")).isEqualTo(applied.id());
        assertThat(store.goldenIdOf("helios:deal:006W")).as("derived, not linked").isNull();
        assertThat(store.dealIdOf("helios:deal:never-seen")).isNull();
    }

    @Test
    void aThreadThatNeverTakesItsWritesBehindHoldsNoMoreThanTheBound() {
        store.takeWritesBehind();
        for (int i = 0; i <= GoldenStore.MAX_BEHIND; i++) {
            store.putBehind(EntityType.DEAL, "deal-" + i, deal("bound-" + i, "1", T1));
        }
        // The write past the bound waited for the ones before it, and only it is left.
        assertThat(store.takeWritesBehind()).hasSize(1);
        assertThat(hazelcast.getMap(GoldenStore.DEALS).containsKey("deal-0")).isTrue();
    }

    @Test
    void configuredRulesPickTierByProgramPriorityAndTheFullestName() {
        SurvivorshipPolicy policy = new SurvivorshipPolicy(List.of("helios", "vantage"), SurvivorshipRule.MOST_RECENT,
                Map.of("tier", SurvivorshipRule.SOURCE_PRIORITY, "name", SurvivorshipRule.MOST_COMPLETE),
                Duration.ofMinutes(5));
        consolidator = new Consolidator(store, stewardship, partnerMatching, new Survivorship(policy), CLOCK,
                true);
        consolidator.applyPartner(partner("helios", "001A", "Acme Corporation Ltd", "acme.com", Tier.GOLD, T1));
        PartnerOrg golden = (PartnerOrg) consolidator.applyPartner(
                partner("vantage", "9001", "Acme", "acme.com", Tier.PLATINUM, T2)).orElseThrow().golden().record();

        assertThat(golden.tier()).as("helios outranks vantage for tier").isEqualTo(Tier.GOLD);
        assertThat(golden.name()).as("the fullest name").isEqualTo("Acme Corporation Ltd");
        List<FieldLineage> lineage = new LineageService(store, new Survivorship(policy))
                .partnerLineage(golden.id()).orElseThrow();
        assertThat(lineage).filteredOn(l -> l.field().equals("tier")).singleElement().satisfies(l -> {
            assertThat(l.source().program()).isEqualTo("helios");
            assertThat(l.source().version()).isEqualTo(T1);
            assertThat(l.rule()).isEqualTo(SurvivorshipRule.SOURCE_PRIORITY);
            assertThat(l.candidates()).isEqualTo(2);
        });
        assertThat(lineage).filteredOn(l -> l.field().equals("country")).singleElement()
                .satisfies(l -> assertThat(l.source().program()).isEqualTo("vantage"));
    }

    @Test
    void theSameFieldEditedInBothProgramsAtOnceIsAConflictWithADeterministicWinner() {
        consolidator.applyPartner(partner("helios", "001A", "Acme Corp", "acme.com", Tier.GOLD, T1));
        consolidator.applyPartner(partner("vantage", "9001", "Acme Corp", "acme.com", Tier.GOLD, T1));
        Instant edit = T2;
        consolidator.applyPartner(partner("helios", "001A", "Acme Helios Name", "acme.com", Tier.GOLD, edit));
        Consolidation second = consolidator.applyPartner(
                partner("vantage", "9001", "Acme Vantage Name", "acme.com", Tier.GOLD, edit.plusSeconds(30))).orElseThrow();

        assertThat(second.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.field()).isEqualTo("name");
            assertThat(conflict.winningValue()).isEqualTo("Acme Vantage Name");
            assertThat(conflict.winner().program()).isEqualTo("vantage");
            assertThat(conflict.values()).extracting(Conflict.Candidate::value)
                    .containsExactly("Acme Helios Name", "Acme Vantage Name");
            assertThat(conflict.rule()).isEqualTo("MOST_RECENT");
        });
        assertThat(((PartnerOrg) second.golden().record()).name()).isEqualTo("Acme Vantage Name");
    }

    @Test
    void editsFarApartInTimeAreNotAConflict() {
        consolidator.applyPartner(partner("helios", "001A", "Acme Corp", "acme.com", Tier.GOLD, T1));
        consolidator.applyPartner(partner("vantage", "9001", "Acme Corp", "acme.com", Tier.GOLD, T1));
        consolidator.applyPartner(partner("helios", "001A", "Acme Old Rename", "acme.com", Tier.GOLD, T2));
        Consolidation later = consolidator.applyPartner(
                partner("vantage", "9001", "Acme New Rename", "acme.com", Tier.GOLD, T3)).orElseThrow();

        assertThat(later.conflicts()).isEmpty();
    }

    @Test
    void aDeletedDealLeavesTheModelAndAStaleDeleteDoesNot() {
        GoldenChange applied = consolidator.applyDeal(deal("006X", "100", T2)).orElseThrow().golden();

        assertThat(consolidator.deleteDeal(deal("006X", "100", T1))).as("older than the record").isEmpty();
        Consolidation deleted = consolidator.deleteDeal(deal("006X", "100", T3)).orElseThrow();

        assertThat(deleted.golden().record()).as("a tombstone").isNull();
        assertThat(store.get(EntityType.DEAL, applied.id(), Deal.class)).isNull();
        assertThat(consolidator.deleteDeal(deal("006X", "100", T3))).as("deleting twice").isEmpty();
    }

    @Test
    void aPartnerDeletedInOneProgramKeepsItsOtherSourceAndGoesWithItsLast() {
        consolidator.applyPartner(partner("helios", "001A", "Acme Corp", "acme.com", Tier.GOLD, T1));
        String id = consolidator.applyPartner(partner("vantage", "9001", "ACME", "acme.com", Tier.SILVER, T2))
                .orElseThrow().golden().id();

        PartnerOrg afterHeliosDelete = (PartnerOrg) consolidator.deletePartner(
                partner("helios", "001A", "Acme Corp", "acme.com", Tier.GOLD, T3)).orElseThrow().golden().record();
        assertThat(afterHeliosDelete.sources()).extracting(SourceRef::program).containsExactly("vantage");
        assertThat(afterHeliosDelete.name()).isEqualTo("ACME");
        assertThat(store.goldenIdOf("helios:partner:001A")).isNull();

        Consolidation last = consolidator.deletePartner(
                partner("vantage", "9001", "ACME", "acme.com", Tier.SILVER, T3)).orElseThrow();
        assertThat(last.golden().record()).isNull();
        assertThat(store.get(EntityType.PARTNER, id, PartnerOrg.class)).isNull();
    }

    @Test
    void theSameNameAndCountryWithoutASharedKeyOpensAStewardshipTaskInsteadOfMerging() {
        String acme = consolidator.applyPartner(partner("helios", "001A", "Northwind Traders", "northwind.com",
                Tier.GOLD, T1)).orElseThrow().golden().id();
        Consolidation other = consolidator.applyPartner(partner("vantage", "9001", "NORTHWIND TRADERS",
                "other-domain.example", Tier.GOLD, T2)).orElseThrow();

        assertThat(other.golden().id()).isNotEqualTo(acme);
        assertThat(other.tasks()).singleElement().satisfies(task -> {
            assertThat(task.goldenId()).isEqualTo(other.golden().id());
            assertThat(task.candidateId()).isEqualTo(acme);
            assertThat(task.status()).isEqualTo(StewardshipTask.Status.OPEN);
            assertThat(task.score()).isBetween(0.80, 0.92);
            assertThat(task.reasons()).anySatisfy(r -> assertThat(r).contains("northwind traders"));
        });
        assertThat(stewardship.tasks(StewardshipTask.Status.OPEN)).hasSize(1);
    }

    @Test
    void acceptingATaskMergesAndAnUnmergeGivesTheSourceBackItsOwnRecord() {
        String acme = consolidator.applyPartner(partner("helios", "001A", "Northwind Traders", "northwind.com",
                Tier.GOLD, T1)).orElseThrow().golden().id();
        Consolidation other = consolidator.applyPartner(partner("vantage", "9001", "NORTHWIND TRADERS",
                "other-domain.example", Tier.GOLD, T2)).orElseThrow();
        StewardshipTask task = other.tasks().get(0);

        Consolidation accepted = identity.handle(command(IdentityCommand.Type.ACCEPT, null, null, null, task.id()));

        assertThat(accepted.changes()).extracting(GoldenChange::id).containsExactly(acme, other.golden().id());
        assertThat(accepted.changes().get(1).record()).as("the absorbed record is removed").isNull();
        assertThat(((PartnerOrg) accepted.changes().get(0).record()).sources()).hasSize(2);
        assertThat(store.goldenIdOf("vantage:partner:9001")).isEqualTo(acme);
        assertThat(stewardship.task(task.id()).orElseThrow().status()).isEqualTo(StewardshipTask.Status.ACCEPTED);

        Consolidation unmerged = identity.handle(command(IdentityCommand.Type.UNMERGE, acme, null,
                "vantage:partner:9001", null));
        String splitId = unmerged.changes().get(1).id();
        assertThat(((PartnerOrg) unmerged.changes().get(0).record()).sources()).extracting(SourceRef::program)
                .containsExactly("helios");
        assertThat(((PartnerOrg) unmerged.changes().get(1).record()).name()).isEqualTo("NORTHWIND TRADERS");
        assertThat(store.goldenIdOf("vantage:partner:9001")).isEqualTo(splitId);
        assertThat(store.sourceRecord("vantage:partner:9001", PartnerOrg.class)).as("source data kept").isNotNull();
        assertThat(stewardship.history(acme)).extracting(e -> e.type())
                .containsExactly(IdentityCommand.Type.ACCEPT, IdentityCommand.Type.UNMERGE);
    }

    @Test
    void aRefusedCommandChangesNothingAndSaysWhy() {
        Consolidation refused = identity.handle(command(IdentityCommand.Type.MERGE, "nope-1", "nope-2", null, null));

        assertThat(refused.changes()).isEmpty();
        assertThat(refused.history()).singleElement()
                .satisfies(entry -> assertThat(entry.outcome()).startsWith("refused: No partner with id 'nope-1'"));
    }

    /** A clock a millisecond further on at every reading, so history entries have an order. */

    private static IdentityCommand command(IdentityCommand.Type type, String goldenId, String otherId,
            String sourceKey, String taskId) {
        return new IdentityCommand(java.util.UUID.randomUUID().toString(), type, goldenId, otherId, sourceKey, taskId,
                T3, "test-operator");
    }

    @Test
    void theSameTaxIdMergesAcrossDomainsAndADifferentOneVetoesADomainMatch() {
        String acme = consolidator.applyPartner(withIds(partner("helios", "001A", "Acme Corp", "acme.com",
                Tier.GOLD, T1), "DE123456789", null)).orElseThrow().golden().id();
        Consolidation sameTax = consolidator.applyPartner(withIds(partner("vantage", "9001", "Acme Deutschland",
                "acme.de", Tier.GOLD, T2), "DE123456789", null)).orElseThrow();
        assertThat(sameTax.golden().id()).as("the tax id outranks a different domain").isEqualTo(acme);

        Consolidation otherTax = consolidator.applyPartner(withIds(partner("nimbus", "N1", "Acme Retail",
                "acme.com", Tier.GOLD, T2), "DE999999999", null)).orElseThrow();
        assertThat(otherTax.golden().id()).as("same domain, another company").isNotEqualTo(acme);
        assertThat(otherTax.tasks()).singleElement().satisfies(task -> {
            assertThat(task.candidateId()).isEqualTo(acme);
            assertThat(task.reasons().get(0)).contains("another tax id");
        });
    }

    private static PartnerOrg withIds(PartnerOrg p, String taxId, String duns) {
        return new PartnerOrg(p.id(), p.name(), p.domain(), p.country(), p.city(), p.postalCode(), p.tier(), p.type(), p.territory(),
                p.vertical(), taxId, duns, p.status(), p.updatedAt(), p.sources());
    }

    private static PartnerOrg partner(String program, String id, String name, String domain, Tier tier, Instant at) {
        return new PartnerOrg(null, name, domain, "US", null, null, tier, PartnerType.RESELLER, null, null, null, null,
                PartnerStatus.ACTIVE, at,
                List.of(new SourceRef(program.equals("helios") ? "salesforce" : "hubspot", program, id, at)));
    }

    @Test
    void aBatchAsksForItsDealsAheadHoldsItsWritesBackAndSeesThemItself() {
        String existing = consolidator.applyDeal(deal("006A", "100.00", T1)).orElseThrow().golden().id();
        store.takeWritesBehind().forEach(w -> w.done().join());
        String fresh = GoldenIds.of(EntityType.DEAL, "helios:deal:006B");
        com.hazelcast.map.IMap<String, Object> deals = hazelcast.getMap(GoldenStore.DEALS);
        store.beginBatch(EntityType.DEAL, List.of(existing, fresh));
        try {
            assertThat(store.get(EntityType.DEAL, existing, Deal.class).amount()).isEqualTo(Money.of("100.00", "USD"));
            assertThat(store.get(EntityType.DEAL, fresh, Deal.class)).isNull();

            // Two changes of a new deal in one batch, the newer first: the older one finds the newer one's write,
            // which Hazelcast does not have yet.
            assertThat(consolidator.applyDeal(deal("006B", "300.00", T3))).isPresent();
            assertThat(consolidator.applyDeal(deal("006B", "200.00", T2))).as("stale within the batch").isEmpty();
            assertThat(store.get(EntityType.DEAL, fresh, Deal.class).amount()).isEqualTo(Money.of("300.00", "USD"));
            assertThat(deals.containsKey(fresh)).as("held back").isFalse();
            List<GoldenStore.WriteBehind> writes = store.takeWritesBehind();
            assertThat(writes).extracting(GoldenStore.WriteBehind::map).containsExactly("deals");
            assertThat(writes).noneMatch(w -> w.done().isDone());

            store.flushWrites();
            writes.forEach(w -> w.done().join());
            assertThat(deals.containsKey(fresh)).isTrue();
            assertThat(store.dealIdOf("helios:deal:006B")).isEqualTo(fresh);
        } finally {
            store.endBatch();
        }
        // After the batch, the map again.
        deals.delete(existing);
        assertThat(store.get(EntityType.DEAL, existing, Deal.class)).isNull();
        assertThat(store.get(EntityType.DEAL, fresh, Deal.class).amount()).isEqualTo(Money.of("300.00", "USD"));
    }

    @Test
    void aSynchronousWriteInABatchGoesAfterTheWritesHeldBack() {
        String id = GoldenIds.of(EntityType.DEAL, "helios:deal:006C");
        store.beginBatch(EntityType.DEAL, List.of(id));
        try {
            consolidator.applyDeal(deal("006C", "100.00", T1));
            store.remove(EntityType.DEAL, id); // e.g. a delete handled on the same thread, in the same batch
        } finally {
            store.endBatch();
        }
        store.takeWritesBehind().forEach(w -> w.done().join());
        assertThat(hazelcast.getMap(GoldenStore.DEALS).containsKey(id)).as("the held-back put went first").isFalse();
    }

    private static Deal deal(String id, String amount, Instant at) {
        return new Deal(null, "Big deal", "helios:partner:001A", "Globex", Money.of(amount, "USD"),
                DealStage.PROPOSAL, LocalDate.of(2026, 12, 31), at, List.of(new SourceRef("salesforce", "helios", id, at)));
    }
}
