package dev.accordhub.connectors.erp.sql;

import java.time.Duration;

/**
 * How the hub reaches one program's interface-table ERP. Validated when built, with a message naming the property.
 *
 * @param program        the program whose ERP this is ({@code vantage}); stamped on every document read
 * @param jdbcUrl        e.g. {@code jdbc:h2:tcp://127.0.0.1:9092/mem:erp} or {@code jdbc:postgresql://db:5432/erp}
 *                       (the PostgreSQL driver must then be on the classpath)
 * @param pageSize       rows read per table per poll at most; null means 200
 * @param schema         the schema holding the interface tables, null for the connection's default
 * @param connectTimeout how long a call waits for a connection before the ERP counts as unavailable; null means 5 s
 */
public record SqlErpConfig(String program, String jdbcUrl, String username, String password, Integer pageSize,
        String schema, Duration connectTimeout) {

    public static final int DEFAULT_PAGE_SIZE = 200;
    public static final int MAX_PAGE_SIZE = 10_000;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    public SqlErpConfig {
        require(program != null && program.matches("[a-z][a-z0-9-]{0,39}"),
                "program must be lower-case letters, digits or '-' (it names the data source), got " + program);
        require(jdbcUrl != null && jdbcUrl.startsWith("jdbc:"), "jdbcUrl must be a JDBC URL (jdbc:...), got "
                + jdbcUrl);
        require(username != null && !username.isBlank(), "username must be set");
        require(password != null, "password must be set (empty for none)");
        pageSize = pageSize == null ? DEFAULT_PAGE_SIZE : pageSize;
        require(pageSize >= 1 && pageSize <= MAX_PAGE_SIZE, "pageSize must be 1.." + MAX_PAGE_SIZE + ", got "
                + pageSize);
        require(schema == null || schema.matches("[A-Za-z_][A-Za-z0-9_]{0,62}"),
                "schema must be null or an SQL identifier, got " + schema);
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        // HikariCP's floor: it refuses shorter connection timeouts.
        require(connectTimeout.toMillis() >= 250, "connectTimeout must be at least 250 ms, got " + connectTimeout);
    }

    /** The defaults: pages of 200, the connection's default schema, 5 s to connect. */
    public static SqlErpConfig of(String program, String jdbcUrl, String username, String password) {
        return new SqlErpConfig(program, jdbcUrl, username, password, null, null, null);
    }

    public SqlErpConfig withPageSize(int newPageSize) {
        return new SqlErpConfig(program, jdbcUrl, username, password, newPageSize, schema, connectTimeout);
    }

    public SqlErpConfig withConnectTimeout(Duration newConnectTimeout) {
        return new SqlErpConfig(program, jdbcUrl, username, password, pageSize, schema, newConnectTimeout);
    }

    /** The name of the data source in the Camel registry: one per program. */
    public String dataSourceName() {
        return "accordErpSql-" + program;
    }

    /** The password stays out of logs and exception messages. */
    @Override
    public String toString() {
        return "SqlErpConfig[program=" + program + ", jdbcUrl=" + jdbcUrl + ", username=" + username
                + ", pageSize=" + pageSize + ", schema=" + schema + ", connectTimeout=" + connectTimeout + "]";
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("SQL ERP connector: " + message);
        }
    }
}
