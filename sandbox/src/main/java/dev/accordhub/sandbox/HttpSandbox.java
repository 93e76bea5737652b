package dev.accordhub.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lifecycle shared by the sandboxes: a JDK HttpServer on 127.0.0.1, a small pool, the request counter and the test
 * hooks every emulated system has. Requests under {@code /__sandbox/} reach the hooks over HTTP, for the bench.
 */
public abstract class HttpSandbox implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(HttpSandbox.class.getName());
    private static final int WORKER_THREADS = 8;

    static {
        // The JDK server writes headers and body separately; with Nagle on, each small answer waits ~40 ms for the
        // client's delayed ACK. Read once when the server classes load, hence here, before the first server.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    protected final SandboxClock clock = new SandboxClock();
    protected final TokenRegistry tokens = new TokenRegistry();
    protected final FailureInjector failures = new FailureInjector();

    private final String name;
    private final int requestedPort;
    private final AtomicLong requests = new AtomicLong();
    private HttpServer server;
    private ExecutorService workers;

    protected HttpSandbox(String name, int requestedPort) {
        if (requestedPort < 0 || requestedPort > 65535) {
            throw new IllegalArgumentException(name + " port must be 0..65535, got " + requestedPort);
        }
        this.name = name;
        this.requestedPort = requestedPort;
    }

    /** Answers one request; protocol errors are answered, never thrown. */
    protected abstract SandboxResponse handle(SandboxRequest request);

    /** The system's own wording of a 500, for a bug in the sandbox itself. */
    protected abstract SandboxResponse internalError(RuntimeException e);

    /** Hooks beyond the common ones, e.g. the HubSpot rate limit; null when the path is not known. */
    protected SandboxResponse handleAdmin(SandboxRequest request) {
        return null;
    }

    protected final synchronized void startServer() {
        if (server != null) {
            throw new IllegalStateException(name + " is already started");
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(name + " could not bind 127.0.0.1:" + requestedPort, e);
        }
        AtomicInteger threadNumber = new AtomicInteger();
        workers = Executors.newFixedThreadPool(WORKER_THREADS, runnable -> {
            Thread thread = new Thread(runnable, name + "-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);
        server.createContext("/", this::serve);
        server.start();
        LOG.log(System.Logger.Level.INFO, "{0} listening on {1}", name, baseUrl());
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException(name + " is not started");
        }
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Requests answered so far, the {@code /__sandbox/} hooks excluded. */
    public long requestCount() {
        return requests.get();
    }

    /** Every token issued so far stops working; the client has to log in again. */
    public void expireTokens() {
        tokens.expireAll();
    }

    /** The next {@code count} data requests are answered with {@code status} and the system's error body. */
    public void failNext(int count, int status) {
        failures.failNext(count, status);
    }

    /** The next {@code count} creates, updates or deletes are answered with {@code status}; reads go on. */
    public void failNextWrites(int count, int status) {
        failures.failNext(count, status, true);
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            workers.shutdownNow();
            server = null;
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            SandboxRequest request = SandboxRequest.of(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(), body);
            write(exchange, dispatch(request));
        }
    }

    private SandboxResponse dispatch(SandboxRequest request) {
        try {
            if (request.startsWith("__sandbox")) {
                return admin(request);
            }
            requests.incrementAndGet();
            return handle(request);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, name + " failed on " + request.method() + " " + request.rawPath(), e);
            return internalError(e);
        }
    }

    private SandboxResponse admin(SandboxRequest request) {
        String action = request.path().size() == 2 ? request.path().get(1) : "";
        switch (action) {
            case "expire-tokens" -> expireTokens();
            case "fail-next" -> failNext(intParam(request, "count", 1), intParam(request, "status", 500));
            case "stats" -> {
                ObjectNode stats = JsonHttp.object().put("requestCount", requestCount());
                return SandboxResponse.json(200, stats);
            }
            default -> {
                SandboxResponse extra = handleAdmin(request);
                return extra != null ? extra : SandboxResponse.json(404, JsonHttp.object().put("error", "unknown hook"));
            }
        }
        return SandboxResponse.json(200, JsonHttp.object().put("ok", true));
    }

    protected static int intParam(SandboxRequest request, String name, int fallback) {
        return request.queryParam(name).map(Integer::parseInt).orElse(fallback);
    }

    private static void write(HttpExchange exchange, SandboxResponse response) throws IOException {
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            exchange.getResponseHeaders().put(header.getKey(), List.of(header.getValue()));
        }
        boolean noBody = response.body().length == 0 || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }
}
