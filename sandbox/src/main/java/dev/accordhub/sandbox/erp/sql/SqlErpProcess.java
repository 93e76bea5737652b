package dev.accordhub.sandbox.erp.sql;

import static dev.accordhub.sandbox.erp.sql.SqlErpStatusCodes.APPROVED;
import static dev.accordhub.sandbox.erp.sql.SqlErpStatusCodes.PAID;
import static dev.accordhub.sandbox.erp.sql.SqlErpStatusCodes.PENDING;
import static dev.accordhub.sandbox.erp.sql.SqlErpStatusCodes.REJECTED;

import dev.accordhub.sandbox.erp.ErpProcessTiming;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The ERP's finance process, run every {@code timing.tick()}: takes in the NEW inbound rows, decides pending requests
 * and claims once they are {@code timing.decision()} old, pays approved claims {@code timing.payout()} after their
 * approval. One transaction per document, and one run at a time (the hooks share its lock), so CHANGE_SEQ values
 * are committed in the order they are taken and a reader never sees a later one before an earlier one.
 */
final class SqlErpProcess implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SqlErpProcess.class.getName());

    private final SqlErpDatabase database;
    private final ErpProcessTiming timing;
    private final Clock clock;
    private final SqlErpIntake intake;
    private volatile boolean paused;
    private OffsetDateTime lastNow;
    private ScheduledExecutorService scheduler;

    SqlErpProcess(SqlErpDatabase database, ErpProcessTiming timing, Clock clock) {
        this.database = database;
        this.timing = timing;
        this.clock = clock;
        this.intake = new SqlErpIntake(database);
    }

    synchronized void start(String name) {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name + "-process");
            thread.setDaemon(true);
            return thread;
        });
        long tick = timing.tick().toMillis();
        scheduler.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    void pause() {
        paused = true;
    }

    void resume() {
        paused = false;
    }

    boolean paused() {
        return paused;
    }

    /**
     * One run of every step, also while paused. With zero delays a document moves one step per run: taken in,
     * then decided, then paid.
     */
    synchronized void runOnce() {
        OffsetDateTime now = now();
        intake.takeIn(SqlErpIntake.REQUESTS, now);
        intake.takeIn(SqlErpIntake.CLAIMS, now);
        for (String id : due("MDF_REQUEST_OUT", "REQUEST_ID", PENDING, now.minus(timing.decision()))) {
            database.inTransaction(connection -> decideRequest(connection, id, now));
        }
        for (String id : due("MDF_CLAIM_OUT", "CLAIM_ID", PENDING, now.minus(timing.decision()))) {
            database.inTransaction(connection -> decideClaim(connection, id, now));
        }
        for (String id : due("MDF_CLAIM_OUT", "CLAIM_ID", APPROVED, now.minus(timing.payout()))) {
            database.inTransaction(connection -> pay(connection, id, now));
        }
    }

    /** Pays an approved claim at once; returns the payout id. */
    synchronized String payNow(String claimId) {
        return database.inTransaction(connection -> pay(connection, claimId, now())).orElseThrow(() ->
                new IllegalStateException("SQL ERP sandbox: claim " + claimId + " is not APPROVED, cannot pay it"));
    }

    /** What a fund has left in the ERP's books: allocated − approved requests no claim was approved for yet −
     * approved and paid claims. Empty for an unknown fund. */
    static Optional<BigDecimal> available(Connection connection, String fundId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT F.ALLOCATED_AMOUNT"
                + " - COALESCE((SELECT SUM(R.AMOUNT) FROM MDF_REQUEST_OUT R WHERE R.FUND_ID = F.FUND_ID"
                + "     AND R.STATUS_CODE = 'APPROVED' AND NOT EXISTS (SELECT 1 FROM MDF_CLAIM_OUT C"
                + "     WHERE C.REQUEST_ID = R.REQUEST_ID AND C.STATUS_CODE IN ('APPROVED', 'PAID'))), 0)"
                + " - COALESCE((SELECT SUM(C.AMOUNT) FROM MDF_CLAIM_OUT C WHERE C.FUND_ID = F.FUND_ID"
                + "     AND C.STATUS_CODE IN ('APPROVED', 'PAID')), 0)"
                + " FROM MDF_FUND_OUT F WHERE F.FUND_ID = ?")) {
            query.setString(1, fundId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getBigDecimal(1)) : Optional.empty();
            }
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    private void tick() {
        if (paused) {
            return;
        }
        try {
            runOnce();
        } catch (RuntimeException e) {
            // A failed run must not end the schedule: the next tick tries again.
            LOG.log(System.Logger.Level.WARNING, "SQL ERP sandbox process run failed", e);
        }
    }

    /** Strictly later on every call, so that each run is its own moment and a zero delay means "the next run". */
    private synchronized OffsetDateTime now() {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        lastNow = lastNow != null && !now.isAfter(lastNow) ? lastNow.plus(1, ChronoUnit.MILLIS) : now;
        return lastNow;
    }

    /** Documents in {@code status} since before {@code before}: none of this run's own changes. */
    private List<String> due(String table, String idColumn, String status, OffsetDateTime before) {
        return database.inTransaction(connection -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT " + idColumn + " FROM " + table
                    + " WHERE STATUS_CODE = ? AND LAST_UPDATE_DATE < ? ORDER BY CHANGE_SEQ")) {
                query.setString(1, status);
                query.setObject(2, before);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
            }
            return ids;
        });
    }

    private Void decideRequest(Connection connection, String requestId, OffsetDateTime now) throws SQLException {
        String fundId;
        BigDecimal amount;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT FUND_ID, AMOUNT FROM MDF_REQUEST_OUT WHERE REQUEST_ID = ?")) {
            query.setString(1, requestId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                fundId = rows.getString(1);
                amount = rows.getBigDecimal(2);
            }
        }
        BigDecimal available = available(connection, fundId).orElse(BigDecimal.ZERO);
        if (amount.compareTo(available) <= 0) {
            setStatus(connection, "MDF_REQUEST_OUT", "REQUEST_ID", requestId, PENDING, APPROVED, null, now);
        } else {
            setStatus(connection, "MDF_REQUEST_OUT", "REQUEST_ID", requestId, PENDING, REJECTED,
                    "exceeds the available balance of fund " + fundId + " (" + available.stripTrailingZeros()
                            .toPlainString() + ")", now);
        }
        return null;
    }

    private Void decideClaim(Connection connection, String claimId, OffsetDateTime now) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT C.FUND_ID, C.REQUEST_ID, C.INVOICE_REF,"
                + " C.AMOUNT, R.STATUS_CODE, R.FUND_ID, R.AMOUNT, (SELECT MIN(O.CLAIM_ID) FROM MDF_CLAIM_OUT O"
                + "   WHERE O.REQUEST_ID = C.REQUEST_ID AND O.CLAIM_ID <> C.CLAIM_ID"
                + "   AND O.STATUS_CODE IN ('APPROVED', 'PAID'))"
                + " FROM MDF_CLAIM_OUT C LEFT JOIN MDF_REQUEST_OUT R ON R.REQUEST_ID = C.REQUEST_ID"
                + " WHERE C.CLAIM_ID = ?")) {
            query.setString(1, claimId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                String reason = SqlErpClaimRules.rejection(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getBigDecimal(4), rows.getString(5), rows.getString(6), rows.getBigDecimal(7),
                        rows.getString(8));
                setStatus(connection, "MDF_CLAIM_OUT", "CLAIM_ID", claimId, PENDING,
                        reason == null ? APPROVED : REJECTED, reason, now);
            }
        }
        return null;
    }

    private Optional<String> pay(Connection connection, String claimId, OffsetDateTime now) throws SQLException {
        String payoutId = String.format("PAY-%06d", SqlErpDatabase.nextValue(connection, "ERP_PAYOUT_NO"));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO MDF_PAYOUT_OUT (PAYOUT_ID,"
                + " CLAIM_ID, FUND_ID, CURRENCY_CODE, AMOUNT, PAID_AT, CHANGE_SEQ) SELECT ?, CLAIM_ID, FUND_ID,"
                + " CURRENCY_CODE, AMOUNT, ?, ? FROM MDF_CLAIM_OUT WHERE CLAIM_ID = ? AND STATUS_CODE = ?")) {
            insert.setString(1, payoutId);
            insert.setObject(2, now);
            insert.setLong(3, SqlErpDatabase.nextChangeSeq(connection));
            insert.setString(4, claimId);
            insert.setString(5, APPROVED);
            if (insert.executeUpdate() == 0) {
                return Optional.empty();
            }
        }
        setStatus(connection, "MDF_CLAIM_OUT", "CLAIM_ID", claimId, APPROVED, PAID, null, now);
        return Optional.of(payoutId);
    }

    static void setStatus(Connection connection, String table, String idColumn, String id, String from, String to,
            String reason, OffsetDateTime now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET STATUS_CODE = ?,"
                + " STATUS_REASON = ?, LAST_UPDATE_DATE = ?, CHANGE_SEQ = ? WHERE " + idColumn + " = ?"
                + " AND STATUS_CODE = ?")) {
            update.setString(1, to);
            update.setString(2, reason);
            update.setObject(3, now);
            update.setLong(4, SqlErpDatabase.nextChangeSeq(connection));
            update.setString(5, id);
            update.setString(6, from);
            update.executeUpdate();
        }
    }
}
