package dev.accordhub.sandbox.erp.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accordhub.sandbox.erp.ErpFundSeed;
import dev.accordhub.sandbox.erp.ErpPartnerAccount;
import dev.accordhub.sandbox.erp.ErpProcessTiming;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SqlErpSandboxTest {

    static final List<ErpPartnerAccount> ACCOUNTS = List.of(
            new ErpPartnerAccount("0016g00000AcmeDE", "Acme GmbH", "DE"),
            new ErpPartnerAccount("0016g00000GlobexUS", "Globex Inc", "US"),
            new ErpPartnerAccount("0016g00000InitechJP", "Initech KK", "JP"));

    private SqlErpSandbox erp;
    private SqlErpHubSide hub;

    @BeforeEach
    void start() {
        erp = SqlErpSandbox.builder().databaseName("erp-sandbox-test").fundPrefix("VAN").accounts(ACCOUNTS)
                .today(LocalDate.of(2026, 8, 14)).timing(ErpProcessTiming.DEMO).start();
        erp.pauseProcess();
        hub = new SqlErpHubSide(erp);
    }

    @AfterEach
    void stop() {
        erp.close();
    }

    @Test
    void servesTheSeededFundsAndRatesOverTcp() throws SQLException {
        assertThat(erp.jdbcUrl()).isEqualTo("jdbc:h2:tcp://127.0.0.1:" + erp.port() + "/mem:erp-sandbox-test");
        assertThat(erp.port()).isPositive();

        List<List<Object>> funds = hub.rows("SELECT FUND_ID, PARTNER_ACCOUNT, FUND_NAME, PERIOD_START, PERIOD_END,"
                + " CURRENCY_CODE, ALLOCATED_AMOUNT FROM MDF_FUND_OUT ORDER BY CHANGE_SEQ");
        assertThat(funds).extracting(row -> row.get(0)).containsExactly("VAN-0001", "VAN-0002", "VAN-0003");
        assertThat(funds).extracting(row -> row.get(1)).containsExactly("0016g00000AcmeDE", "0016g00000GlobexUS",
                "0016g00000InitechJP");
        assertThat(funds).extracting(row -> row.get(5)).containsExactly("EUR", "USD", "JPY");
        assertThat(funds.get(0).get(2)).isEqualTo("MDF H2 2026");
        assertThat(funds.get(0).get(3).toString()).isEqualTo("2026-07-01");
        assertThat(funds.get(0).get(4).toString()).isEqualTo("2026-12-31");
        ErpFundSeed seeded = erp.funds().get(0);
        assertThat((BigDecimal) funds.get(0).get(6)).isEqualByComparingTo(seeded.allocated());

        List<List<Object>> rates = hub.rows("SELECT FROM_CURRENCY, TO_CURRENCY, CONVERSION_RATE FROM FX_RATE_OUT"
                + " WHERE FROM_CURRENCY = 'JPY'");
        assertThat(rates).hasSize(1);
        assertThat(rates.get(0).get(1)).isEqualTo("USD");
        assertThat((BigDecimal) rates.get(0).get(2)).isEqualByComparingTo("0.0066125");
        assertThat(hub.rows("SELECT COUNT(*) FROM FX_RATE_OUT").get(0).get(0)).isEqualTo(10L);
        assertThat(erp.maxChangeSeq()).isEqualTo(13);
    }

    @Test
    void everyOutboundRowHasItsOwnChangeSeqAndTheInterfaceStartsEmpty() throws SQLException {
        List<List<Object>> seqs = hub.rows("SELECT CHANGE_SEQ FROM MDF_FUND_OUT UNION ALL"
                + " SELECT CHANGE_SEQ FROM FX_RATE_OUT");
        assertThat(seqs).extracting(row -> row.get(0)).doesNotHaveDuplicates().hasSize(13);
        for (String table : List.of("MDF_REQUEST_OUT", "MDF_CLAIM_OUT", "MDF_PAYOUT_OUT", "MDF_REQUEST_IN",
                "MDF_CLAIM_IN")) {
            assertThat(hub.rows("SELECT COUNT(*) FROM " + table).get(0).get(0)).as(table).isEqualTo(0L);
        }
        assertThat(erp.inboundCount()).isZero();
    }

    @Test
    void aRedeliveredInboundRowFailsWithTheDuplicateKeyState() throws SQLException {
        hub.submitClaim("claim-1", "VAN-0001", null, "0016g00000AcmeDE", "INV-1", "EUR", "100");

        assertThatThrownBy(() -> hub.submitClaim("claim-1", "VAN-0001", null, "0016g00000AcmeDE", "INV-1", "EUR",
                "100")).isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"));
        assertThat(erp.inboundCount()).isEqualTo(1);
        assertThat(erp.inbound("claim-1")).hasValueSatisfying(row -> assertThat(row.processStatus()).isEqualTo("NEW"));
    }

    @Test
    void inboundRowsMustHaveAPositiveAmount() {
        assertThatThrownBy(() -> hub.submitRequest("req-0", "VAN-0001", "0016g00000AcmeDE", "EUR", "-5"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).startsWith("23"));
    }

    @Test
    void aStoppedServerRefusesClientsAndComesBackOnTheSamePortWithTheData() throws SQLException {
        hub.submitRequest("req-1", "VAN-0001", "0016g00000AcmeDE", "EUR", "1000");
        int port = erp.port();

        erp.stopServer();
        assertThat(erp.serverRunning()).isFalse();
        assertThatThrownBy(hub::connect).isInstanceOf(SQLNonTransientConnectionException.class);
        // The ERP itself goes on working while its database port is unreachable.
        erp.runProcessOnce();

        erp.startServer();
        assertThat(erp.port()).isEqualTo(port);
        assertThat(hub.rows("SELECT REQUEST_ID, STATUS_CODE FROM MDF_REQUEST_OUT"))
                .containsExactly(List.of("req-1", "PENDING"));
    }

    @Test
    void aSecondSandboxOfTheSameNameIsRefusedAndTheNameIsFreeAfterClose() {
        SqlErpSandbox twin = SqlErpSandbox.builder().databaseName("erp-sandbox-test").build();
        assertThatThrownBy(twin::start).hasMessageContaining("already open");

        erp.close();
        erp = SqlErpSandbox.builder().databaseName("erp-sandbox-test").accounts(ACCOUNTS).start();
        assertThat(erp.funds()).hasSize(3);
        assertThat(erp.availableBalance("MDF-0001")).isPresent();
    }

    @Test
    void aNewAllocationMovesTheFundsChangeSeq() throws SQLException {
        long before = erp.maxChangeSeq();

        erp.allocate("VAN-0002", new BigDecimal("75000"));

        List<List<Object>> fund = hub.rows("SELECT ALLOCATED_AMOUNT, CHANGE_SEQ FROM MDF_FUND_OUT"
                + " WHERE FUND_ID = 'VAN-0002'");
        assertThat((BigDecimal) fund.get(0).get(0)).isEqualByComparingTo("75000");
        assertThat((Long) fund.get(0).get(1)).isGreaterThan(before);
        assertThatThrownBy(() -> erp.allocate("VAN-0404", BigDecimal.TEN)).hasMessageContaining("VAN-0404");
    }

    @Test
    void theConfigNamesTheFieldItRefuses() {
        assertThatThrownBy(() -> SqlErpSandbox.builder().port(70000).config()).hasMessageContaining("port");
        assertThatThrownBy(() -> SqlErpSandbox.builder().databaseName("x;INIT=RUNSCRIPT").config())
                .hasMessageContaining("databaseName");
        assertThatThrownBy(() -> SqlErpSandbox.builder().password("").config()).hasMessageContaining("password");
    }

    @Test
    void theSchemaScriptSplitsIntoItsStatements() {
        assertThat(SqlErpDatabase.statements("-- a comment; with a semicolon\nCREATE TABLE A (X INT);\n\n"
                + "CREATE TABLE B (\n  Y INT\n);\n")).containsExactly("CREATE TABLE A (X INT)",
                "CREATE TABLE B (\n  Y INT\n)");
    }
}
