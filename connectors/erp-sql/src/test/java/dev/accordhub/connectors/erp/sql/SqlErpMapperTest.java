package dev.accordhub.connectors.erp.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accordhub.model.Money;
import dev.accordhub.model.incentive.MdfClaim;
import dev.accordhub.model.incentive.MdfRequest;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedCaseInsensitiveMap;

/** Rows as camel-sql hands them over: H2's value types, and PostgreSQL's lower-case names and Timestamps. */
class SqlErpMapperTest {

    private static final Instant NOW = Instant.parse("2026-05-04T10:15:30.123Z");
    private final SqlErpMapper mapper = new SqlErpMapper("vantage", Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void mapsAFundRowOfH2() {
        var fund = mapper.fund(row(
                "FUND_ID", "VAN-0001", "PARTNER_ACCOUNT", "0016g00000AcmeDE", "FUND_NAME", "MDF H1 2026",
                "PERIOD_START", java.sql.Date.valueOf("2026-01-01"), "PERIOD_END", LocalDate.of(2026, 6, 30),
                "CURRENCY_CODE", "EUR", "ALLOCATED_AMOUNT", new BigDecimal("23041.4700"),
                "LAST_UPDATE_DATE", OffsetDateTime.parse("2026-05-04T12:00:00+02:00"), "CHANGE_SEQ", 1L));

        assertThat(fund.id()).isEqualTo("VAN-0001");
        assertThat(fund.program()).isEqualTo("vantage");
        assertThat(fund.partnerKey()).isEqualTo("0016g00000AcmeDE");
        assertThat(fund.periodStart()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(fund.periodEnd()).isEqualTo(LocalDate.of(2026, 6, 30));
        // DECIMAL(19,4) comes back with four places; Money keeps the currency's two.
        assertThat(fund.allocated()).isEqualTo(Money.of("23041.47", "EUR"));
        assertThat(fund.updatedAt()).isEqualTo(Instant.parse("2026-05-04T10:00:00Z"));
    }

    @Test
    void mapsARequestRowOfPostgreSql() {
        var request = mapper.request(row(
                "request_id", "req-1", "fund_id", "VAN-0003", "partner_account", "0016g00000InitechJP",
                "activity", "Trade show booth", "country_code", "JP", "currency_code", "JPY",
                "amount", new BigDecimal("150000.0000"), "status_code", "REJECTED",
                "status_reason", "exceeds the available balance of fund VAN-0003 (1200)", "submitted_by", null,
                "last_update_date", Timestamp.from(NOW), "change_seq", 42));

        assertThat(request.status()).isEqualTo(MdfRequest.Status.REJECTED);
        assertThat(request.decisionReason()).startsWith("exceeds the available balance");
        assertThat(request.amount()).isEqualTo(new Money(new BigDecimal("150000"), "JPY"));
        assertThat(request.country()).isEqualTo("JP");
        assertThat(request.submittedBy()).isNull();
        assertThat(request.updatedAt()).isEqualTo(NOW);
        assertThat(SqlErpMapper.changeSeq(row("change_seq", 42))).isEqualTo(42L);
    }

    @Test
    void mapsAClaimRowWithItsProofReferencesOnePerLine() {
        var claim = mapper.claim(row(
                "CLAIM_ID", "claim-1", "FUND_ID", "VAN-0001", "REQUEST_ID", "req-1",
                "PARTNER_ACCOUNT", "0016g00000AcmeDE", "INVOICE_REF", "INV-7",
                "PROOF_REFS", "doc-1\r\nhttps://files.example/a.pdf\n\n", "CURRENCY_CODE", "EUR",
                "AMOUNT", new BigDecimal("99.9950"), "STATUS_CODE", "PAID", "STATUS_REASON", null,
                "SUBMITTED_BY", "pm@acme.example", "LAST_UPDATE_DATE", OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC),
                "CHANGE_SEQ", 7L));

        assertThat(claim.status()).isEqualTo(MdfClaim.Status.PAID);
        assertThat(claim.proofReferences()).containsExactly("doc-1", "https://files.example/a.pdf");
        assertThat(claim.amount()).isEqualTo(Money.of("100.00", "EUR")); // half-even to the cent
        assertThat(claim.requestId()).isEqualTo("req-1");
    }

    @Test
    void mapsPayoutAndRateRows() {
        var payout = mapper.payout(row("PAYOUT_ID", "PAY-000001", "CLAIM_ID", "claim-1", "FUND_ID", "VAN-0001",
                "CURRENCY_CODE", "EUR", "AMOUNT", new BigDecimal("950.5000"), "PAID_AT", Timestamp.from(NOW),
                "CHANGE_SEQ", 9L));
        var rate = mapper.rate(row("FROM_CURRENCY", "JPY", "TO_CURRENCY", "USD",
                "CONVERSION_RATE", new BigDecimal("0.0066125000"), "LAST_UPDATE_DATE", Timestamp.from(NOW),
                "CHANGE_SEQ", 3L));

        assertThat(payout.amount()).isEqualTo(Money.of("950.50", "EUR"));
        assertThat(payout.paidAt()).isEqualTo(NOW);
        assertThat(payout.program()).isEqualTo("vantage");
        assertThat(rate.currency()).isEqualTo("JPY");
        assertThat(rate.reportingCurrency()).isEqualTo("USD");
        assertThat(rate.rate()).isEqualByComparingTo("0.0066125");
    }

    @Test
    void theErpsStatusCodesMapToTheHubsStatuses() {
        assertThat(SqlErpMapper.requestStatus("PENDING", "r")).isEqualTo(MdfRequest.Status.SUBMITTED);
        assertThat(SqlErpMapper.requestStatus("APPROVED ", "r")).isEqualTo(MdfRequest.Status.APPROVED);
        assertThat(SqlErpMapper.claimStatus("PENDING", "c")).isEqualTo(MdfClaim.Status.SUBMITTED);
        assertThat(SqlErpMapper.claimStatus("REJECTED", "c")).isEqualTo(MdfClaim.Status.REJECTED);
        assertThatThrownBy(() -> SqlErpMapper.requestStatus("PAID", "req-9"))
                .hasMessageContaining("req-9").hasMessageContaining("'PAID'");
        assertThatThrownBy(() -> SqlErpMapper.claimStatus(null, "claim-9")).hasMessageContaining("claim-9");
    }

    @Test
    void aClaimBecomesTheParametersOfTheInboundInsert() {
        MdfClaim claim = new MdfClaim("claim-1", "vantage", "VAN-0001", "req-1", "0016g00000AcmeDE", "INV-7",
                Money.of("12.5", "EUR"), MdfClaim.Status.SUBMITTED, null, List.of("doc-1", "doc-2"),
                "pm@acme.example", null);

        Map<String, Object> row = mapper.inboundRow(claim);

        assertThat(row).containsEntry("claimId", "claim-1").containsEntry("requestId", "req-1")
                .containsEntry("partnerAccount", "0016g00000AcmeDE").containsEntry("invoiceRef", "INV-7")
                .containsEntry("proofRefs", "doc-1\ndoc-2").containsEntry("currencyCode", "EUR")
                .containsEntry("amount", new BigDecimal("12.50")).containsEntry("submittedBy", "pm@acme.example")
                // No time of its own: the time of the hand-over.
                .containsEntry("creationDate", OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC));
        assertThat(mapper.inboundRow(claim.withStatus(MdfClaim.Status.SUBMITTED, null, null)))
                .containsEntry("proofRefs", "doc-1\ndoc-2");
    }

    @Test
    void aRequestBecomesTheParametersOfTheInboundInsert() {
        MdfRequest request = new MdfRequest("req-1", "vantage", "VAN-0001", "0016g00000AcmeDE", "Webinar", "DE",
                Money.of("1000", "EUR"), MdfRequest.Status.SUBMITTED, null, null,
                Instant.parse("2026-05-01T08:00:00Z"));

        assertThat(mapper.inboundRow(request)).containsEntry("requestId", "req-1").containsEntry("activity", "Webinar")
                .containsEntry("countryCode", "DE").containsEntry("amount", new BigDecimal("1000.00"))
                .containsEntry("submittedBy", null)
                .containsEntry("creationDate", OffsetDateTime.parse("2026-05-01T08:00:00Z"));
    }

    @Test
    void aRowWithoutItsAmountIsNamedInTheError() {
        assertThatThrownBy(() -> mapper.payout(row("PAYOUT_ID", "PAY-1", "CURRENCY_CODE", "EUR")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AMOUNT");
    }

    /** A row as camel-sql returns it: column names in any case. */
    private static Map<String, Object> row(Object... columnsAndValues) {
        Map<String, Object> row = new LinkedCaseInsensitiveMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return row;
    }
}
