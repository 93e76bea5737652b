package dev.accordhub.sandbox.erp.sql;

import dev.accordhub.sandbox.erp.ErpPartnerAccount;
import dev.accordhub.sandbox.erp.ErpProcessTiming;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * How a {@link SqlErpSandbox} is set up: the in-memory database's name and credentials, the TCP port of its server,
 * the prefix of its fund ids ({@code VAN} gives {@code VAN-0001}, ...), the partner accounts it seeds one fund each
 * for, the date the seeded half-year is taken from, and how fast its finance process decides and pays.
 */
public record SqlErpSandboxConfig(
        String databaseName,
        int port,
        String user,
        String password,
        String fundPrefix,
        List<ErpPartnerAccount> accounts,
        LocalDate today,
        ErpProcessTiming timing,
        Clock clock) {

    public static final String DEFAULT_DATABASE_NAME = "erp";
    public static final String DEFAULT_USER = "accord";
    public static final String DEFAULT_PASSWORD = "accord-erp";
    public static final String DEFAULT_FUND_PREFIX = "MDF";

    public SqlErpSandboxConfig {
        // The name ends up in a JDBC URL; anything but a plain identifier would need escaping there.
        require(databaseName != null && databaseName.matches("[A-Za-z][A-Za-z0-9_-]{0,62}"),
                "databaseName must be a letter followed by letters, digits, _ or -, got " + databaseName);
        require(port >= 0 && port <= 65535, "port must be 0..65535 (0 = any free port), got " + port);
        require(user != null && !user.isBlank(), "user must be set");
        require(password != null && !password.isEmpty(), "password must be set");
        require(fundPrefix != null && !fundPrefix.isBlank(), "fundPrefix must be set");
        require(accounts != null, "accounts must be set (empty for no funds)");
        require(today != null, "today must be set");
        require(timing != null, "timing must be set");
        require(clock != null, "clock must be set");
        accounts = List.copyOf(accounts);
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("SQL ERP sandbox: " + message);
        }
    }

    /**
     * Defaults: database {@code erp}, any free port, the DEFAULT_ credentials, fund prefix {@code MDF}, no accounts,
     * today's date, {@link ErpProcessTiming#DEMO}, the system clock.
     */
    public static final class Builder {
        private String databaseName = DEFAULT_DATABASE_NAME;
        private int port;
        private String user = DEFAULT_USER;
        private String password = DEFAULT_PASSWORD;
        private String fundPrefix = DEFAULT_FUND_PREFIX;
        private List<ErpPartnerAccount> accounts = List.of();
        private LocalDate today;
        private ErpProcessTiming timing = ErpProcessTiming.DEMO;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The in-memory database's name: two sandboxes in one JVM need two names. */
        public Builder databaseName(String databaseName) {
            this.databaseName = databaseName;
            return this;
        }

        /** 0 picks a free port; read it back with {@link SqlErpSandbox#port()}. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public Builder fundPrefix(String fundPrefix) {
            this.fundPrefix = fundPrefix;
            return this;
        }

        public Builder accounts(List<ErpPartnerAccount> accounts) {
            this.accounts = accounts;
            return this;
        }

        public Builder today(LocalDate today) {
            this.today = today;
            return this;
        }

        public Builder timing(ErpProcessTiming timing) {
            this.timing = timing;
            return this;
        }

        /** The clock of the ERP's time stamps and of its decision and payout delays. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public SqlErpSandboxConfig config() {
            return new SqlErpSandboxConfig(databaseName, port, user, password, fundPrefix, accounts,
                    today != null ? today : LocalDate.now(clock), timing, clock);
        }

        public SqlErpSandbox build() {
            return new SqlErpSandbox(config());
        }

        /** Builds and starts. */
        public SqlErpSandbox start() {
            return build().start();
        }
    }
}
