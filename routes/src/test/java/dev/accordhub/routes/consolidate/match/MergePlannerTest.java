package dev.accordhub.routes.consolidate.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MergePlannerTest {

    final MatchPolicy policy = MatchPolicy.defaults();
    final InMemoryCandidateIndex index = new InMemoryCandidateIndex(policy);
    final CompanyMatcher matcher = new CompanyMatcher(index, policy);
    final MergePlanner planner = new MergePlanner(policy);
    final MapClusters clusters = new MapClusters();

    @Test
    void aRecordJoinsTheGoldenRecordOfItsBestMatch() {
        CompanyCandidate helios = add(Companies.in("helios", "h1").named("Bluefin Systems").country("US"));

        MergePlanner.Plan plan = plan(Companies.in("vantage", "v1").named("BLUEFIN SYSTEMS INC").country("US"));

        assertThat(plan.decision()).isEqualTo(MatchDecision.MERGE);
        assertThat(plan.clusters()).containsExactly(clusters.clusterOf(helios.sourceKey()));
    }

    @Test
    void aGoldenRecordThatHoldsARecordOfTheSameProgramRefusesAFuzzyMatch() {
        CompanyCandidate helios = add(Companies.in("helios", "h1").named("Bluefin Systems").country("US"));
        CompanyCandidate vantage = add(Companies.in("vantage", "v1").named("Bluefin Systems Inc").country("US"));
        clusters.join(vantage, helios);

        MergePlanner.Plan plan = plan(Companies.in("vantage", "v2").named("Bluefin Systems LLC").country("US"));

        assertThat(plan.decision()).isEqualTo(MatchDecision.REVIEW);
        assertThat(plan.reasons()).anyMatch(r -> r.contains("it already holds vantage:partner:v1"));
    }

    @Test
    void aGoldenRecordRefusesARecordWhoseTaxIdContradictsOneOfItsMembers() {
        CompanyCandidate helios = add(Companies.in("helios", "h1").named("Acme GmbH").country("DE"));
        CompanyCandidate nimbus = add(Companies.in("nimbus", "n1").named("Acme Holding").country("DE")
                .taxId("DE111111111"));
        clusters.join(nimbus, helios);

        MergePlanner.Plan plan = plan(Companies.in("vantage", "v1").named("ACME GmbH").country("DE")
                .taxId("DE222222222"));

        assertThat(plan.decision()).isEqualTo(MatchDecision.REVIEW);
        assertThat(plan.reasons()).anyMatch(r -> r.contains("different tax ids DE222222222 / DE111111111"));
    }

    @Test
    void aTaxIdOneKeystrokeFromAMembersIsATypoTheGoldenRecordDoesNotRefuse() {
        CompanyCandidate helios = add(Companies.in("helios", "h1").named("Acme GmbH").country("DE"));
        CompanyCandidate nimbus = add(Companies.in("nimbus", "n1").named("Acme Holding").country("DE")
                .taxId("DE111111111"));
        clusters.join(nimbus, helios);

        MergePlanner.Plan plan = plan(Companies.in("vantage", "v1").named("ACME GmbH").country("DE")
                .taxId("DE111111171"));

        assertThat(plan.decision()).isEqualTo(MatchDecision.MERGE);
        assertThat(plan.clusters()).containsExactly(clusters.clusterOf(helios.sourceKey()));
        assertThat(plan.reasons()).noneMatch(r -> r.contains("refuses"));
    }

    @Test
    void aRecordThatMatchesTwoGoldenRecordsOfOneCompanyLinksThem() {
        CompanyCandidate helios = add(Companies.in("helios", "h1").named("Blue Fin Systems").country("US"));
        CompanyCandidate nimbus = add(Companies.in("nimbus", "n1").named("Bluefin Systems Intl").web("bluefin.com")
                .country("US"));

        MergePlanner.Plan plan = plan(Companies.in("vantage", "v1").named("Bluefin Systems").web("bluefin.com")
                .country("US"));

        assertThat(plan.decision()).isEqualTo(MatchDecision.MERGE);
        assertThat(plan.clusters()).containsExactlyInAnyOrder(clusters.clusterOf(helios.sourceKey()),
                clusters.clusterOf(nimbus.sourceKey()));
    }

    @Test
    void twoGoldenRecordsThatHoldTheSameProgramAreNotLinked() {
        CompanyCandidate helios = add(Companies.in("helios", "h1").named("Blue Fin Systems").country("US"));
        CompanyCandidate otherHelios = add(Companies.in("helios", "h2").named("Bluefin Systems Intl")
                .web("bluefin.com").country("US"));

        MergePlanner.Plan plan = plan(Companies.in("vantage", "v1").named("Bluefin Systems").web("bluefin.com")
                .country("US"));

        assertThat(plan.decision()).isEqualTo(MatchDecision.MERGE);
        assertThat(plan.clusters()).containsExactly(clusters.clusterOf(otherHelios.sourceKey()));
        assertThat(plan.reasons()).anyMatch(r -> r.contains("golden record " + clusters.clusterOf(helios.sourceKey())
                + " refuses"));
    }

    @Test
    void aGoldenRecordThatCanSplitGivesUpTheMemberOfTheSameProgramThatFitsItWorse() {
        clusters.splittable = true;
        CompanyCandidate helios = add(Companies.in("helios", "h1").named("Bluefin Systems").web("bluefin.com")
                .country("US"));
        CompanyCandidate weaker = add(Companies.in("vantage", "v1").named("Bluefin Solutions").country("US"));
        clusters.join(weaker, helios);

        MergePlanner.Plan plan = plan(Companies.in("vantage", "v2").named("Bluefin Systems Inc").web("bluefin.com")
                .country("US"));

        assertThat(plan.decision()).isEqualTo(MatchDecision.MERGE);
        assertThat(plan.clusters()).containsExactly(clusters.clusterOf(helios.sourceKey()));
        assertThat(plan.evicted()).containsExactly("vantage:partner:v1");
        assertThat(plan.reasons()).anyMatch(r -> r.contains("gives up vantage:partner:v1 of program vantage"));
    }

    @Test
    void aGoldenRecordThatCanSplitGivesUpAMemberWhoseTaxIdContradictsABetterFittingRecord() {
        clusters.splittable = true;
        CompanyCandidate helios = add(Companies.in("helios", "h1").named("Bluefin Systems").web("bluefin.com")
                .country("US"));
        CompanyCandidate weaker = add(Companies.in("nimbus", "n1").named("Bluefin Solutions").country("US")
                .taxId("US111111111"));
        clusters.join(weaker, helios);

        MergePlanner.Plan plan = plan(Companies.in("vantage", "v1").named("Bluefin Systems Inc").web("bluefin.com")
                .country("US").taxId("US222222222"));

        assertThat(plan.decision()).isEqualTo(MatchDecision.MERGE);
        assertThat(plan.evicted()).containsExactly("nimbus:partner:n1");
    }

    @Test
    void aGoldenRecordKeepsTheMemberOfTheSameProgramThatFitsItBetter() {
        clusters.splittable = true;
        CompanyCandidate helios = add(Companies.in("helios", "h1").named("Bluefin Systems").web("bluefin.com")
                .country("US"));
        CompanyCandidate stronger = add(Companies.in("vantage", "v1").named("Bluefin Systems Inc").web("bluefin.com")
                .country("US"));
        clusters.join(stronger, helios);

        MergePlanner.Plan plan = plan(Companies.in("vantage", "v2").named("Bluefin Systems LLC").country("US"));

        assertThat(plan.decision()).isEqualTo(MatchDecision.REVIEW);
        assertThat(plan.evicted()).isEmpty();
        assertThat(plan.reasons()).anyMatch(r -> r.contains("it already holds vantage:partner:v1"));
    }

    @Test
    void aMemberAnExactKeyLinksToTheGoldenRecordIsNotGivenUp() {
        clusters.splittable = true;
        CompanyCandidate helios = add(Companies.in("helios", "h1").named("Bluefin Systems").web("bluefin.com")
                .country("US").taxId("US123456789"));
        CompanyCandidate linked = add(Companies.in("vantage", "v1").named("BFS Holdings").country("US")
                .taxId("US123456789"));
        clusters.join(linked, helios);

        MergePlanner.Plan plan = plan(Companies.in("vantage", "v2").named("Bluefin Systems Inc").web("bluefin.com")
                .country("US"));

        assertThat(plan.decision()).isEqualTo(MatchDecision.REVIEW);
        assertThat(plan.evicted()).isEmpty();
    }

    @Test
    void aGoldenStoreThatCannotSplitIsNeverAskedTo() {
        CompanyCandidate helios = add(Companies.in("helios", "h1").named("Bluefin Systems").web("bluefin.com")
                .country("US"));
        CompanyCandidate weaker = add(Companies.in("vantage", "v1").named("Bluefin Solutions").country("US"));
        clusters.join(weaker, helios);

        MergePlanner.Plan plan = plan(Companies.in("vantage", "v2").named("Bluefin Systems Inc").web("bluefin.com")
                .country("US"));

        assertThat(plan.decision()).isEqualTo(MatchDecision.REVIEW);
        assertThat(plan.evicted()).isEmpty();
    }

    @Test
    void aSeparateMatchPlansNothing() {
        MergePlanner.Plan plan = plan(Companies.in("vantage", "v1").named("Initech").country("US"));

        assertThat(plan.decision()).isEqualTo(MatchDecision.SEPARATE);
        assertThat(plan.clusters()).isEmpty();
    }

    private CompanyCandidate add(Companies record) {
        CompanyCandidate candidate = record.build();
        index.add(candidate);
        clusters.add(candidate);
        return candidate;
    }

    private MergePlanner.Plan plan(Companies probe) {
        return planner.plan(matcher.match(probe.build()), clusters);
    }

    /** Golden records in a map: what the consolidator keeps in its cross-reference. */
    static final class MapClusters implements MergePlanner.Clusters {

        private final Map<String, String> clusterOf = new HashMap<>();
        private final Map<String, List<CompanyCandidate>> members = new HashMap<>();
        boolean splittable;

        void add(CompanyCandidate candidate) {
            String id = "golden-" + candidate.sourceKey();
            clusterOf.put(candidate.sourceKey(), id);
            members.computeIfAbsent(id, k -> new ArrayList<>()).add(candidate);
        }

        void join(CompanyCandidate record, CompanyCandidate into) {
            String from = clusterOf(record.sourceKey());
            String to = clusterOf(into.sourceKey());
            for (CompanyCandidate moved : members.remove(from)) {
                clusterOf.put(moved.sourceKey(), to);
                members.get(to).add(moved);
            }
        }

        @Override
        public String clusterOf(String sourceKey) {
            return clusterOf.get(sourceKey);
        }

        @Override
        public List<CompanyCandidate> members(String clusterId) {
            return members.get(clusterId);
        }

        @Override
        public boolean splittable() {
            return splittable;
        }
    }
}
