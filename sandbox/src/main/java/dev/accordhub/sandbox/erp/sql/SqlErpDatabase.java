package dev.accordhub.sandbox.erp.sql;

import dev.accordhub.sandbox.erp.ErpFundSeed;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The ERP's own, in-process access to its in-memory database: the schema, the seed and one transaction per unit of
 * work. The TCP server serves the same database to the hub; this side keeps working while that server is stopped,
 * as an ERP keeps working while its database port is unreachable from the outside.
 */
final class SqlErpDatabase implements AutoCloseable {

    static final String SCHEMA_RESOURCE = "/erp/sql/interface-tables.sql";

    /** A unit of work on one connection; its SQLException rolls the transaction back. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final String url;
    private final String user;
    private final String password;
    private Connection keeper;

    SqlErpDatabase(String databaseName, String user, String password) {
        // DB_CLOSE_DELAY=-1 keeps the database while no connection is open, e.g. while the TCP server is stopped.
        this.url = "jdbc:h2:mem:" + databaseName + ";DB_CLOSE_DELAY=-1";
        this.user = user;
        this.password = password;
    }

    /** Creates the database, its tables and its seed; fails if a database of that name is already open. */
    void create(String reportingCurrency, List<ErpFundSeed> funds, Map<String, java.math.BigDecimal> ratesTo,
            OffsetDateTime now) {
        try {
            Connection connection = DriverManager.getConnection(url, user, password);
            if (tableCount(connection) > 0) {
                // Closed without SHUTDOWN: the database belongs to the sandbox that created it.
                connection.close();
                throw new IllegalStateException("SQL ERP sandbox: an in-memory database " + url
                        + " is already open in this JVM; give each sandbox its own databaseName");
            }
            keeper = connection;
        } catch (SQLException e) {
            throw new IllegalStateException("SQL ERP sandbox: cannot open " + url, e);
        }
        inTransaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String ddl : statements(schemaText())) {
                    statement.execute(ddl);
                }
            }
            seedFunds(connection, funds, now);
            seedRates(connection, reportingCurrency, ratesTo, now);
            return null;
        });
    }

    <T> T inTransaction(Work<T> work) {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL ERP sandbox: " + e.getMessage(), e);
        }
    }

    static long nextChangeSeq(Connection connection) throws SQLException {
        return nextValue(connection, "ERP_CHANGE_SEQ");
    }

    static long nextValue(Connection connection, String sequence) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT NEXT VALUE FOR " + sequence)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Drops the in-memory database: a sandbox of the same name may start afterwards. */
    @Override
    public void close() {
        if (keeper == null) {
            return;
        }
        try (Statement statement = keeper.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new IllegalStateException("SQL ERP sandbox: cannot shut down " + url, e);
        } finally {
            keeper = null;
        }
    }

    /** Finished cases the ERP starts with: an approved request, its paid claim, the payout (OUT tables only). */
    void seedHistory(List<dev.accordhub.sandbox.erp.ErpHistorySeed> history) {
        inTransaction(connection -> {
            for (var seed : history) {
                java.time.OffsetDateTime at = seed.paidAt().atOffset(java.time.ZoneOffset.UTC);
                try (PreparedStatement request = connection.prepareStatement("INSERT INTO MDF_REQUEST_OUT (REQUEST_ID,"
                        + " FUND_ID, PARTNER_ACCOUNT, ACTIVITY, COUNTRY_CODE, CURRENCY_CODE, AMOUNT, STATUS_CODE,"
                        + " LAST_UPDATE_DATE, CHANGE_SEQ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                     PreparedStatement claim = connection.prepareStatement("INSERT INTO MDF_CLAIM_OUT (CLAIM_ID,"
                        + " FUND_ID, REQUEST_ID, PARTNER_ACCOUNT, INVOICE_REF, PROOF_REFS, CURRENCY_CODE, AMOUNT,"
                        + " STATUS_CODE, LAST_UPDATE_DATE, CHANGE_SEQ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                     PreparedStatement payout = connection.prepareStatement("INSERT INTO MDF_PAYOUT_OUT (PAYOUT_ID,"
                        + " CLAIM_ID, FUND_ID, CURRENCY_CODE, AMOUNT, PAID_AT, CHANGE_SEQ) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    request.setString(1, seed.requestId());
                    request.setString(2, seed.fundId());
                    request.setString(3, seed.partnerAccount());
                    request.setString(4, seed.activity());
                    request.setString(5, seed.country());
                    request.setString(6, seed.currency());
                    request.setBigDecimal(7, seed.amount());
                    request.setString(8, SqlErpStatusCodes.APPROVED);
                    request.setObject(9, at);
                    request.setLong(10, nextChangeSeq(connection));
                    request.executeUpdate();
                    claim.setString(1, seed.claimId());
                    claim.setString(2, seed.fundId());
                    claim.setString(3, seed.requestId());
                    claim.setString(4, seed.partnerAccount());
                    claim.setString(5, seed.invoiceReference());
                    claim.setString(6, seed.proofReference());
                    claim.setString(7, seed.currency());
                    claim.setBigDecimal(8, seed.amount());
                    claim.setString(9, SqlErpStatusCodes.PAID);
                    claim.setObject(10, at);
                    claim.setLong(11, nextChangeSeq(connection));
                    claim.executeUpdate();
                    payout.setString(1, seed.payoutId());
                    payout.setString(2, seed.claimId());
                    payout.setString(3, seed.fundId());
                    payout.setString(4, seed.currency());
                    payout.setBigDecimal(5, seed.amount());
                    payout.setObject(6, at);
                    payout.setLong(7, nextChangeSeq(connection));
                    payout.executeUpdate();
                }
            }
            return null;
        });
    }

    private static void seedFunds(Connection connection, List<ErpFundSeed> funds, OffsetDateTime now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO MDF_FUND_OUT (FUND_ID,"
                + " PARTNER_ACCOUNT, FUND_NAME, PERIOD_START, PERIOD_END, CURRENCY_CODE, ALLOCATED_AMOUNT,"
                + " LAST_UPDATE_DATE, CHANGE_SEQ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ErpFundSeed fund : funds) {
                insert.setString(1, fund.fundId());
                insert.setString(2, fund.partnerAccount());
                insert.setString(3, fund.name());
                insert.setObject(4, fund.periodStart());
                insert.setObject(5, fund.periodEnd());
                insert.setString(6, fund.currency());
                insert.setBigDecimal(7, fund.allocated());
                insert.setObject(8, now);
                insert.setLong(9, nextChangeSeq(connection));
                insert.executeUpdate();
            }
        }
    }

    private static void seedRates(Connection connection, String reportingCurrency,
            Map<String, java.math.BigDecimal> ratesTo, OffsetDateTime now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO FX_RATE_OUT (FROM_CURRENCY,"
                + " TO_CURRENCY, CONVERSION_RATE, LAST_UPDATE_DATE, CHANGE_SEQ) VALUES (?, ?, ?, ?, ?)")) {
            // Sorted, so that the same seed gives the same sequence numbers.
            for (Map.Entry<String, java.math.BigDecimal> rate : new TreeMap<>(ratesTo).entrySet()) {
                insert.setString(1, rate.getKey());
                insert.setString(2, reportingCurrency);
                insert.setBigDecimal(3, rate.getValue());
                insert.setObject(4, now);
                insert.setLong(5, nextChangeSeq(connection));
                insert.executeUpdate();
            }
        }
    }

    private static int tableCount(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static String schemaText() {
        try (InputStream in = SqlErpDatabase.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("SQL ERP sandbox: " + SCHEMA_RESOURCE + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The statements of a DDL script: comment lines dropped, split at the semicolons that end a line. */
    static List<String> statements(String script) {
        String withoutComments = script.lines().filter(line -> !line.strip().startsWith("--"))
                .collect(Collectors.joining("\n"));
        return Arrays.stream(withoutComments.split(";\\s*(\\n|$)")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }
}
