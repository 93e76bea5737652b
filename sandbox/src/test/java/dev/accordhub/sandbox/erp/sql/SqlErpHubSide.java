package dev.accordhub.sandbox.erp.sql;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** What the hub does to the interface tables, over the sandbox's TCP server, with plain JDBC. */
final class SqlErpHubSide {

    private final SqlErpSandbox erp;

    SqlErpHubSide(SqlErpSandbox erp) {
        this.erp = erp;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(erp.jdbcUrl(), erp.user(), erp.password());
    }

    void submitRequest(String id, String fundId, String partner, String currency, String amount)
            throws SQLException {
        try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO MDF_REQUEST_IN (REQUEST_ID, FUND_ID, PARTNER_ACCOUNT, ACTIVITY, COUNTRY_CODE,"
                        + " CURRENCY_CODE, AMOUNT, SUBMITTED_BY, CREATION_DATE, PROCESS_STATUS)"
                        + " VALUES (?, ?, ?, 'Webinar series', 'DE', ?, ?, 'pm@partner.example', ?, 'NEW')")) {
            insert.setString(1, id);
            insert.setString(2, fundId);
            insert.setString(3, partner);
            insert.setString(4, currency);
            insert.setBigDecimal(5, new BigDecimal(amount));
            insert.setObject(6, OffsetDateTime.now());
            insert.executeUpdate();
        }
    }

    void submitClaim(String id, String fundId, String requestId, String partner, String invoice, String currency,
            String amount) throws SQLException {
        try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO MDF_CLAIM_IN (CLAIM_ID, FUND_ID, REQUEST_ID, PARTNER_ACCOUNT, INVOICE_REF, PROOF_REFS,"
                        + " CURRENCY_CODE, AMOUNT, SUBMITTED_BY, CREATION_DATE, PROCESS_STATUS)"
                        + " VALUES (?, ?, ?, ?, ?, 'proof-1', ?, ?, 'pm@partner.example', ?, 'NEW')")) {
            insert.setString(1, id);
            insert.setString(2, fundId);
            insert.setString(3, requestId);
            insert.setString(4, partner);
            insert.setString(5, invoice);
            insert.setString(6, currency);
            insert.setBigDecimal(7, new BigDecimal(amount));
            insert.setObject(8, OffsetDateTime.now());
            insert.executeUpdate();
        }
    }

    List<List<Object>> rows(String sql) throws SQLException {
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            List<List<Object>> result = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rows.getObject(i));
                }
                result.add(row);
            }
            return result;
        }
    }
}
