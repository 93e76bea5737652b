package dev.accordhub.sandbox.hubspot;

import dev.accordhub.sandbox.HttpSandbox;
import dev.accordhub.sandbox.JsonHttp;
import dev.accordhub.sandbox.SandboxRequest;
import dev.accordhub.sandbox.SandboxResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A HubSpot portal of program "vantage" on a real HTTP server: OAuth refresh-token grant, CRM v3 objects
 * (companies, contacts, deals) with list paging, search and the secondly rate limit. For tests and the demo only.
 *
 * <pre>{@code
 * try (HubSpotSandbox hs = HubSpotSandbox.builder().seed(DemoData.generate(42)).start()) {
 *     // base URL for the connector: hs.baseUrl()
 * }
 * }</pre>
 */
public final class HubSpotSandbox extends HttpSandbox {

    private final HubSpotSandboxConfig config;
    private final HubSpotStore store;
    private final RateLimiter rateLimiter;
    private final HubSpotRouter router;

    public HubSpotSandbox(HubSpotSandboxConfig config) {
        super("hubspot-sandbox", config.port());
        this.config = config;
        this.store = new HubSpotStore(clock);
        this.rateLimiter = new RateLimiter(config.rateLimitPerSecond());
        if (config.privateAppToken() != null) {
            tokens.addPermanent(config.privateAppToken());
        }
        HubSpotObjectsApi objects = new HubSpotObjectsApi(store, new HubSpotSearch(store, config.searchPageCap()),
                this::baseUrl);
        this.router = new HubSpotRouter(new HubSpotOAuth(config, tokens), tokens, rateLimiter, failures, objects);
        if (config.seed() != null) {
            HubSpotSeeder.load(store, config.seed());
        }
    }

    public static HubSpotSandboxConfig.Builder builder() {
        return HubSpotSandboxConfig.builder();
    }

    public HubSpotSandbox start() {
        startServer();
        return this;
    }

    public HubSpotSandboxConfig config() {
        return config;
    }

    /** Changes the secondly limit at once, e.g. to 1 to cause a 429 storm; 0 switches it off. */
    public void setRateLimitPerSecond(int requestsPerSecond) {
        rateLimiter.setLimitPerSecond(requestsPerSecond);
    }

    public int rateLimitPerSecond() {
        return rateLimiter.limitPerSecond();
    }

    /**
     * The daily allowance the answers report ({@code X-HubSpot-RateLimit-Daily} and {@code -Daily-Remaining});
     * reported only, never enforced: a test lowers it to see the hub spare a source's budget.
     */
    public void setDailyLimit(long limit) {
        router.setDailyLimit(limit);
    }

    /** Authenticated CRM calls counted against the daily allowance. */
    public long dailyUsed() {
        return router.dailyUsed();
    }

    /** Requests answered 429 by the secondly limit (injected 429s not included). */
    public long rateLimitedCount() {
        return router.rateLimitedCount();
    }

    /** Creates with the same checks as {@code POST /crm/v3/objects/{type}}; type is "companies", "contacts" or "deals". */
    public HubSpotObject create(String type, Map<String, String> properties) {
        return store.create(type(type), properties);
    }

    /** Updates with the same checks as {@code PATCH /crm/v3/objects/{type}/{id}}. */
    public HubSpotObject update(String type, String id, Map<String, String> properties) {
        return store.update(type(type), id, properties);
    }

    /** Archives, as {@code DELETE} does. */
    public void archive(String type, String id) {
        store.archive(type(type), id);
    }

    /** The object unless archived. */
    public Optional<HubSpotObject> get(String type, String id) {
        return store.get(type(type), id, false);
    }

    /** Live or archived objects of the type in id order. */
    public List<HubSpotObject> objects(String type, boolean archived) {
        return store.list(type(type), archived);
    }

    /** Stores without any check, e.g. a deal without dealname or with a bad amount; returns the stored object. */
    public HubSpotObject putRaw(String type, Map<String, String> properties) {
        return store.putRaw(type(type), properties, false);
    }

    @Override
    protected SandboxResponse handle(SandboxRequest request) {
        return router.route(request);
    }

    @Override
    protected SandboxResponse handleAdmin(SandboxRequest request) {
        if (request.path().size() == 2 && request.path().get(1).equals("rate-limit")) {
            setRateLimitPerSecond(intParam(request, "perSecond", config.rateLimitPerSecond()));
            return SandboxResponse.json(200, JsonHttp.object().put("rateLimitPerSecond", rateLimitPerSecond()));
        }
        return null;
    }

    @Override
    protected SandboxResponse internalError(RuntimeException e) {
        return HubSpotJson.error(new HubSpotApiException(500, "INTERNAL_ERROR", "internal error: " + e));
    }

    private static HubSpotObjectType type(String path) {
        return HubSpotObjectType.fromPath(path)
                .orElseThrow(() -> new IllegalArgumentException("HubSpot object type must be companies, contacts or"
                        + " deals, got " + path));
    }
}
