package dev.accordhub.sandbox.salesforce;

import dev.accordhub.sandbox.HttpSandbox;
import dev.accordhub.sandbox.SandboxRequest;
import dev.accordhub.sandbox.SandboxResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A Salesforce org of program "helios" on a real HTTP server: OAuth token/revoke, SOQL query/queryAll with paging,
 * sObject CRUD and upsert, limits. It is both login URL and instance URL. For tests and the demo only.
 *
 * <pre>{@code
 * try (SalesforceSandbox sf = SalesforceSandbox.builder().seed(DemoData.generate(42)).start()) {
 *     // camel.component.salesforce.login-url = sf.baseUrl()
 * }
 * }</pre>
 */
public final class SalesforceSandbox extends HttpSandbox {

    private final SalesforceSandboxConfig config;
    private final SalesforceStore store;
    private final SalesforceRouter router;

    public SalesforceSandbox(SalesforceSandboxConfig config) {
        super("salesforce-sandbox", config.port());
        this.config = config;
        this.store = new SalesforceStore(new SalesforceSchema(), clock);
        SalesforceOAuth oauth = new SalesforceOAuth(config, tokens, this::baseUrl);
        this.router = new SalesforceRouter(oauth, tokens, failures,
                new SalesforceQueryApi(store, config.queryBatchSize()), new SalesforceSObjectApi(store),
                new SalesforceCollectionsApi(store));
        if (config.seed() != null) {
            SalesforceSeeder.load(store, config.seed());
        }
    }

    public static SalesforceSandboxConfig.Builder builder() {
        return SalesforceSandboxConfig.builder();
    }

    public SalesforceSandbox start() {
        startServer();
        return this;
    }

    public SalesforceSandboxConfig config() {
        return config;
    }

    /** Data requests ({@code /services/data/...}) answered so far, as counted against DailyApiRequests. */
    public long apiRequestCount() {
        return router.apiRequestCount();
    }

    /** Creates with the same checks as {@code POST sobjects/{type}}; returns the new Id. */
    public String create(String type, Map<String, Object> fields) {
        return store.create(type, fields);
    }

    /** Updates with the same checks as {@code PATCH sobjects/{type}/{id}}. */
    public void update(String type, String id, Map<String, Object> fields) {
        store.update(type, id, fields);
    }

    /** Moves the record to the recycle bin, as {@code DELETE sobjects/{type}/{id}} does. */
    public void delete(String type, String id) {
        store.delete(type, id);
    }

    /** A copy of the record unless deleted; values are String, Boolean, BigDecimal, Instant or LocalDate. */
    public Optional<Map<String, Object>> get(String type, String id) {
        return store.get(type, id);
    }

    /** Copies of all records of the type in creation order, deleted ones included if asked. */
    public List<Map<String, Object>> records(String type, boolean includeDeleted) {
        return store.snapshot(type, includeDeleted);
    }

    /** Inserts without any validation, e.g. an Account without Name for malformed-record tests. */
    public String putRaw(String type, Map<String, Object> fields) {
        return store.putRaw(type, fields);
    }

    @Override
    protected SandboxResponse handle(SandboxRequest request) {
        return router.route(request);
    }

    @Override
    protected SandboxResponse internalError(RuntimeException e) {
        return SalesforceJson.errors(500, "UNKNOWN_EXCEPTION",
                "An unexpected error occurred. Please include this ErrorId if you contact support: "
                        + UUID.randomUUID() + " (" + e + ")", List.of());
    }
}
