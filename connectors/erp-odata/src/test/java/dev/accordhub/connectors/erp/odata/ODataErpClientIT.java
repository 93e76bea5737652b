package dev.accordhub.connectors.erp.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.accordhub.model.Money;
import dev.accordhub.model.incentive.ErpChange;
import dev.accordhub.model.incentive.ErpChanges;
import dev.accordhub.model.incentive.ErpCursor;
import dev.accordhub.model.incentive.ErpRejectedException;
import dev.accordhub.model.incentive.MdfClaim;
import dev.accordhub.model.incentive.MdfFund;
import dev.accordhub.model.incentive.MdfRequest;
import dev.accordhub.model.source.SourceRateLimitedException;
import dev.accordhub.model.source.SourceUnavailableException;
import dev.accordhub.sandbox.erp.ErpPartnerAccount;
import dev.accordhub.sandbox.erp.ErpProcessTiming;
import dev.accordhub.sandbox.erp.odata.ODataErpSandbox;
import dev.accordhub.sandbox.erp.odata.ODataErpSandboxConfig;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ODataErpClientIT {

    private static final List<ErpPartnerAccount> ACCOUNTS = List.of(
            new ErpPartnerAccount("001HEL0000000001", "Brightwave GmbH", "DE"),
            new ErpPartnerAccount("001HEL0000000002", "Northwind Inc", "US"),
            new ErpPartnerAccount("001HEL0000000003", "Sakura KK", "JP"));

    private ODataErpSandbox erp;
    private DefaultCamelContext camel;
    private ODataErpClient client;

    @BeforeEach
    void start() {
        erp = ODataErpSandbox.builder().programPrefix("HEL").accounts(ACCOUNTS).today(LocalDate.of(2025, 3, 14))
                .timing(ErpProcessTiming.FAST).start();
        camel = new DefaultCamelContext();
        camel.start();
        client = new ODataErpClient(new ODataErpConfig("helios", erp.serviceRoot(), erp.tokenUrl(),
                ODataErpSandboxConfig.DEFAULT_CLIENT_ID, ODataErpSandboxConfig.DEFAULT_CLIENT_SECRET,
                "https://erp.example/.default"), camel);
    }

    @AfterEach
    void stop() {
        camel.stop();
        erp.close();
    }

    @Test
    void readsEverythingFromStartPageByPage() {
        List<ErpChange> all = new ArrayList<>();
        ErpCursor cursor = ErpCursor.START;
        ErpChanges page;
        int calls = 0;
        do {
            page = client.changesAfter(cursor, 4);
            all.addAll(page.changes());
            cursor = page.cursor();
            calls++;
        } while (page.more());

        assertThat(calls).isEqualTo(3); // the 10 rates, the longest kind, in pages of 4, 4 and 2
        assertThat(all).filteredOn(c -> c.kind() == ErpChange.Kind.FX_RATE).hasSize(10);
        List<MdfFund> funds = all.stream().filter(c -> c.kind() == ErpChange.Kind.FUND).map(ErpChange::fund).toList();
        assertThat(funds).extracting(MdfFund::id).containsExactly("HEL-0001", "HEL-0002", "HEL-0003");
        MdfFund eur = funds.get(0);
        assertThat(eur.program()).isEqualTo("helios");
        assertThat(eur.partnerKey()).isEqualTo("001HEL0000000001");
        assertThat(eur.periodStart()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(eur.allocated()).isEqualTo(new Money(erp.fund("HEL-0001").orElseThrow().allocatedAmount(), "EUR"));
        assertThat(all).extracting(ErpChange::key).doesNotHaveDuplicates();
        assertThat(client.changesAfter(cursor, 4).changes()).isEmpty();
    }

    @Test
    void aSubmittedClaimIsApprovedAndPaidAndTheFeedShowsEachStep() {
        ErpCursor cursor = drain(ErpCursor.START);
        erp.pauseProcess();
        client.submit(request("REQ-1", "1000.00"));
        client.submit(claim("CLM-1", "REQ-1", "INV-1", "800.00"));

        ErpChanges submitted = client.changesAfter(cursor, 50);
        assertThat(submitted.changes()).extracting(ErpChange::kind)
                .containsExactly(ErpChange.Kind.REQUEST, ErpChange.Kind.CLAIM);
        MdfClaim sent = submitted.changes().get(1).claim();
        assertThat(sent.status()).isEqualTo(MdfClaim.Status.SUBMITTED);
        assertThat(sent.proofReferences()).containsExactly("doc-1", "https://proof.example/a,b");
        assertThat(sent.amount()).isEqualTo(Money.of("800.00", "EUR"));
        cursor = submitted.cursor();

        erp.resumeProcess();
        await().atMost(Duration.ofSeconds(5)).until(() -> erp.claim("CLM-1").orElseThrow().status(), "Paid"::equals);

        ErpChanges decided = client.changesAfter(cursor, 50);
        assertThat(decided.changes()).filteredOn(c -> c.kind() == ErpChange.Kind.REQUEST)
                .extracting(c -> c.request().status()).containsExactly(MdfRequest.Status.APPROVED);
        assertThat(decided.changes()).filteredOn(c -> c.kind() == ErpChange.Kind.CLAIM)
                .extracting(c -> c.claim().status()).containsExactly(MdfClaim.Status.PAID);
        assertThat(decided.changes()).filteredOn(c -> c.kind() == ErpChange.Kind.PAYOUT)
                .singleElement().satisfies(c -> {
                    assertThat(c.payout().claimId()).isEqualTo("CLM-1");
                    assertThat(c.payout().amount()).isEqualTo(Money.of("800", "EUR"));
                });
        assertThat(decided.more()).isFalse();
    }

    @Test
    void aSecondSubmitOfTheSameDocumentIsANoOp() {
        erp.pauseProcess();
        client.submit(request("REQ-1", "100"));
        long seq = erp.changeSeq();

        client.submit(request("REQ-1", "100"));

        assertThat(erp.requests()).hasSize(1);
        assertThat(erp.changeSeq()).isEqualTo(seq);
    }

    @Test
    void aRefusedDocumentIsErpRejectedWithTheErpsMessage() {
        MdfRequest wrongCurrency = new MdfRequest("REQ-1", "helios", "HEL-0001", "001HEL0000000001", "Webinar",
                "DE", Money.of("100", "USD"), MdfRequest.Status.SUBMITTED, null, "ana@brightwave.example", null);

        assertThatThrownBy(() -> client.submit(wrongCurrency))
                .isInstanceOf(ErpRejectedException.class)
                .hasMessageContaining("CurrencyCode USD is not the currency of fund HEL-0001 (EUR)");
    }

    @Test
    void anUnavailableErpIsRetryableAndLaterReadsSucceed() {
        erp.setAvailable(false);

        assertThatThrownBy(() -> client.changesAfter(ErpCursor.START, 10))
                .isInstanceOf(SourceUnavailableException.class)
                .hasMessageContaining("503");

        erp.setAvailable(true);
        assertThat(client.changesAfter(ErpCursor.START, 10).changes()).isNotEmpty();
    }

    @Test
    void aClosedPortIsSourceUnavailable() {
        client.changesAfter(ErpCursor.START, 1); // token and metadata fetched while the ERP was up
        erp.close();

        assertThatThrownBy(() -> client.changesAfter(ErpCursor.START, 1))
                .isInstanceOf(SourceUnavailableException.class);
    }

    @Test
    void throttlingIsRateLimitedWithARetryAfter() {
        client.changesAfter(ErpCursor.START, 1);
        erp.failNext(1, 429);

        assertThatThrownBy(() -> client.changesAfter(ErpCursor.START, 1))
                .isInstanceOfSatisfying(SourceRateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isPositive());
    }

    @Test
    void anExpiredTokenIsReplacedOnceWithoutTheCallerNoticing() {
        client.changesAfter(ErpCursor.START, 1);
        erp.expireTokens();

        assertThat(client.changesAfter(ErpCursor.START, 1).changes()).isNotEmpty();
    }

    private ErpCursor drain(ErpCursor from) {
        ErpChanges page = client.changesAfter(from, 100);
        return page.cursor();
    }

    private static MdfRequest request(String id, String amount) {
        return new MdfRequest(id, "helios", "HEL-0001", "001HEL0000000001", "Webinar series", "DE",
                Money.of(amount, "EUR"), MdfRequest.Status.SUBMITTED, null, "ana@brightwave.example", null);
    }

    private static MdfClaim claim(String id, String requestId, String invoice, String amount) {
        return new MdfClaim(id, "helios", "HEL-0001", requestId, "001HEL0000000001", invoice,
                Money.of(amount, "EUR"), MdfClaim.Status.SUBMITTED, null,
                List.of("doc-1", "https://proof.example/a,b"), "ana@brightwave.example", null);
    }
}
