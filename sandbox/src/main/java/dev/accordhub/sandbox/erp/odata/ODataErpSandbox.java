package dev.accordhub.sandbox.erp.odata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accordhub.sandbox.HttpSandbox;
import dev.accordhub.sandbox.JsonHttp;
import dev.accordhub.sandbox.SandboxRequest;
import dev.accordhub.sandbox.SandboxResponse;
import dev.accordhub.sandbox.erp.ErpSeed;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An ERP's MDF service shaped like Dynamics 365 Finance, on a real HTTP server: an Entra-style client-credentials
 * token endpoint, and the OData v4 service root {@code /data/} served by Apache Olingo, with entity sets
 * {@code MdfFunds}, {@code MdfRequests}, {@code MdfClaims}, {@code Payouts} and {@code ExchangeRates}. Its finance
 * process decides and pays in the background. For tests and the demo only.
 *
 * <pre>{@code
 * try (ODataErpSandbox erp = ODataErpSandbox.builder().programPrefix("HEL").accounts(accounts)
 *         .timing(ErpProcessTiming.FAST).start()) {
 *     // service root for the connector: erp.serviceRoot(); tokens: erp.tokenUrl()
 * }
 * }</pre>
 */
public final class ODataErpSandbox extends HttpSandbox {

    private static final System.Logger LOG = System.getLogger(ODataErpSandbox.class.getName());
    private static final String SERVICE_ROOT = "data";

    private final ODataErpSandboxConfig config;
    private final ODataErpStore store;
    private final ODataErpFinance finance;
    private final ODataErpService service;
    private final ODataErpOAuth oauth;
    private final AtomicLong apiRequests = new AtomicLong();
    private volatile boolean available = true;
    private volatile boolean processPaused;
    private ScheduledExecutorService process;

    public ODataErpSandbox(ODataErpSandboxConfig config) {
        super("odata-erp-sandbox", config.port());
        this.config = config;
        this.store = new ODataErpStore(clock);
        this.store.seed(ErpSeed.funds(config.programPrefix(), config.accounts(), config.today()),
                ErpSeed.RATES_TO_USD);
        this.finance = new ODataErpFinance(store, config.timing());
        this.service = new ODataErpService(store);
        this.oauth = new ODataErpOAuth(config, tokens);
    }

    public static ODataErpSandboxConfig.Builder builder() {
        return ODataErpSandboxConfig.builder();
    }

    /** Starts the HTTP server and the finance process. */
    public synchronized ODataErpSandbox start() {
        startServer();
        process = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "odata-erp-process");
            thread.setDaemon(true);
            return thread;
        });
        long tick = config.timing().tick().toMillis();
        process.scheduleWithFixedDelay(this::runProcess, tick, tick, TimeUnit.MILLISECONDS);
        return this;
    }

    public ODataErpSandboxConfig config() {
        return config;
    }

    /** The OData service root, with its trailing slash: {@code http://127.0.0.1:<port>/data/}. */
    public String serviceRoot() {
        return baseUrl() + "/" + SERVICE_ROOT + "/";
    }

    /** The client-credentials token endpoint. */
    public String tokenUrl() {
        return baseUrl() + "/oauth2/v2.0/token";
    }

    /** False: every request under the service root answers 503 until it is true again ("the ERP is down"). */
    public void setAvailable(boolean available) {
        this.available = available;
    }

    /** Stops the finance process from deciding or paying anything until {@link #resumeProcess()}. */
    public void pauseProcess() {
        processPaused = true;
    }

    public void resumeProcess() {
        processPaused = false;
    }

    /** Pays an approved claim now, whatever the payout delay; the claim turns Paid. */
    /** Adds a paid case on every third fund ({@link ErpSeed#history}), for a demo whose balances show payouts. */
    public ODataErpSandbox withHistory() {
        store.seedHistory(ErpSeed.history(ErpSeed.funds(config.programPrefix(), config.accounts(), config.today()),
                config.accounts()));
        return this;
    }

    public PayoutRow payNow(String claimId) {
        return finance.payNow(claimId);
    }

    /** Runs the finance process once, now, paused or not: for tests that step it by hand. */
    public void runProcessOnce() {
        finance.tick();
    }

    /** Requests to the service root (metadata and data) so far; token requests and hooks not included. */
    public long apiRequestCount() {
        return apiRequests.get();
    }

    public Optional<MdfFundRow> fund(String fundId) {
        return store.fund(fundId);
    }

    public List<MdfFundRow> funds() {
        return store.funds();
    }

    public Optional<MdfRequestRow> request(String requestId) {
        return store.request(requestId);
    }

    public List<MdfRequestRow> requests() {
        return store.requests();
    }

    public Optional<MdfClaimRow> claim(String claimId) {
        return store.claim(claimId);
    }

    public List<MdfClaimRow> claims() {
        return store.claims();
    }

    public List<PayoutRow> payouts() {
        return store.payouts();
    }

    public List<ExchangeRateRow> exchangeRates() {
        return store.rates();
    }

    /** What the ERP's books leave of a fund: allocated − approved unclaimed requests − approved or paid claims. */
    public BigDecimal availableBalance(String fundId) {
        return finance.available(fundId);
    }

    /** The last ChangeSeq handed out. */
    public long changeSeq() {
        return store.changeSeq();
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            process.shutdownNow();
            process = null;
        }
        super.close();
    }

    @Override
    protected SandboxResponse handle(SandboxRequest request) {
        if (ODataErpOAuth.isTokenPath(request)) {
            return oauth.token(request);
        }
        if (!request.startsWith(SERVICE_ROOT)) {
            return error(404, "NotFound", "No resource at " + request.rawPath() + "; the OData service root is /"
                    + SERVICE_ROOT + "/");
        }
        apiRequests.incrementAndGet();
        if (!available) {
            return error(503, "ServiceUnavailable", "The service is temporarily unavailable for maintenance")
                    .withHeader("Retry-After", "5");
        }
        if (request.bearerToken().filter(tokens::isValid).isEmpty()) {
            return error(401, "Unauthorized", "A valid bearer token is required")
                    .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        OptionalInt injected = failures.take(request);
        if (injected.isPresent()) {
            SandboxResponse failure = error(injected.getAsInt(), "InjectedFailure", "Injected failure "
                    + injected.getAsInt());
            return injected.getAsInt() == 429 ? failure.withHeader("Retry-After", "1") : failure;
        }
        String odataPath = request.rawPath().substring(("/" + SERVICE_ROOT).length());
        return service.serve(request, baseUrl() + "/" + SERVICE_ROOT, odataPath);
    }

    @Override
    protected SandboxResponse handleAdmin(SandboxRequest request) {
        String action = request.path().size() == 2 ? request.path().get(1) : "";
        switch (action) {
            case "available" -> setAvailable(Boolean.parseBoolean(request.queryParam("value").orElse("true")));
            case "pause-process" -> pauseProcess();
            case "resume-process" -> resumeProcess();
            case "pay-now" -> payNow(request.queryParam("claimId").orElse(""));
            default -> {
                return null;
            }
        }
        return SandboxResponse.json(200, JsonHttp.object().put("ok", true));
    }

    @Override
    protected SandboxResponse internalError(RuntimeException e) {
        return error(500, "InternalError", "internal error: " + e);
    }

    private void runProcess() {
        if (processPaused) {
            return;
        }
        try {
            finance.tick();
        } catch (RuntimeException e) {
            // A failed run must not end the schedule: the next tick tries again.
            LOG.log(System.Logger.Level.ERROR, "ERP finance process failed", e);
        }
    }

    /** An error in the OData v4 JSON format, as Olingo writes its own. */
    static SandboxResponse error(int status, String code, String message) {
        ObjectNode body = JsonHttp.object();
        body.putObject("error").put("code", code).put("message", message);
        return SandboxResponse.json(status, body)
                .withHeader("Content-Type", "application/json;odata.metadata=minimal")
                .withHeader("OData-Version", "4.0");
    }
}
