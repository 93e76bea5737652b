package dev.accordhub.connectors.erp.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLNonTransientConnectionException;

/** The small connection pool of one program's ERP database. */
public final class SqlErpDataSources {

    /** A poller and a command writer; a few more for overlapping retries. */
    private static final int MAX_POOL_SIZE = 4;

    private SqlErpDataSources() {
    }

    /**
     * A HikariCP pool for the config. It starts without the database (the ERP may be down when the hub starts) but
     * fails at once when no JDBC driver on the classpath accepts the URL.
     */
    public static HikariDataSource create(SqlErpConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("accord-erp-sql-" + config.program());
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.username());
        hikari.setPassword(config.password());
        if (config.schema() != null) {
            hikari.setSchema(config.schema());
        }
        hikari.setMaximumPoolSize(MAX_POOL_SIZE);
        hikari.setMinimumIdle(1);
        hikari.setConnectionTimeout(config.connectTimeout().toMillis());
        hikari.setValidationTimeout(Math.min(1_000, config.connectTimeout().toMillis()));
        hikari.setInitializationFailTimeout(-1);
        hikari.setExceptionOverride(new EvictBrokenConnections());
        try {
            return new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("SQL ERP connector: jdbcUrl " + config.jdbcUrl()
                    + " is not accepted by any JDBC driver on the classpath (" + e.getMessage() + ")", e);
        }
    }

    /**
     * HikariCP evicts a connection on SQLState class 08; H2 reports a broken connection as 90067 instead, typed as
     * a non-transient connection exception. Without this the pool would hand out a dead connection after the
     * database came back.
     */
    static final class EvictBrokenConnections implements SQLExceptionOverride {
        // No @Override: inside this class the name is SQLExceptionOverride.Override, the enum.
        public Override adjudicate(java.sql.SQLException e) {
            return e instanceof SQLNonTransientConnectionException ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
        }
    }
}
