package dev.accordhub.sandbox.erp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accordhub.sandbox.erp.odata.ODataErpSandbox;
import dev.accordhub.sandbox.erp.odata.ODataErpStatus;
import dev.accordhub.sandbox.erp.sql.SqlErpSandbox;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The paid cases both ERP sandboxes can start with. */
class ErpHistorySeedTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final List<ErpPartnerAccount> ACCOUNTS = List.of(new ErpPartnerAccount("A1", "Alpha", "DE"),
            new ErpPartnerAccount("B2", "Beta", "JP"), new ErpPartnerAccount("C3", "Gamma", "US"),
            new ErpPartnerAccount("D4", "Delta", "GB"));

    @Test
    void everyThirdFundHasAPaidCaseOfATenthOfItsAllocationAtItsCurrencysScale() {
        List<ErpFundSeed> funds = ErpSeed.funds("HEL", ACCOUNTS, TODAY);

        List<ErpHistorySeed> history = ErpSeed.history(funds, ACCOUNTS);

        assertThat(history).extracting(ErpHistorySeed::fundId).containsExactly("HEL-0001", "HEL-0004");
        assertThat(history.get(0).amount()).isEqualByComparingTo(funds.get(0).allocated().divide(BigDecimal.TEN));
        assertThat(history.get(0).country()).isEqualTo("DE");
        assertThat(history.get(0).paidAt()).isBefore(TODAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        assertThat(history).extracting(ErpHistorySeed::invoiceReference).doesNotHaveDuplicates();
    }

    @Test
    void bothSandboxesPublishTheCasesAsPaidWithTheirPayouts() {
        try (ODataErpSandbox odata = ODataErpSandbox.builder().programPrefix("HEL").accounts(ACCOUNTS).today(TODAY)
                .start().withHistory()) {
            assertThat(odata.claims()).extracting(c -> c.claimId() + " " + c.status())
                    .containsExactly("HEL-0001-C1 " + ODataErpStatus.PAID, "HEL-0004-C1 " + ODataErpStatus.PAID);
            assertThat(odata.payouts()).hasSize(2);
        }
        try (SqlErpSandbox sql = SqlErpSandbox.builder().databaseName("history-test").fundPrefix("VAN")
                .accounts(ACCOUNTS).today(TODAY).start().withHistory()) {
            assertThat(sql.claimStatus("VAN-0004-C1")).contains("PAID");
            assertThat(sql.requestStatus("VAN-0001-R1")).contains("APPROVED");
            assertThat(sql.payouts()).hasSize(2);
        }
    }
}
