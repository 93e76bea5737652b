package dev.accordhub.sandbox.salesforce;

import dev.accordhub.sandbox.seed.DemoData;

/**
 * How a {@link SalesforceSandbox} is set up. {@code username}/{@code password} null means any user may log in with
 * the password grant; {@code seed} null means an empty org.
 */
public record SalesforceSandboxConfig(
        int port,
        String clientId,
        String clientSecret,
        String username,
        String password,
        int queryBatchSize,
        DemoData seed) {

    public static final String DEFAULT_CLIENT_ID = "accord-helios-client";
    public static final String DEFAULT_CLIENT_SECRET = "accord-helios-secret";
    public static final int DEFAULT_QUERY_BATCH_SIZE = 2000;

    public SalesforceSandboxConfig {
        require(clientId != null && !clientId.isBlank(), "clientId must be set");
        require(clientSecret != null && !clientSecret.isBlank(), "clientSecret must be set");
        require((username == null) == (password == null), "username and password must be set together");
        require(queryBatchSize >= 1, "queryBatchSize must be >= 1, got " + queryBatchSize);
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("Salesforce sandbox: " + message);
        }
    }

    /** Defaults: random port, the DEFAULT_ credentials, any user, batch size 2000, no seed data. */
    public static final class Builder {
        private int port;
        private String clientId = DEFAULT_CLIENT_ID;
        private String clientSecret = DEFAULT_CLIENT_SECRET;
        private String username;
        private String password;
        private int queryBatchSize = DEFAULT_QUERY_BATCH_SIZE;
        private DemoData seed;

        private Builder() {
        }

        /** 0 picks a free port; read it back with {@link SalesforceSandbox#port()}. */
        public Builder port(int port) {
            this.port = port;
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

        /** Restricts the password grant to this user. */
        public Builder user(String username, String password) {
            this.username = username;
            this.password = password;
            return this;
        }

        /**
         * Rows per query page when the client sends no {@code Sforce-Query-Options: batchSize=N}. Below Salesforce's
         * minimum of 200 is allowed here, so tests can page through a small data set.
         */
        public Builder queryBatchSize(int queryBatchSize) {
            this.queryBatchSize = queryBatchSize;
            return this;
        }

        /** Loads the "helios" program of this demo data at start. */
        public Builder seed(DemoData seed) {
            this.seed = seed;
            return this;
        }

        public SalesforceSandboxConfig config() {
            return new SalesforceSandboxConfig(port, clientId, clientSecret, username, password, queryBatchSize, seed);
        }

        public SalesforceSandbox build() {
            return new SalesforceSandbox(config());
        }

        /** Builds and starts. */
        public SalesforceSandbox start() {
            return build().start();
        }
    }
}
