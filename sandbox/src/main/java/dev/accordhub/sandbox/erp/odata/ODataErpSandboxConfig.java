package dev.accordhub.sandbox.erp.odata;

import dev.accordhub.sandbox.erp.ErpPartnerAccount;
import dev.accordhub.sandbox.erp.ErpProcessTiming;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * How an {@link ODataErpSandbox} is set up: the program's fund-id prefix ({@code HEL} gives {@code HEL-0001}, ...),
 * the partner accounts it funds, the date its funds' half-year is taken from, how fast its finance team works and
 * the client credentials its token endpoint accepts.
 */
public record ODataErpSandboxConfig(
        int port,
        String programPrefix,
        List<ErpPartnerAccount> accounts,
        LocalDate today,
        ErpProcessTiming timing,
        String clientId,
        String clientSecret) {

    public static final String DEFAULT_CLIENT_ID = "accord-erp-odata-client";
    public static final String DEFAULT_CLIENT_SECRET = "accord-erp-odata-secret";

    public ODataErpSandboxConfig {
        require(port >= 0 && port <= 65535, "port must be 0..65535, got " + port);
        require(programPrefix != null && programPrefix.matches("[A-Z][A-Z0-9]{1,9}"),
                "programPrefix must be 2-10 upper-case letters or digits, got " + programPrefix);
        require(accounts != null, "accounts must be set (may be empty)");
        accounts = List.copyOf(accounts);
        require(today != null, "today must be set");
        require(timing != null, "timing must be set");
        require(clientId != null && !clientId.isBlank(), "clientId must be set");
        require(clientSecret != null && !clientSecret.isBlank(), "clientSecret must be set");
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("OData ERP sandbox: " + message);
        }
    }

    /** Defaults: random port, prefix ERP, no accounts, today in UTC, demo timing, the DEFAULT_ credentials. */
    public static final class Builder {
        private int port;
        private String programPrefix = "ERP";
        private List<ErpPartnerAccount> accounts = List.of();
        private LocalDate today = LocalDate.now(ZoneOffset.UTC);
        private ErpProcessTiming timing = ErpProcessTiming.DEMO;
        private String clientId = DEFAULT_CLIENT_ID;
        private String clientSecret = DEFAULT_CLIENT_SECRET;

        private Builder() {
        }

        /** 0 picks a free port; read it back with {@link ODataErpSandbox#port()}. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder programPrefix(String programPrefix) {
            this.programPrefix = programPrefix;
            return this;
        }

        /** One fund per account, in this order. */
        public Builder accounts(List<ErpPartnerAccount> accounts) {
            this.accounts = Objects.requireNonNull(accounts, "accounts");
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

        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        public Builder clientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
            return this;
        }

        public ODataErpSandboxConfig config() {
            return new ODataErpSandboxConfig(port, programPrefix, accounts, today, timing, clientId, clientSecret);
        }

        public ODataErpSandbox build() {
            return new ODataErpSandbox(config());
        }

        /** Builds and starts. */
        public ODataErpSandbox start() {
            return build().start();
        }
    }
}
