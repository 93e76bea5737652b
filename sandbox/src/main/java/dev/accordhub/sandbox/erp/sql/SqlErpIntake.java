package dev.accordhub.sandbox.erp.sql;

import static dev.accordhub.sandbox.erp.sql.SqlErpStatusCodes.INBOUND_DONE;
import static dev.accordhub.sandbox.erp.sql.SqlErpStatusCodes.INBOUND_ERROR;
import static dev.accordhub.sandbox.erp.sql.SqlErpStatusCodes.INBOUND_NEW;
import static dev.accordhub.sandbox.erp.sql.SqlErpStatusCodes.PENDING;
import static dev.accordhub.sandbox.erp.sql.SqlErpStatusCodes.REJECTED;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The ERP's open-interface import: each NEW row of an inbound table is validated against the ERP's funds and copied
 * into the matching outbound table, PENDING when valid, REJECTED with the reason when not (the inbound row then
 * turns ERROR with the same message, as an open-interface import marks the rows it could not take).
 */
final class SqlErpIntake {

    /** An inbound table, the outbound table it feeds, and the columns they share. */
    record Interface(String inbound, String outbound, String idColumn, String columns) {
    }

    static final Interface REQUESTS = new Interface("MDF_REQUEST_IN", "MDF_REQUEST_OUT", "REQUEST_ID",
            "REQUEST_ID, FUND_ID, PARTNER_ACCOUNT, ACTIVITY, COUNTRY_CODE, CURRENCY_CODE, AMOUNT, SUBMITTED_BY");
    static final Interface CLAIMS = new Interface("MDF_CLAIM_IN", "MDF_CLAIM_OUT", "CLAIM_ID",
            "CLAIM_ID, FUND_ID, REQUEST_ID, PARTNER_ACCOUNT, INVOICE_REF, PROOF_REFS, CURRENCY_CODE, AMOUNT,"
                    + " SUBMITTED_BY");

    private final SqlErpDatabase database;

    SqlErpIntake(SqlErpDatabase database) {
        this.database = database;
    }

    void takeIn(Interface table, OffsetDateTime now) {
        List<String> ids = database.inTransaction(connection -> newRows(connection, table));
        for (String id : ids) {
            database.inTransaction(connection -> takeIn(connection, table, id, now));
        }
    }

    private static List<String> newRows(Connection connection, Interface table) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT " + table.idColumn() + " FROM "
                + table.inbound() + " WHERE PROCESS_STATUS = ? ORDER BY CREATION_DATE, " + table.idColumn())) {
            query.setString(1, INBOUND_NEW);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    private static Void takeIn(Connection connection, Interface table, String id, OffsetDateTime now)
            throws SQLException {
        if (exists(connection, table.outbound(), table.idColumn(), id)) {
            markInbound(connection, table, id, INBOUND_ERROR, table.idColumn() + " " + id
                    + " already exists in the ERP", now);
            return null;
        }
        String rejection = validate(connection, table, id);
        try (PreparedStatement copy = connection.prepareStatement("INSERT INTO " + table.outbound() + " ("
                + table.columns() + ", STATUS_CODE, STATUS_REASON, LAST_UPDATE_DATE, CHANGE_SEQ) SELECT "
                + table.columns() + ", ?, ?, ?, ? FROM " + table.inbound() + " WHERE " + table.idColumn() + " = ?")) {
            copy.setString(1, rejection == null ? PENDING : REJECTED);
            copy.setString(2, rejection);
            copy.setObject(3, now);
            copy.setLong(4, SqlErpDatabase.nextChangeSeq(connection));
            copy.setString(5, id);
            copy.executeUpdate();
        }
        markInbound(connection, table, id, rejection == null ? INBOUND_DONE : INBOUND_ERROR, rejection, now);
        return null;
    }

    /** Null when the fund is known, belongs to the partner and is in the document's currency. */
    private static String validate(Connection connection, Interface table, String id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT I.FUND_ID, I.PARTNER_ACCOUNT,"
                + " I.CURRENCY_CODE, F.FUND_ID, F.PARTNER_ACCOUNT, F.CURRENCY_CODE FROM " + table.inbound()
                + " I LEFT JOIN MDF_FUND_OUT F ON F.FUND_ID = I.FUND_ID WHERE I." + table.idColumn() + " = ?")) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                String fundId = rows.getString(1);
                if (rows.getString(4) == null) {
                    return "unknown fund " + fundId;
                }
                if (!rows.getString(2).equals(rows.getString(5))) {
                    return "fund " + fundId + " does not belong to partner account " + rows.getString(2);
                }
                if (!rows.getString(3).equals(rows.getString(6))) {
                    return "currency " + rows.getString(3) + " is not the currency of fund " + fundId + " ("
                            + rows.getString(6) + ")";
                }
                return null;
            }
        }
    }

    private static boolean exists(Connection connection, String table, String idColumn, String id)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM " + table + " WHERE " + idColumn + " = ?")) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void markInbound(Connection connection, Interface table, String id, String status,
            String message, OffsetDateTime now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table.inbound()
                + " SET PROCESS_STATUS = ?, ERROR_MESSAGE = ?, PROCESSED_AT = ? WHERE " + table.idColumn() + " = ?")) {
            update.setString(1, status);
            update.setString(2, message);
            update.setObject(3, now);
            update.setString(4, id);
            update.executeUpdate();
        }
    }
}
