package dev.accordhub.sandbox.erp.sql;

import dev.accordhub.sandbox.erp.ErpFundSeed;
import dev.accordhub.sandbox.erp.ErpSeed;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.h2.tools.Server;

/**
 * An ERP that exchanges MDF documents through interface tables (see {@code erp/sql/interface-tables.sql}), in an
 * in-memory H2 database served over TCP on 127.0.0.1, as a separate database server would be. The hub connects as
 * any JDBC client: {@link #jdbcUrl()}, {@link #user()}, {@link #password()}. A daemon thread plays the ERP's finance
 * team ({@link SqlErpProcess}). For tests and the demo only.
 *
 * <pre>{@code
 * try (SqlErpSandbox erp = SqlErpSandbox.builder().fundPrefix("VAN").accounts(accounts)
 *         .timing(ErpProcessTiming.FAST).start()) {
 *     // JDBC URL for the connector: erp.jdbcUrl()
 * }
 * }</pre>
 */
public final class SqlErpSandbox implements AutoCloseable {

    private final SqlErpSandboxConfig config;
    private final List<ErpFundSeed> funds;
    private final SqlErpDatabase database;
    private final SqlErpProcess process;
    private Server server;
    private int port;
    private boolean started;

    public SqlErpSandbox(SqlErpSandboxConfig config) {
        this.config = config;
        this.funds = ErpSeed.funds(config.fundPrefix(), config.accounts(), config.today());
        this.database = new SqlErpDatabase(config.databaseName(), config.user(), config.password());
        this.process = new SqlErpProcess(database, config.timing(), config.clock());
        this.port = config.port();
    }

    public static SqlErpSandboxConfig.Builder builder() {
        return SqlErpSandboxConfig.builder();
    }

    /** Creates and seeds the database, starts its TCP server and the ERP process. */
    public synchronized SqlErpSandbox start() {
        if (started) {
            throw new IllegalStateException("SQL ERP sandbox " + config.databaseName() + " is already started");
        }
        database.create(ErpSeed.REPORTING_CURRENCY, funds, ErpSeed.RATES_TO_USD,
                OffsetDateTime.ofInstant(config.clock().instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
        started = true;
        startServer();
        process.start("sql-erp-" + config.databaseName());
        return this;
    }

    public SqlErpSandboxConfig config() {
        return config;
    }

    /** {@code jdbc:h2:tcp://127.0.0.1:<port>/mem:<name>}: what the hub is configured with. */
    public String jdbcUrl() {
        return "jdbc:h2:tcp://127.0.0.1:" + port() + "/mem:" + config.databaseName();
    }

    public String user() {
        return config.user();
    }

    public String password() {
        return config.password();
    }

    /** The TCP port, the free one picked when the config said 0; it stays the same across stop and start. */
    public synchronized int port() {
        return port;
    }

    /**
     * Starts the TCP server again after {@link #stopServer()}, on the same port, with the data as it was (the ERP
     * process went on working meanwhile).
     */
    public synchronized void startServer() {
        if (server != null) {
            return;
        }
        try {
            // -ifExists: clients reach this database only, never create one; without -tcpAllowOthers only
            // connections from this host are accepted.
            server = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifExists", "-tcpDaemon").start();
        } catch (SQLException e) {
            throw new IllegalStateException("SQL ERP sandbox could not serve on 127.0.0.1:" + port, e);
        }
        port = server.getPort();
    }

    /** Stops the TCP server: open client connections break and new ones are refused until {@link #startServer()}. */
    public synchronized void stopServer() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public synchronized boolean serverRunning() {
        return server != null;
    }

    /** Stops the finance process between runs: inbound rows stay NEW, nothing is decided or paid. */
    public void pauseProcess() {
        process.pause();
    }

    public void resumeProcess() {
        process.resume();
    }

    /** Runs every step of the process once, now, also while it is paused. */
    public void runProcessOnce() {
        process.runOnce();
    }

    /** Pays an approved claim at once, whatever the payout delay; returns the payout id. */
    /** Adds a paid case on every third fund ({@link ErpSeed#history}), for a demo whose balances show payouts. */
    public SqlErpSandbox withHistory() {
        database.seedHistory(ErpSeed.history(funds, config.accounts()));
        return this;
    }

    public String payNow(String claimId) {
        return process.payNow(claimId);
    }

    /** The funds seeded at start. */
    public List<ErpFundSeed> funds() {
        return funds;
    }

    /** Gives a fund a new allocation, as finance does mid-period; the fund's CHANGE_SEQ moves. */
    public void allocate(String fundId, BigDecimal allocated) {
        int updated;
        // Under the process's lock, like every write that takes a CHANGE_SEQ: values commit in the order taken.
        synchronized (process) {
            updated = allocateUnlocked(fundId, allocated);
        }
        if (updated == 0) {
            throw new IllegalArgumentException("SQL ERP sandbox: no fund " + fundId);
        }
    }

    private int allocateUnlocked(String fundId, BigDecimal allocated) {
        return database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE MDF_FUND_OUT SET ALLOCATED_AMOUNT = ?,"
                    + " LAST_UPDATE_DATE = ?, CHANGE_SEQ = ? WHERE FUND_ID = ?")) {
                update.setBigDecimal(1, allocated);
                update.setObject(2, OffsetDateTime.ofInstant(config.clock().instant(), ZoneOffset.UTC));
                update.setLong(3, SqlErpDatabase.nextChangeSeq(connection));
                update.setString(4, fundId);
                return update.executeUpdate();
            }
        });
    }

    /** What the fund has left in the ERP's own books; empty for an unknown fund. */
    public Optional<BigDecimal> availableBalance(String fundId) {
        return database.inTransaction(connection -> SqlErpProcess.available(connection, fundId));
    }

    public Optional<SqlErpDocumentState> request(String requestId) {
        return state("MDF_REQUEST_OUT", "REQUEST_ID", requestId);
    }

    public Optional<SqlErpDocumentState> claim(String claimId) {
        return state("MDF_CLAIM_OUT", "CLAIM_ID", claimId);
    }

    public Optional<String> requestStatus(String requestId) {
        return request(requestId).map(SqlErpDocumentState::statusCode);
    }

    public Optional<String> claimStatus(String claimId) {
        return claim(claimId).map(SqlErpDocumentState::statusCode);
    }

    /** The inbound row of a request or claim id, whichever table has it. */
    public Optional<SqlErpInboundState> inbound(String id) {
        return database.inTransaction(connection -> {
            for (String[] table : new String[][] {{"MDF_REQUEST_IN", "REQUEST_ID"}, {"MDF_CLAIM_IN", "CLAIM_ID"}}) {
                try (PreparedStatement query = connection.prepareStatement("SELECT PROCESS_STATUS, ERROR_MESSAGE FROM "
                        + table[0] + " WHERE " + table[1] + " = ?")) {
                    query.setString(1, id);
                    try (ResultSet rows = query.executeQuery()) {
                        if (rows.next()) {
                            return Optional.of(new SqlErpInboundState(id, rows.getString(1), rows.getString(2)));
                        }
                    }
                }
            }
            return Optional.empty();
        });
    }

    /** Rows in MDF_REQUEST_IN and MDF_CLAIM_IN together, whatever their status. */
    public long inboundCount() {
        return count("SELECT (SELECT COUNT(*) FROM MDF_REQUEST_IN) + (SELECT COUNT(*) FROM MDF_CLAIM_IN)");
    }

    /** The highest CHANGE_SEQ in the outbound tables, 0 when they are empty. */
    public long maxChangeSeq() {
        return count("SELECT COALESCE(MAX(S), 0) FROM (SELECT MAX(CHANGE_SEQ) S FROM MDF_FUND_OUT"
                + " UNION ALL SELECT MAX(CHANGE_SEQ) FROM MDF_REQUEST_OUT UNION ALL SELECT MAX(CHANGE_SEQ) FROM"
                + " MDF_CLAIM_OUT UNION ALL SELECT MAX(CHANGE_SEQ) FROM MDF_PAYOUT_OUT"
                + " UNION ALL SELECT MAX(CHANGE_SEQ) FROM FX_RATE_OUT) T");
    }

    public List<SqlErpPayoutRow> payouts() {
        return database.inTransaction(connection -> {
            List<SqlErpPayoutRow> payouts = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT PAYOUT_ID, CLAIM_ID, FUND_ID,"
                    + " CURRENCY_CODE, AMOUNT, PAID_AT, CHANGE_SEQ FROM MDF_PAYOUT_OUT ORDER BY CHANGE_SEQ");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    payouts.add(new SqlErpPayoutRow(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getBigDecimal(5), rows.getObject(6, OffsetDateTime.class),
                            rows.getLong(7)));
                }
            }
            return payouts;
        });
    }

    /** Stops the process and the server and drops the database. */
    @Override
    public synchronized void close() {
        process.close();
        stopServer();
        database.close();
        started = false;
    }

    private Optional<SqlErpDocumentState> state(String table, String idColumn, String id) {
        return database.inTransaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT STATUS_CODE, STATUS_REASON, CHANGE_SEQ"
                    + " FROM " + table + " WHERE " + idColumn + " = ?")) {
                query.setString(1, id);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next()
                            ? Optional.of(new SqlErpDocumentState(id, rows.getString(1), rows.getString(2),
                                    rows.getLong(3)))
                            : Optional.empty();
                }
            }
        });
    }

    private long count(String sql) {
        return database.inTransaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }
}
