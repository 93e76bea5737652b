package dev.accordhub.routes.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import dev.accordhub.model.Deal;
import dev.accordhub.model.DealRegistration;
import dev.accordhub.model.DealStage;
import dev.accordhub.model.EntityType;
import dev.accordhub.model.Money;
import dev.accordhub.model.RegistrationStatus;
import dev.accordhub.model.SourceRef;
import dev.accordhub.model.registration.Alert;
import dev.accordhub.model.registration.DealCommand;
import dev.accordhub.routes.TestHazelcast;
import dev.accordhub.routes.consolidate.GoldenStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Registrations applied to a real Hazelcast model: submission, conflicts, policies, link, echo, decision, SLA. */
class RegistrationHandlerTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static HazelcastInstance hazelcast;
    GoldenStore store;

    @BeforeAll
    static void start() {
        hazelcast = TestHazelcast.start("registrations");
    }

    @AfterAll
    static void stop() {
        hazelcast.shutdown();
    }

    @AfterEach
    void closeStore() {
        store.close(); // its listeners on the shared member
    }

    @BeforeEach
    void clean() {
        store = new GoldenStore(hazelcast, new ObjectMapper().findAndRegisterModules());
        store.map(EntityType.DEAL).clear();
        hazelcast.getMap(GoldenStore.PROVISIONAL).clear();
        store.link("helios:partner:A1", "partner-a");
        store.link("vantage:partner:B1", "partner-b");
        store.link("helios:partner:C1", "partner-b"); // partner b is in both programs
        store.link("helios:partner:D1", "partner-d");
    }

    @Test
    void aSubmissionBecomesGoldenWhileThePortalsQueuedWriteReachesTheCrm() {
        Deal deal = registration("reg-1", "helios:partner:A1", "northwind.example", "Northwind GmbH", NOW);

        RegistrationOutcome outcome = handler("manual-review").apply(DealCommand.submit(deal, NOW)).orElseThrow();

        assertThat(outcome.changed()).extracting(Deal::id).containsExactly("reg-1");
        assertThat(outcome.writes()).as("the portal queued it with the command").isEmpty();
        assertThat(outcome.alerts()).isEmpty();
        assertThat(store.get(EntityType.DEAL, "reg-1", Deal.class).registration().status())
                .isEqualTo(RegistrationStatus.SUBMITTED);
    }

    @Test
    void anotherPartnersRegistrationOfTheSameCustomerIsAConflictOnBoth() {
        RegistrationHandler handler = handler("manual-review");
        handler.apply(DealCommand.submit(registration("reg-1", "helios:partner:A1", "northwind.example",
                "Northwind GmbH", NOW), NOW));

        RegistrationOutcome outcome = handler.apply(DealCommand.submit(registration("reg-2", "vantage:partner:B1",
                "www.Northwind.example", "Northwind", NOW.plusSeconds(60)), NOW)).orElseThrow();

        assertThat(outcome.alerts()).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(Alert.Type.CHANNEL_CONFLICT);
            assertThat(a.related()).containsExactly("reg-1");
        });
        assertThat(store.get(EntityType.DEAL, "reg-2", Deal.class).registration().conflictsWith())
                .containsExactly("reg-1");
        assertThat(store.get(EntityType.DEAL, "reg-1", Deal.class).registration().conflictsWith())
                .containsExactly("reg-2");
        assertThat(store.get(EntityType.DEAL, "reg-2", Deal.class).registration().status())
                .as("manual review leaves the decision to the channel team").isEqualTo(RegistrationStatus.SUBMITTED);
    }

    @Test
    void twoPartnersOfOneProgramRegisteringOneCustomerConflictToo() {
        RegistrationHandler handler = handler("manual-review");
        handler.apply(DealCommand.submit(registration("reg-1", "helios:partner:A1", "tailspin.example", "Tailspin",
                NOW), NOW));

        RegistrationOutcome outcome = handler.apply(DealCommand.submit(registration("reg-2", "helios:partner:D1",
                "tailspin.example", "Tailspin Toys", NOW), NOW)).orElseThrow();

        assertThat(outcome.alerts()).extracting(Alert::related).containsExactly(List.of("reg-1"));
    }

    @Test
    void firstComeWinsRejectsTheLaterRegistrationAtOnce() {
        RegistrationHandler handler = handler("first-come-wins");
        handler.apply(DealCommand.submit(registration("reg-1", "helios:partner:A1", null, "Contoso Ltd", NOW), NOW));

        RegistrationOutcome outcome = handler.apply(DealCommand.submit(registration("reg-2", "vantage:partner:B1",
                null, "CONTOSO Limited", NOW.plusSeconds(5)), NOW)).orElseThrow();

        Deal later = store.get(EntityType.DEAL, "reg-2", Deal.class);
        assertThat(later.registration().status()).isEqualTo(RegistrationStatus.REJECTED);
        assertThat(later.registration().decisionReason()).contains("reg-1");
        assertThat(outcome.writes()).as("the CRM learns of the rejection").containsExactly(later);
        assertThat(later.registration().writtenHash()).isEqualTo(RegistrationEcho.hash(later));
    }

    @Test
    void noConflictWithinOnePartnerAcrossItsProgramsOrOutsideTheWindowOrForAnotherCustomer() {
        RegistrationHandler handler = handler("manual-review");
        handler.apply(DealCommand.submit(registration("reg-1", "vantage:partner:B1", "fabrikam.example",
                "Fabrikam", NOW), NOW));

        var samePartner = handler.apply(DealCommand.submit(registration("reg-2", "helios:partner:C1",
                "fabrikam.example", "Fabrikam", NOW), NOW)).orElseThrow();
        var longAfter = handler.apply(DealCommand.submit(registration("reg-3", "helios:partner:A1",
                "fabrikam.example", "Fabrikam", NOW.plus(Duration.ofDays(200))), NOW)).orElseThrow();
        var otherCustomer = handler.apply(DealCommand.submit(registration("reg-4", "helios:partner:A1",
                "tailspin.example", "Tailspin", NOW), NOW)).orElseThrow();

        assertThat(samePartner.alerts()).isEmpty();
        assertThat(longAfter.alerts()).isEmpty();
        assertThat(otherCustomer.alerts()).isEmpty();
    }

    @Test
    void theCrmsEchoOfOurWriteChangesNothingButItsDecisionDoes() {
        RegistrationHandler handler = handler("manual-review");
        Deal deal = registration("reg-1", "helios:partner:A1", "northwind.example", "Northwind GmbH", NOW);
        handler.apply(DealCommand.submit(deal, NOW));
        SourceRef crm = new SourceRef("salesforce", "helios", "006A", Instant.EPOCH);
        assertThat(handler.apply(DealCommand.link("reg-1", crm, RegistrationEcho.hash(deal), NOW))).isPresent();

        Deal echo = reported(deal, "006A", NOW.plusSeconds(1), RegistrationStatus.SUBMITTED, null, deal.name());
        assertThat(handler.applyReported(echo)).isEmpty();

        Deal approved = reported(deal, "006A", NOW.plusSeconds(2), RegistrationStatus.APPROVED, "fits", deal.name());
        RegistrationOutcome outcome = handler.applyReported(approved).orElseThrow();
        assertThat(outcome.changed().get(0).registration().status()).isEqualTo(RegistrationStatus.APPROVED);
        assertThat(outcome.writes()).as("a CRM change is never written back").isEmpty();
        assertThat(outcome.changed().get(0).sources()).extracting(SourceRef::system)
                .containsExactly("accord", "salesforce");

        Deal stale = reported(deal, "006A", NOW.plusMillis(1500), RegistrationStatus.REJECTED, "old", deal.name());
        assertThat(handler.applyReported(stale)).as("older than what was applied").isEmpty();
    }

    @Test
    void theFirstEchoRecordsWhereTheDealLivesAndLaterOnesChangeNothing() {
        RegistrationHandler handler = handler("manual-review");
        Deal deal = registration("reg-1", "helios:partner:A1", null, "Northwind GmbH", NOW);
        deal = deal.withRegistration(deal.registration().written(RegistrationEcho.hash(deal))); // as the portal does
        handler.apply(DealCommand.submit(deal, NOW));

        RegistrationOutcome first = handler.applyReported(reported(deal, "006A", NOW.plusSeconds(1),
                RegistrationStatus.SUBMITTED, null, deal.name())).orElseThrow();
        var again = handler.applyReported(reported(deal, "006A", NOW.plusSeconds(2), RegistrationStatus.SUBMITTED,
                null, deal.name()));

        assertThat(first.changed().get(0).sources()).extracting(SourceRef::system)
                .containsExactly("accord", "salesforce");
        assertThat(first.changed().get(0).name()).isEqualTo(deal.name());
        assertThat(first.writes()).isEmpty();
        assertThat(again).isEmpty();
    }

    @Test
    void theCrmsEchoOvertakingTheSubmissionIsPublishedWithItAndTheConflictIsStillFound() {
        RegistrationHandler handler = handler("first-come-wins");
        handler.apply(DealCommand.submit(registration("reg-1", "helios:partner:A1", null, "Contoso Ltd", NOW), NOW));
        Deal later = registration("reg-2", "vantage:partner:B1", null, "Contoso Limited", NOW.plusSeconds(5));
        later = later.withRegistration(later.registration().written(RegistrationEcho.hash(later)));
        store.putProvisional(later); // as the portal does, before it queues the command and the CRM write

        var echo = handler.applyReported(reported(later, "006B", NOW.plusSeconds(6), RegistrationStatus.SUBMITTED,
                null, later.name()));
        assertThat(echo.orElseThrow().changed()).as("nothing to publish before the submission").isEmpty();
        Deal copy = store.get(EntityType.DEAL, "reg-2", Deal.class);
        assertThat(copy.sources()).extracting(SourceRef::externalId)
                .as("the portal's copy keeps where the CRM put it").containsExactly("reg-2", "006B");
        assertThat(echo.get().held()).as("and is kept for a restart, as the report is not read again")
                .containsExactly(copy);

        RegistrationOutcome submitted = handler.apply(DealCommand.submit(later, NOW)).orElseThrow();

        Deal golden = store.get(EntityType.DEAL, "reg-2", Deal.class);
        assertThat(submitted.changed().get(0)).isEqualTo(golden);
        assertThat(golden.sources()).extracting(SourceRef::externalId).containsExactly("reg-2", "006B");
        assertThat(golden.registration().status()).isEqualTo(RegistrationStatus.REJECTED);
        assertThat(golden.registration().conflictsWith()).containsExactly("reg-1");
        assertThat(submitted.alerts()).extracting(Alert::type).containsExactly(Alert.Type.CHANNEL_CONFLICT);
        assertThat(submitted.writes()).as("the CRM learns of the rejection").containsExactly(golden);
        assertThat(store.isProvisional("reg-2")).isFalse();
        assertThat(submitted.released()).as("the kept copy is not needed any more").containsExactly("reg-2");
        assertThat(submitted.held()).isEmpty();
        assertThat(handler.apply(DealCommand.submit(later, NOW))).as("a replay once applied").isEmpty();
    }

    @Test
    void aRegistrationNotAppliedYetIsNotMarkedOverdueUntilItIs() {
        RegistrationHandler handler = handler("manual-review");
        Deal deal = registration("reg-1", "helios:partner:A1", null, "Northwind GmbH", NOW.minus(Duration.ofDays(3)));
        store.putProvisional(deal);

        assertThat(handler.apply(DealCommand.markOverdue("reg-1", NOW))).isEmpty();
        assertThat(store.get(EntityType.DEAL, "reg-1", Deal.class).registration().overdue()).isFalse();

        handler.apply(DealCommand.submit(deal, NOW)).orElseThrow();
        assertThat(handler.apply(DealCommand.markOverdue("reg-1", NOW))).isPresent();
    }

    @Test
    void aRegistrationTheCrmDeletedBeforeItsSubmissionWasAppliedStaysRejected() {
        RegistrationHandler handler = handler("first-come-wins");
        handler.apply(DealCommand.submit(registration("reg-1", "helios:partner:A1", null, "Contoso Ltd", NOW), NOW));
        Deal later = registration("reg-2", "vantage:partner:B1", null, "Contoso Limited", NOW.plusSeconds(5));
        store.putProvisional(later);
        handler.applyReported(reported(later, "006B", NOW.plusSeconds(6), RegistrationStatus.SUBMITTED, null,
                later.name()));
        RegistrationOutcome deleted = handler.applyReportedDelete(reported(later, "006B", NOW.plusSeconds(7), null,
                null, later.name())).orElseThrow();
        assertThat(deleted.changed()).isEmpty();
        assertThat(deleted.held()).singleElement().satisfies(held -> assertThat(held.registration().decisionReason())
                .contains("deleted in the CRM"));

        Deal golden = handler.apply(DealCommand.submit(later, NOW)).orElseThrow().changed().get(0);

        assertThat(golden.registration().decisionReason()).contains("deleted in the CRM");
        assertThat(golden.registration().status()).isEqualTo(RegistrationStatus.REJECTED);
        assertThat(golden.sources()).extracting(SourceRef::system).containsExactly("accord");
        assertThat(golden.registration().conflictsWith()).as("withdrawn: in nobody's way").isEmpty();
        assertThat(store.get(EntityType.DEAL, "reg-1", Deal.class).registration().conflictsWith()).isEmpty();
    }

    @Test
    void aRegistrationWhoseCrmRecordIsDeletedIsRejectedWithTheReasonOnce() {
        RegistrationHandler handler = handler("manual-review");
        Deal deal = registration("reg-1", "helios:partner:A1", null, "Northwind GmbH", NOW);
        deal = deal.withRegistration(deal.registration().written(RegistrationEcho.hash(deal)));
        handler.apply(DealCommand.submit(deal, NOW));
        handler.applyReported(reported(deal, "006A", NOW.plusSeconds(1), RegistrationStatus.SUBMITTED, null,
                deal.name()));

        RegistrationOutcome gone = handler.applyReportedDelete(reported(deal, "006A", NOW.plusSeconds(5),
                RegistrationStatus.SUBMITTED, null, deal.name())).orElseThrow();

        Deal withdrawn = gone.changed().get(0);
        assertThat(withdrawn.registration().status()).isEqualTo(RegistrationStatus.REJECTED);
        assertThat(withdrawn.registration().decisionReason()).contains("deleted in the CRM of helios");
        assertThat(withdrawn.sources()).extracting(SourceRef::system).containsExactly("accord");
        assertThat(store.goldenIdOf("helios:deal:006A")).isNull();
        assertThat(handler.applyReportedDelete(reported(deal, "006A", NOW.plusSeconds(5),
                RegistrationStatus.SUBMITTED, null, deal.name()))).as("a replayed delete").isEmpty();
    }

    @Test
    void aRegistrationTheHubDoesNotKnowIsLeftToOrdinaryConsolidation() {
        Deal deal = registration("reg-unknown", "helios:partner:A1", null, "Somebody", NOW);
        assertThat(handler("manual-review").applyReported(reported(deal, "006B", NOW, RegistrationStatus.SUBMITTED,
                null, "x"))).isNull();
    }

    @Test
    void anUndecidedRegistrationIsMarkedOverdueOnceAndADecidedOneNever() {
        RegistrationHandler handler = handler("manual-review");
        handler.apply(DealCommand.submit(registration("reg-1", "helios:partner:A1", null, "A", NOW), NOW));

        assertThat(handler.apply(DealCommand.markOverdue("reg-1", NOW)).orElseThrow().alerts())
                .extracting(Alert::type).containsExactly(Alert.Type.REVIEW_OVERDUE);
        assertThat(handler.apply(DealCommand.markOverdue("reg-1", NOW))).as("alerted once").isEmpty();
        assertThat(store.get(EntityType.DEAL, "reg-1", Deal.class).registration().overdue()).isTrue();
    }

    @Test
    void theSlaCheckFindsOnlyUndecidedRegistrationsPastTheirDeadline() throws Exception {
        RegistrationHandler handler = handler("manual-review");
        handler.apply(DealCommand.submit(registration("reg-due", "helios:partner:A1", null, "A",
                NOW.minus(Duration.ofHours(50))), NOW));
        handler.apply(DealCommand.submit(registration("reg-fresh", "helios:partner:A1", null, "B", NOW), NOW));

        var sla = new RegistrationSla(store, new ObjectMapper().findAndRegisterModules(),
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(sla.overdueCommands()).extracting(r -> r.key()).containsExactly("reg-due");
    }

    private RegistrationHandler handler(String policy) {
        RegistrationProperties properties = new RegistrationProperties(Duration.ofHours(48), Map.of(),
                Duration.ofDays(90), policy, Duration.ofSeconds(30), 3, Duration.ofMillis(10), Duration.ofSeconds(1),
                1);
        return new RegistrationHandler(store, properties, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static Deal registration(String id, String partnerKey, String domain, String customer, Instant submittedAt) {
        DealRegistration registration = new DealRegistration(id, partnerKey.substring(0, partnerKey.indexOf(':')),
                RegistrationStatus.SUBMITTED, null, "ana@partner.example", domain == null ? null
                        : dev.accordhub.routes.consolidate.match.DomainNormaliser.normalise(domain), "DE",
                ChannelConflictDetector.nameKey(customer, "DE"), "Ana", "ana@c.example",
                null, submittedAt, submittedAt.plus(Duration.ofHours(48)), null, List.of(), false, null);
        return new Deal(id, "Opportunity " + id, partnerKey, customer, Money.of("1000", "EUR"),
                DealStage.PROSPECTING, LocalDate.of(2027, 3, 1), submittedAt,
                List.of(new SourceRef("accord", registration.program(), id, submittedAt)),
                registration);
    }

    static Deal reported(Deal written, String crmId, Instant version, RegistrationStatus status, String reason,
            String name) {
        return new Deal(null, name, written.partnerKey(), written.customerName(), written.amount(), written.stage(),
                written.closeDate(), version, List.of(new SourceRef("salesforce", "helios", crmId, version)),
                DealRegistration.reported(written.id(), status, reason));
    }
}
