package dev.accordhub.connectors.erp.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accordhub.model.Money;
import dev.accordhub.model.incentive.ErpChange;
import dev.accordhub.model.incentive.FxRate;
import dev.accordhub.model.incentive.MdfClaim;
import dev.accordhub.model.incentive.MdfFund;
import dev.accordhub.model.incentive.MdfRequest;
import dev.accordhub.model.incentive.Payout;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.olingo.client.api.domain.ClientEntity;
import org.apache.olingo.client.core.ODataClientFactory;
import org.apache.olingo.commons.api.format.ContentType;
import org.junit.jupiter.api.Test;

/** The mapper on payloads recorded from the OData ERP sandbox (src/test/resources/erp-odata). */
class ODataErpMapperTest {

    private final ODataErpMapper mapper = new ODataErpMapper("helios");

    @Test
    void paidClaimWithItsProofsAndAnEmptyReason() {
        MdfClaim claim = mapper.toClaim(recorded("MdfClaims").get(0));

        assertThat(claim).isEqualTo(new MdfClaim("CLM-1", "helios", "HEL-0001", "REQ-1", "001HEL0000000001",
                "INV-1", Money.of("800.50", "EUR"), MdfClaim.Status.PAID, null,
                List.of("doc-1", "https://proof.example/a,b"), "ana@brightwave.example",
                Instant.parse("2025-03-14T09:15:02.417Z")));
    }

    @Test
    void rejectedClaimWithoutInvoiceKeepsTheErpsReason() {
        MdfClaim claim = mapper.toClaim(recorded("MdfClaims").get(1));

        assertThat(claim.status()).isEqualTo(MdfClaim.Status.REJECTED);
        assertThat(claim.decisionReason()).isEqualTo("no invoice reference");
        assertThat(claim.invoiceReference()).isNull();
        assertThat(claim.proofReferences()).isEmpty();
        assertThat(claim.amount()).isEqualTo(Money.of("120.00", "EUR"));
    }

    @Test
    void yenFundKeepsWholeYenAndItsHalfYear() {
        MdfFund fund = mapper.toFund(recorded("MdfFunds").get(0));

        assertThat(fund.allocated()).isEqualTo(Money.of("5293006", "JPY"));
        assertThat(fund.periodStart()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(fund.periodEnd()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(fund.partnerKey()).isEqualTo("001HEL0000000003");
        assertThat(fund.program()).isEqualTo("helios");
    }

    @Test
    void requestPayoutAndRateAsChangesAtTheirSequence() {
        ErpChange request = mapper.toChange(ErpChange.Kind.REQUEST, recorded("MdfRequests").get(0));
        ErpChange payout = mapper.toChange(ErpChange.Kind.PAYOUT, recorded("Payouts").get(0));
        ErpChange rate = mapper.toChange(ErpChange.Kind.FX_RATE, recorded("ExchangeRates").get(0));

        assertThat(request.seq()).isEqualTo(40);
        assertThat(request.request().status()).isEqualTo(MdfRequest.Status.REJECTED);
        assertThat(request.request().amount()).isEqualTo(Money.of("99999.99", "EUR"));
        assertThat(request.request().country()).isEqualTo("AT");
        assertThat(payout.payout()).isEqualTo(new Payout("PAY-000001", "helios", "CLM-1", "HEL-0001",
                Money.of("800.50", "EUR"), Instant.parse("2025-03-14T09:15:02.417Z")));
        assertThat(rate.key()).isEqualTo("helios:FX_RATE:JPY");
        FxRate fx = rate.rate();
        assertThat(fx.rate()).isEqualByComparingTo(new BigDecimal("0.0066125"));
        assertThat(fx.reportingCurrency()).isEqualTo("USD");
    }

    @Test
    void statusWordsMapBothWaysAndAnUnknownWordIsNamed() {
        assertThat(ODataErpMapper.requestStatus("Approved")).isEqualTo(MdfRequest.Status.APPROVED);
        assertThat(ODataErpMapper.claimStatus("Paid")).isEqualTo(MdfClaim.Status.PAID);
        assertThatThrownBy(() -> ODataErpMapper.claimStatus("OnHold")).hasMessageContaining("'OnHold'");
        assertThatThrownBy(() -> ODataErpMapper.requestStatus("Paid")).hasMessageContaining("'Paid'");
    }

    @Test
    void aClaimToCreateCarriesWhatThePortalSaidAndNoneOfTheErpsFields() {
        MdfClaim claim = new MdfClaim("CLM-7", "helios", "HEL-0001", "REQ-1", "001HEL0000000001", "INV-7",
                Money.of("10.5", "EUR"), MdfClaim.Status.SUBMITTED, null, List.of("doc-7"), "ana@b.example", null);

        ClientEntity entity = mapper.toEntity(claim);

        assertThat(entity.getTypeName().getFullQualifiedNameAsString()).isEqualTo("Accord.Erp.MdfClaim");
        assertThat(ODataErpMapper.text(entity, "Amount")).isEqualTo("10.50");
        assertThat(ODataErpMapper.text(entity, "CurrencyCode")).isEqualTo("EUR");
        assertThat(entity.getProperty("ProofReferences").getCollectionValue().size()).isEqualTo(1);
        assertThat(entity.getProperty("Status")).isNull();
        assertThat(entity.getProperty("ChangeSeq")).isNull();
    }

    private static List<ClientEntity> recorded(String set) {
        try (InputStream json = ODataErpMapperTest.class.getResourceAsStream("/erp-odata/" + set + ".json")) {
            return ODataClientFactory.getClient().getReader().readEntitySet(json, ContentType.JSON).getEntities();
        } catch (Exception e) {
            throw new IllegalStateException("recorded payload " + set + " unreadable", e);
        }
    }
}
