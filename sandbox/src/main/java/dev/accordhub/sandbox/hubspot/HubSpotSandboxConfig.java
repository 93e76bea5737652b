package dev.accordhub.sandbox.hubspot;

import dev.accordhub.sandbox.seed.DemoData;

/**
 * How a {@link HubSpotSandbox} is set up. {@code privateAppToken} null means only OAuth access tokens work;
 * {@code rateLimitPerSecond} 0 means unlimited; {@code seed} null means an empty portal.
 */
public record HubSpotSandboxConfig(
        int port,
        String clientId,
        String clientSecret,
        String refreshToken,
        String privateAppToken,
        int rateLimitPerSecond,
        int searchPageCap,
        DemoData seed) {

    public static final String DEFAULT_CLIENT_ID = "accord-vantage-client";
    public static final String DEFAULT_CLIENT_SECRET = "accord-vantage-secret";
    public static final String DEFAULT_REFRESH_TOKEN = "accord-vantage-refresh-token";
    public static final int DEFAULT_RATE_LIMIT_PER_SECOND = 10;
    public static final int DEFAULT_SEARCH_PAGE_CAP = 200;

    public HubSpotSandboxConfig {
        require(clientId != null && !clientId.isBlank(), "clientId must be set");
        require(clientSecret != null && !clientSecret.isBlank(), "clientSecret must be set");
        require(refreshToken != null && !refreshToken.isBlank(), "refreshToken must be set");
        require(privateAppToken == null || !privateAppToken.isBlank(), "privateAppToken must be null or non-blank");
        require(rateLimitPerSecond >= 0, "rateLimitPerSecond must be >= 0 (0 = unlimited), got " + rateLimitPerSecond);
        require(searchPageCap >= 1, "searchPageCap must be >= 1, got " + searchPageCap);
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("HubSpot sandbox: " + message);
        }
    }

    /** Defaults: random port, the DEFAULT_ credentials, no private-app token, 10 requests/s, search pages of 200. */
    public static final class Builder {
        private int port;
        private String clientId = DEFAULT_CLIENT_ID;
        private String clientSecret = DEFAULT_CLIENT_SECRET;
        private String refreshToken = DEFAULT_REFRESH_TOKEN;
        private String privateAppToken;
        private int rateLimitPerSecond = DEFAULT_RATE_LIMIT_PER_SECOND;
        private int searchPageCap = DEFAULT_SEARCH_PAGE_CAP;
        private DemoData seed;

        private Builder() {
        }

        /** 0 picks a free port; read it back with {@link HubSpotSandbox#port()}. */
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

        public Builder refreshToken(String refreshToken) {
            this.refreshToken = refreshToken;
            return this;
        }

        /** A static token accepted as Bearer besides OAuth tokens; it survives {@code expireTokens()}. */
        public Builder privateAppToken(String privateAppToken) {
            this.privateAppToken = privateAppToken;
            return this;
        }

        public Builder rateLimitPerSecond(int rateLimitPerSecond) {
            this.rateLimitPerSecond = rateLimitPerSecond;
            return this;
        }

        public Builder searchPageCap(int searchPageCap) {
            this.searchPageCap = searchPageCap;
            return this;
        }

        /** Loads the "vantage" program of this demo data at start. */
        public Builder seed(DemoData seed) {
            this.seed = seed;
            return this;
        }

        public HubSpotSandboxConfig config() {
            return new HubSpotSandboxConfig(port, clientId, clientSecret, refreshToken, privateAppToken,
                    rateLimitPerSecond, searchPageCap, seed);
        }

        public HubSpotSandbox build() {
            return new HubSpotSandbox(config());
        }

        /** Builds and starts. */
        public HubSpotSandbox start() {
            return build().start();
        }
    }
}
