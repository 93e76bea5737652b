import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Change-visibility benchmark of the Accord hub (default profile, sandbox CRMs).
 *
 * <p>Starts {@code hub/target/accord-hub.jar} as a child process with a fresh data directory, measures the time to
 * a healthy hub and to a fully ingested demo, then renames N partners one at a time, alternating between the
 * Salesforce sandbox (program helios) and the HubSpot sandbox (program vantage), and measures for each the time from
 * the sandbox's 2xx answer until {@code GET /api/v1/partners/{id}} shows the new name. A baseline (the round trip of
 * the same GET on unchanged partners) is measured in the same run. JDK only:
 * {@code java bench/src/ChangeVisibilityBench.java --help}.
 */
public class ChangeVisibilityBench {

    static final String DEFAULT_JAR = "hub/target/accord-hub.jar";
    static final String HELIOS = "helios";
    static final String VANTAGE = "vantage";
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** A failure of the benchmark: printed as one clear message, exit status 1. */
    static final class BenchFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BenchFailure(String message) {
            super(message);
        }

        BenchFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    // ------------------------------------------------------------------------------------------------ options

    static final class Options {
        int changes = 200;
        String jar;
        boolean keepRunning;
        boolean keepData;
        boolean copyJar = true;
        Integer serverPort;
        Integer kafkaPort;
        Integer kafkaControllerPort;
        Integer salesforcePort;
        Integer hubspotPort;
        Integer nimbusPort;
        int hubspotRps = 1000;
        final List<String> hubArgs = new ArrayList<>();
        final List<String> hubJvmArgs = new ArrayList<>();
        int expectedPartners; // 0: any count, as long as the list stays unchanged for settleMs
        long settleMs = 2000;
        long startupTimeoutS = 300;
        long changeTimeoutMs = 30_000;
        long pollMs = 5;
        Long jitterMs;
        int baselineSamples = 1000;
        int warmupGets = 500;
        int warmupChanges = 4;
        long seed = 42;
        String csv;
        boolean help;

        static final Set<String> VALUED = Set.of("--changes", "--jar", "--port", "--server-port", "--kafka-port",
                "--kafka-controller-port", "--salesforce-port", "--hubspot-port", "--nimbus-port", "--hubspot-rps", "--hub-arg",
                "--hub-jvm-arg", "--expected-partners", "--settle-ms", "--startup-timeout-s", "--change-timeout-ms",
                "--poll-ms", "--jitter-ms", "--baseline-samples", "--warmup-gets", "--warmup-changes", "--seed",
                "--csv");

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String name = a;
                String value = null;
                int eq = a.indexOf('=');
                if (a.startsWith("--") && eq > 0) {
                    name = a.substring(0, eq);
                    value = a.substring(eq + 1);
                }
                switch (name) {
                    case "-h", "--help" -> o.help = true;
                    case "--keep-running" -> o.keepRunning = true;
                    case "--keep-data" -> o.keepData = true;
                    case "--no-copy-jar" -> o.copyJar = false;
                    default -> {
                        if (!VALUED.contains(name)) {
                            throw new IllegalArgumentException("unknown option " + a);
                        }
                        if (value == null) {
                            if (i + 1 >= args.length) {
                                throw new IllegalArgumentException("option " + name + " needs a value");
                            }
                            value = args[++i];
                        }
                        o.set(name, value);
                    }
                }
            }
            if (o.changes < 1) {
                throw new IllegalArgumentException("--changes must be at least 1");
            }
            if (o.pollMs < 5) {
                throw new IllegalArgumentException("--poll-ms must be at least 5");
            }
            return o;
        }

        private void set(String name, String v) {
            switch (name) {
                case "--changes" -> changes = intArg(name, v);
                case "--jar" -> jar = v;
                case "--port", "--server-port" -> serverPort = portArg(name, v);
                case "--kafka-port" -> kafkaPort = portArg(name, v);
                case "--kafka-controller-port" -> kafkaControllerPort = portArg(name, v);
                case "--salesforce-port" -> salesforcePort = portArg(name, v);
                case "--hubspot-port" -> hubspotPort = portArg(name, v);
                case "--nimbus-port" -> nimbusPort = portArg(name, v);
                case "--hubspot-rps" -> hubspotRps = intArg(name, v);
                case "--hub-arg" -> hubArgs.add(v);
                case "--hub-jvm-arg" -> hubJvmArgs.add(v);
                case "--expected-partners" -> expectedPartners = v.equals("any") ? 0 : intArg(name, v);
                case "--settle-ms" -> settleMs = intArg(name, v);
                case "--startup-timeout-s" -> startupTimeoutS = intArg(name, v);
                case "--change-timeout-ms" -> changeTimeoutMs = intArg(name, v);
                case "--poll-ms" -> pollMs = intArg(name, v);
                case "--jitter-ms" -> jitterMs = (long) intArg(name, v);
                case "--baseline-samples" -> baselineSamples = Math.max(1, intArg(name, v));
                case "--warmup-gets" -> warmupGets = intArg(name, v);
                case "--warmup-changes" -> warmupChanges = intArg(name, v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--csv" -> csv = v;
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }

        private static int intArg(String name, String v) {
            try {
                int n = Integer.parseInt(v.trim());
                if (n < 0) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " needs a non-negative integer, got '" + v + "'");
            }
        }

        private static int portArg(String name, String v) {
            int p = intArg(name, v);
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException(name + " needs a port number, got '" + v + "'");
            }
            return p;
        }
    }

    static void usage(PrintStream out) {
        out.println("""
                usage: java bench/src/ChangeVisibilityBench.java [options]     (run from the repository root)

                Starts the hub jar, measures time to healthy and to fully ingested, then N renames in the sandbox
                CRMs (alternating Salesforce/helios and HubSpot/vantage) and the time until each is visible at
                GET /api/v1/partners/{id}; plus a baseline GET round trip.

                  --changes N              measured changes (default 200)
                  --jar PATH               hub jar (default hub/target/accord-hub.jar)
                  --keep-running           leave the hub running at the end (prints its pid and URLs)
                  --keep-data              keep the temp data dir (by default only hub.log is kept)
                  --no-copy-jar            run the jar in place (default: a private copy in the temp dir, so a
                                           concurrent rebuild cannot replace classes under the running hub)
                  --port N                 hub HTTP port            (default 8080, or a free port if busy)
                  --kafka-port N           embedded Kafka port      (default 9092, or free)
                  --kafka-controller-port N  KRaft controller port  (default 9093, or free)
                  --salesforce-port N      Salesforce sandbox port  (default 18081, or free)
                  --hubspot-port N         HubSpot sandbox port     (default 18082, or free)
                  --nimbus-port N          second Salesforce sandbox (program nimbus, where the build has it)
                                           (default 18083, or free)
                  --hubspot-rps N          HubSpot sandbox rate limit (default 1000)
                  --hub-arg ARG            extra argument for the hub, repeatable; a --key=value overrides the
                                           driver's own, e.g. --hub-arg=--accord.ingest.poll-interval-ms=100
                  --hub-jvm-arg ARG        extra JVM option for the hub, repeatable
                  --expected-partners N    also require this many consolidated partners before the changes
                                           (default any: the list only has to stop changing; the two-program
                                           demo, helios + vantage, has 340)
                  --settle-ms N            how long the partner list must stay unchanged (default 2000)
                  --startup-timeout-s N    limit for healthy + ingested (default 300)
                  --change-timeout-ms N    limit for one change to become visible (default 30000)
                  --poll-ms N              visibility poll period, >= 5 (default 5)
                  --jitter-ms N            random 0..N ms pause before each change, so changes land at random
                                           phases of the hub's poll timer (default: the hub poll interval)
                  --baseline-samples N     baseline GETs measured (default 1000)
                  --warmup-gets N          unmeasured GETs before the baseline (default 500)
                  --warmup-changes N       unmeasured changes before the measured ones (default 4)
                  --seed N                 seed for the jitter (default 42)
                  --csv PATH               write every measured change to a CSV file
                Exit status: 0 ok, 1 benchmark failed, 2 bad usage.""");
    }

    // ------------------------------------------------------------------------------------------------ main

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            usage(System.err);
            System.exit(2);
            return;
        }
        if (options.help) {
            usage(System.out);
            return;
        }
        int status;
        ChangeVisibilityBench bench = new ChangeVisibilityBench(options);
        try {
            status = bench.run();
        } catch (BenchFailure e) {
            System.out.flush();
            System.err.println();
            System.err.println("BENCHMARK FAILED: " + e.getMessage());
            if (e.getCause() != null) {
                System.err.println("  cause: " + e.getCause());
            }
            bench.printLogTail();
            status = 1;
        } catch (InterruptedException e) {
            System.err.println("BENCHMARK FAILED: interrupted");
            status = 1;
        } catch (RuntimeException e) {
            System.out.flush();
            System.err.println("BENCHMARK FAILED: unexpected error");
            e.printStackTrace();
            bench.printLogTail();
            status = 1;
        }
        System.exit(status);
    }

    private final Options o;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private Path repoRoot;
    private Path tempDir;
    private Path logFile;
    private Path jarCopy;
    private boolean dataDirOwned;
    private Process hub;
    private volatile boolean leaveRunning;
    private String hubUrl;
    private String salesforceUrl;
    private String hubspotUrl;
    private String oidcUrl;
    private String operatorToken;

    ChangeVisibilityBench(Options o) {
        this.o = o;
    }

    int run() throws InterruptedException {
        repoRoot = findRepoRoot();
        Path jar = resolveJar();
        Map<String, String> props = new LinkedHashMap<>();
        List<String> extraArgs = new ArrayList<>();
        try {
            tempDir = Files.createTempDirectory("accord-bench-");
        } catch (IOException e) {
            throw new BenchFailure("cannot create a temp directory", e);
        }
        logFile = tempDir.resolve("hub.log");
        try {
            checkPorts(props, configure(props, extraArgs));
        } catch (BenchFailure e) {
            try {
                Files.deleteIfExists(tempDir); // still empty
            } catch (IOException ignored) {
                // left behind, harmless
            }
            throw e;
        }
        dataDirOwned = props.get("accord.data-dir").equals(tempDir.resolve("data").toString());

        Path runJar = jar;
        if (o.copyJar) {
            jarCopy = tempDir.resolve("accord-hub.jar");
            try {
                Files.copy(jar, jarCopy, StandardCopyOption.COPY_ATTRIBUTES);
            } catch (IOException e) {
                throw new BenchFailure("cannot copy " + jar + " to " + jarCopy, e);
            }
            runJar = jarCopy;
        }
        hubUrl = "http://127.0.0.1:" + props.get("server.port");
        salesforceUrl = "http://127.0.0.1:" + props.get("accord.sandbox.salesforce.port");
        hubspotUrl = "http://127.0.0.1:" + props.get("accord.sandbox.hubspot.port");
        oidcUrl = "http://127.0.0.1:" + props.get("accord.sandbox.oidc.port");
        long pollIntervalMs = parseLong(props.get("accord.ingest.poll-interval-ms"), 500);
        long jitterMs = o.jitterMs != null ? o.jitterMs : pollIntervalMs;

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(o.hubJvmArgs);
        command.add("-jar");
        command.add(runJar.toString());
        props.forEach((k, v) -> command.add("--" + k + "=" + v));
        command.addAll(extraArgs);

        printHeader(jar, command, pollIntervalMs, jitterMs);

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (hub != null && hub.isAlive() && !leaveRunning) {
                hub.destroy();
                try {
                    hub.waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "stop-hub"));

        ProcessBuilder pb = new ProcessBuilder(command).directory(repoRoot.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
        long[] cpuStart = Cpu.snapshot(-1);
        long t0 = System.nanoTime();
        try {
            hub = pb.start();
        } catch (IOException e) {
            throw new BenchFailure("cannot start the hub: " + command, e);
        }
        System.out.printf("hub started: pid %d, log %s%n", hub.pid(), logFile);

        boolean ok = false;
        try {
            long deadline = t0 + TimeUnit.SECONDS.toNanos(o.startupTimeoutS);
            long tHealthy = waitHealthy(deadline);
            System.out.printf("  %-58s %8.3f s%n", "time to healthy (/actuator/health UP):", sec(tHealthy - t0));
            Ingested ingested = waitIngested(deadline);
            System.out.printf("  %-58s %8.3f s%n", "(first partner listed)", sec(ingested.firstPartnerAt - t0));
            System.out.printf("  %-58s %8.3f s   (%d partners, unchanged for %d ms, confirmed at %.3f s)%n",
                    "time to ingested (" + ingested.pollers.size() + " pollers > 0, partners consolidated):",
                    sec(ingested.at - t0), ingested.partners.size(), o.settleMs, sec(ingested.confirmedAt - t0));
            System.out.println("  pollers (ingested): " + ingested.pollers);
            System.out.println("  source records in the partner list: " + sourceCounts(ingested.partners)
                    + " (compare with the partner pollers' counts)");

            long[] cpuIngested = Cpu.snapshot(hub.pid());
            System.out.println("  CPU during start-up: " + Cpu.describe(cpuStart, cpuIngested));
            System.out.println();
            Result result = measure(ingested.partners, jitterMs);
            String cpuMeasure = Cpu.describe(cpuIngested, Cpu.snapshot(hub.pid()));
            result.print(pollIntervalMs, jitterMs);
            System.out.println();
            System.out.println("CPU during the measurement: " + cpuMeasure);
            if (o.csv != null) {
                result.writeCsv(Path.of(o.csv));
            }
            System.out.println();
            Stats all = Stats.of(result.all());
            Stats base = Stats.of(result.baseline);
            System.out.printf(Locale.ROOT, "summary: healthy %.3f s, ingested %.3f s, change->visible median %.1f ms"
                    + " p90 %.1f ms p99 %.1f ms (n=%d), baseline GET median %.2f ms p99 %.2f ms%n",
                    sec(tHealthy - t0), sec(ingested.at - t0), all.median, all.p90, all.p99, all.count,
                    base.median, base.p99);
            System.out.println("load avg:  " + loadAverage() + " (1/5/15 min, end of measurement)");
            // For bench/run-all.sh's report.
            // The §6 cold start is bench/cold-start.sh's (hub/accord-hub.sh against java -jar); this is java -jar.
            System.out.printf(Locale.ROOT, "REPORT | start of a java -jar hub to /actuator/health UP (this driver's)"
                    + " | %.1f s | — | — | (cold-start has the §6 figure) | — |%n", sec(tHealthy - t0));
            System.out.printf(Locale.ROOT, "REPORT | start-up to fully ingested (demo) | %.1f s | — | — | (not a §6"
                    + " target) | — |%n", sec(ingested.at - t0));
            System.out.printf(Locale.ROOT, "REPORT | partner rename → visible, one at a time (%d changes, poll %d ms)"
                    + " | p50 %.0f ms, p99 %.0f ms | GET p50 %.2f ms, p99 %.2f ms | p50 ×%.0f, p99 ×%.0f | p99 ≤ 250"
                    + " ms | %s |%n", all.count, pollIntervalMs, all.median, all.p99, base.median, base.p99,
                    all.median / base.median, all.p99 / base.p99, all.p99 <= 250 ? "met" : "**missed**");
            if (result.failures > 0) {
                throw new BenchFailure(result.failures + " of " + o.changes
                        + " changes did not become visible within " + o.changeTimeoutMs + " ms");
            }
            ok = true;
        } finally {
            if (o.keepRunning && hub.isAlive()) {
                leaveRunning = true;
                System.out.println();
                System.out.printf("hub left running (--keep-running): pid %d, %s, Salesforce sandbox %s, HubSpot"
                        + " sandbox %s%n  stop it with: kill %d   data dir and log: %s%n", hub.pid(), hubUrl,
                        salesforceUrl, hubspotUrl, hub.pid(), tempDir);
            } else {
                stopHub();
                cleanUp(ok);
            }
        }
        return 0;
    }

    // ------------------------------------------------------------------------------------------------ set-up

    private Path findRepoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("config/programs")) && Files.isDirectory(p.resolve("hub"))) {
                return p;
            }
        }
        throw new BenchFailure("run from the Accord repository root (no config/programs and hub/ found above "
                + dir + ")");
    }

    private Path resolveJar() {
        Path jar = o.jar != null ? Path.of(o.jar).toAbsolutePath() : repoRoot.resolve(DEFAULT_JAR);
        if (!Files.isRegularFile(jar)) {
            throw new BenchFailure("hub jar not found at " + jar + "; build first: ./mvnw -DskipTests package");
        }
        return jar;
    }

    /** Fills the hub's --key=value arguments; --hub-arg=--key=value overrides the driver's value for that key. */
    private Set<String> configure(Map<String, String> props, List<String> extraArgs) {
        Set<String> explicit = new LinkedHashSet<>();
        props.put("accord.data-dir", tempDir.resolve("data").toString());
        putPort(props, explicit, "server.port", o.serverPort, 8080);
        putPort(props, explicit, "accord.embedded.kafka.port", o.kafkaPort, 9092);
        putPort(props, explicit, "accord.embedded.kafka.controller-port", o.kafkaControllerPort, 9093);
        putPort(props, explicit, "accord.sandbox.salesforce.port", o.salesforcePort, 18081);
        putPort(props, explicit, "accord.sandbox.hubspot.port", o.hubspotPort, 18082);
        // Builds with the third program start a second Salesforce sandbox; older builds ignore the key.
        putPort(props, explicit, "accord.sandbox.nimbus.port", o.nimbusPort, 18083);
        // The portal API wants a bearer token: the driver signs in as the demo issuer's operator.
        putPort(props, explicit, "accord.sandbox.oidc.port", null, 18084);
        props.put("accord.sandbox.hubspot.requests-per-second", String.valueOf(o.hubspotRps));
        Pattern kv = Pattern.compile("--([^=]+)=(.*)", Pattern.DOTALL);
        for (String arg : o.hubArgs) {
            Matcher m = kv.matcher(arg);
            if (m.matches()) {
                // Spring joins repeated command-line keys with commas, so a key may appear only once.
                props.put(m.group(1), m.group(2));
                explicit.add(m.group(1));
            } else {
                extraArgs.add(arg);
            }
        }
        return explicit;
    }

    private static void putPort(Map<String, String> props, Set<String> explicit, String key, Integer given,
            int fallback) {
        props.put(key, String.valueOf(given != null ? given : fallback));
        if (given != null) {
            explicit.add(key);
        }
    }

    /** A busy default port is replaced by a free one; a busy port the user asked for is an error. */
    private void checkPorts(Map<String, String> props, Set<String> explicit) {
        Set<Integer> taken = new LinkedHashSet<>();
        for (String key : List.of("server.port", "accord.embedded.kafka.port",
                "accord.embedded.kafka.controller-port", "accord.sandbox.salesforce.port",
                "accord.sandbox.hubspot.port", "accord.sandbox.nimbus.port", "accord.sandbox.oidc.port")) {
            int port = (int) parseLong(props.get(key), -1);
            if (port > 0 && !taken.contains(port) && portFree(port)) {
                taken.add(port);
                continue;
            }
            if (port <= 0 || port > 65535) {
                throw new BenchFailure("'" + props.get(key) + "' given for " + key + " is not a port number");
            }
            if (explicit.contains(key)) {
                throw new BenchFailure("port " + props.get(key) + " for " + key + (taken.contains(port)
                        ? " is also given for another server" : " is busy") + "; pick another or leave it out to let"
                        + " the driver choose");
            }
            int free = freePort(taken);
            System.out.printf("note: port %s for %s is busy; using %d%n", props.get(key), key, free);
            props.put(key, String.valueOf(free));
            taken.add(free);
        }
    }

    private static boolean portFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            // As the hub's servers do: lingering TIME_WAIT connections of an earlier run do not make a port busy.
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("0.0.0.0", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A port no server holds now, below the kernel's ephemeral range ({@code ip_local_port_range}). A port the kernel
     * picked for {@code bind(0)} is one it also gives to outgoing connections, and one of the hub's own could take it
     * before the server meant to listen there starts ("Port ... was already in use").
     */
    private static int freePort(Set<Integer> taken) {
        int below = ephemeralRangeStart();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 10_000 + PORT_PICKER.nextInt(Math.max(1, below - 10_000));
            if (taken.contains(port)) {
                continue;
            }
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(false);
                s.bind(new InetSocketAddress("0.0.0.0", port));
                taken.add(port);
                return port;
            } catch (IOException busy) {
                // held by something: try another
            }
        }
        throw new BenchFailure("cannot find a free port between 10000 and " + below);
    }

    private static final java.util.Random PORT_PICKER = new java.util.Random();

    /** Where the kernel starts handing out ports of its own (Linux: ip_local_port_range; else 32768). */
    private static int ephemeralRangeStart() {
        try {
            String range = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
            return Math.max(11_000, Integer.parseInt(range.trim().split("\\s+")[0]));
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }

    private void printHeader(Path jar, List<String> command, long pollIntervalMs, long jitterMs) {
        System.out.println("== Accord change-visibility benchmark ==");
        System.out.println("date:      " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        System.out.printf("machine:   %d CPUs available, %s %s, java %s (%s)%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"), System.getProperty("java.vm.name"));
        try {
            System.out.printf("jar:       %s (%d bytes, modified %s)%s%n", jar, Files.size(jar),
                    Files.getLastModifiedTime(jar).toInstant().truncatedTo(ChronoUnit.SECONDS),
                    jarCopy != null ? ", run from a private copy" : "");
        } catch (IOException e) {
            System.out.println("jar:       " + jar);
        }
        System.out.println("command:   " + String.join(" ", command));
        System.out.println("cwd:       " + repoRoot);
        System.out.println("load avg:  " + loadAverage() + " (1/5/15 min, before start)");
        System.out.printf("settings:  %d changes (+%d warm-up), hub poll interval %d ms, visibility poll every %d ms,"
                + " jitter 0..%d ms before each change, change timeout %d ms%n", o.changes, o.warmupChanges,
                pollIntervalMs, o.pollMs, jitterMs, o.changeTimeoutMs);
        System.out.println();
    }

    // ------------------------------------------------------------------------------------------------ start-up

    private long waitHealthy(long deadline) throws InterruptedException {
        String last = "no answer yet";
        while (true) {
            ensureHubAlive("while starting");
            try {
                HttpResponse<String> r = get(hubUrl + "/actuator/health");
                Object status = Json.at(Json.parse(r.body()), "status");
                if ("UP".equals(status)) {
                    return System.nanoTime();
                }
                last = "HTTP " + r.statusCode() + ", status " + status;
            } catch (IOException | RuntimeException e) {
                last = e.toString();
            }
            if (System.nanoTime() > deadline) {
                throw new BenchFailure("hub not healthy within " + o.startupTimeoutS + " s (last: " + last + ")");
            }
            Thread.sleep(20);
        }
    }

    record Partner(String id, String name, List<Map<String, Object>> sources) {
    }

    record Ingested(long at, long confirmedAt, long firstPartnerAt, Map<String, Long> pollers,
            List<Partner> partners) {
    }

    /**
     * Waits until every connector poller (six in the two-program demo) has ingested something and the consolidated
     * partner list is complete and settled: every partner record the partner pollers delivered (ingested minus dead
     * letters) is a source of some partner, the list has the expected size if one is given, and it stays unchanged
     * for settle-ms. The time reported is the first observation of that final list.
     */
    private Ingested waitIngested(long deadline) throws InterruptedException {
        String lastList = null;
        long listSince = 0;
        long pollersOkSince = 0;
        long firstPartnerAt = 0;
        String last = "nothing yet";
        long settle = TimeUnit.MILLISECONDS.toNanos(o.settleMs);
        long fallback = Math.max(settle, TimeUnit.SECONDS.toNanos(15));
        while (true) {
            ensureHubAlive("while ingesting");
            try {
                Map<String, long[]> pollers = pollers();
                boolean pollersOk = pollers.size() >= 6 && pollers.values().stream().allMatch(n -> n[0] > 0);
                StringBuilder raw = new StringBuilder();
                List<Partner> partners = listPartners(raw);
                long now = System.nanoTime();
                if (firstPartnerAt == 0 && !partners.isEmpty()) {
                    firstPartnerAt = now;
                }
                if (pollersOk && pollersOkSince == 0) {
                    pollersOkSince = now;
                }
                if (!raw.toString().equals(lastList)) {
                    lastList = raw.toString();
                    listSince = now;
                }
                long unchanged = now - listSince;
                boolean countOk = o.expectedPartners == 0 || partners.size() == o.expectedPartners;
                String missing = missingSources(pollers, partners);
                last = "pollers " + ingestedOnly(pollers) + ", " + partners.size() + " partners"
                        + (missing.isEmpty() ? "" : ", not yet consolidated: " + missing);
                if (pollersOk && !partners.isEmpty() && !countOk && unchanged > TimeUnit.SECONDS.toNanos(30)) {
                    throw new BenchFailure("the partner list has not changed for 30 s but holds " + partners.size()
                            + " partners, not the " + o.expectedPartners + " given by --expected-partners");
                }
                if (pollersOk && !partners.isEmpty() && countOk && unchanged >= settle
                        && (missing.isEmpty() || unchanged >= fallback)) {
                    if (!missing.isEmpty()) {
                        System.out.println("  note: partner list unchanged for " + (fallback / 1_000_000_000L)
                                + " s although fewer source records than ingested: " + missing);
                    }
                    return new Ingested(Math.max(listSince, pollersOkSince), now, firstPartnerAt,
                            ingestedOnly(pollers), partners);
                }
            } catch (IOException | RuntimeException e) {
                last = e.toString();
            }
            if (System.nanoTime() > deadline) {
                throw new BenchFailure("hub not fully ingested within " + o.startupTimeoutS + " s (last: " + last
                        + (o.expectedPartners > 0 ? "; expected " + o.expectedPartners + " partners" : "") + ")");
            }
            Thread.sleep(25);
        }
    }

    /** Programs whose partner poller delivered more records than the partner list holds sources of: "p 120/200". */
    private static String missingSources(Map<String, long[]> pollers, List<Partner> partners) {
        Map<String, Integer> have = sourceCounts(partners);
        List<String> missing = new ArrayList<>();
        pollers.forEach((key, n) -> {
            if (key.endsWith("/partner")) {
                String program = key.substring(0, key.length() - "/partner".length());
                long delivered = n[0] - n[1];
                int sources = have.getOrDefault(program, 0);
                if (sources < delivered) {
                    missing.add(program + " " + sources + "/" + delivered);
                }
            }
        });
        return String.join(", ", missing);
    }

    private static Map<String, Long> ingestedOnly(Map<String, long[]> pollers) {
        Map<String, Long> out = new LinkedHashMap<>();
        pollers.forEach((k, v) -> out.put(k, v[0]));
        return out;
    }

    private static Map<String, Integer> sourceCounts(List<Partner> partners) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Partner p : partners) {
            for (Map<String, Object> source : p.sources) {
                counts.merge(String.valueOf(source.get("program")), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** program/entity → {ingested, deadLettered}, from the connectors health component. */
    private Map<String, long[]> pollers() throws IOException, InterruptedException {
        Object health = Json.parse(get(hubUrl + "/actuator/health").body());
        Map<String, long[]> out = new LinkedHashMap<>();
        Object programs = Json.at(health, "components", "connectors", "components");
        if (programs instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> program : m.entrySet()) {
                if (Json.at(program.getValue(), "details") instanceof Map<?, ?> details) {
                    for (Map.Entry<?, ?> entity : details.entrySet()) {
                        if (Json.at(entity.getValue(), "ingested") instanceof Number n) {
                            long dead = Json.at(entity.getValue(), "deadLettered") instanceof Number d
                                    ? d.longValue() : 0;
                            out.put(program.getKey() + "/" + entity.getKey(), new long[] {n.longValue(), dead});
                        }
                    }
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<Partner> listPartners(StringBuilder raw) throws IOException, InterruptedException {
        List<Partner> partners = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 10_000; page++) {
            String url = hubUrl + "/api/v1/partners?limit=200"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<String> r = get(url);
            if (r.statusCode() != 200) {
                throw new IOException("GET " + url + " answered " + r.statusCode());
            }
            raw.append(r.body());
            Object body = Json.parse(r.body());
            for (Object item : (List<Object>) Json.at(body, "items")) {
                List<Map<String, Object>> sources = new ArrayList<>();
                if (Json.at(item, "sources") instanceof List<?> l) {
                    l.forEach(s -> sources.add((Map<String, Object>) s));
                }
                partners.add(new Partner((String) Json.at(item, "id"), (String) Json.at(item, "name"), sources));
            }
            cursor = (String) Json.at(body, "nextCursor");
            if (cursor == null || cursor.isEmpty()) {
                return partners;
            }
        }
        throw new IOException("partner list does not end");
    }

    // ------------------------------------------------------------------------------------------------ measurement

    record Target(String program, String externalId, String partnerId, String originalName) {
    }

    record Sample(int index, String program, String externalId, String partnerId, double latencyMs, double writeMs,
            int polls) {
    }

    final class Result {
        final List<Sample> samples = new ArrayList<>();
        double[] baseline;
        int failures;

        double[] all() {
            return samples.stream().mapToDouble(Sample::latencyMs).toArray();
        }

        double[] of(String program) {
            return samples.stream().filter(s -> s.program.equals(program)).mapToDouble(Sample::latencyMs).toArray();
        }

        void print(long pollIntervalMs, long jitterMs) {
            System.out.printf("change -> visibility (ms): from the sandbox's 2xx answer to the first GET"
                    + " /api/v1/partners/{id} showing the new name%n  (hub poll interval %d ms, GET polled every %d ms,"
                    + " random 0..%d ms pause before each change)%n", pollIntervalMs, o.pollMs, jitterMs);
            System.out.println(Stats.HEADER);
            System.out.println(Stats.of(all()).row("overall"));
            System.out.println(Stats.of(of(HELIOS)).row("helios (Salesforce)"));
            System.out.println(Stats.of(of(VANTAGE)).row("vantage (HubSpot)"));
            if (failures > 0) {
                System.out.println("  not visible within the timeout: " + failures);
            }
            System.out.println();
            double[] writes = samples.stream().mapToDouble(Sample::writeMs).toArray();
            System.out.println("sandbox write round trip (PATCH, ms, for reference):");
            System.out.println(Stats.HEADER);
            System.out.println(Stats.of(writes).row("PATCH"));
            System.out.println();
            Stats b = Stats.of(baseline);
            System.out.printf("baseline (ms): GET /api/v1/partners/{id} round trip on unchanged partners, after %d"
                    + " warm-up GETs%n", o.warmupGets);
            System.out.println(Stats.HEADER);
            System.out.println(b.row("baseline GET"));
            Stats a = Stats.of(all());
            System.out.printf("ratios change/baseline: median %.0fx, p90 %.0fx, p99 %.0fx%n", a.median / b.median,
                    a.p90 / b.p90, a.p99 / b.p99);
        }

        void writeCsv(Path file) {
            StringBuilder sb = new StringBuilder("index,program,external_id,partner_id,latency_ms,write_ms,polls\n");
            for (Sample s : samples) {
                sb.append(String.format(Locale.ROOT, "%d,%s,%s,%s,%.3f,%.3f,%d%n", s.index, s.program, s.externalId,
                        s.partnerId, s.latencyMs, s.writeMs, s.polls));
            }
            sb.append("# baseline GET round trips (ms)\n");
            for (double d : baseline) {
                sb.append(String.format(Locale.ROOT, "baseline,,,,%.3f,,%n", d));
            }
            try {
                if (file.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                }
                Files.writeString(file, sb);
                System.out.println("raw samples written to " + file);
            } catch (IOException e) {
                throw new BenchFailure("cannot write " + file, e);
            }
        }
    }

    private Result measure(List<Partner> partners, long jitterMs) throws InterruptedException {
        Map<String, List<Target>> targets = new LinkedHashMap<>();
        targets.put(HELIOS, new ArrayList<>());
        targets.put(VANTAGE, new ArrayList<>());
        List<Partner> unchanged = new ArrayList<>();
        for (Partner p : partners) {
            if (p.sources.size() == 1 && targets.containsKey(String.valueOf(p.sources.get(0).get("program")))) {
                Map<String, Object> s = p.sources.get(0);
                targets.get((String) s.get("program"))
                        .add(new Target((String) s.get("program"), (String) s.get("externalId"), p.id, p.name));
            } else {
                unchanged.add(p); // several sources (name from survivorship) or another program: never renamed
            }
        }
        for (Map.Entry<String, List<Target>> e : targets.entrySet()) {
            if (e.getValue().isEmpty()) {
                throw new BenchFailure("no partner with a single " + e.getKey() + " source to change");
            }
        }
        int needed = o.changes + o.warmupChanges;
        if (unchanged.isEmpty()) {
            // Fall back to single-source partners the run will not touch.
            for (List<Target> list : targets.values()) {
                int used = (needed + 1) / 2;
                for (int i = used; i < list.size(); i++) {
                    Target t = list.get(i);
                    unchanged.add(new Partner(t.partnerId, t.originalName, List.of()));
                }
            }
            if (unchanged.isEmpty()) {
                throw new BenchFailure("no unchanged partner left for the baseline; use fewer --changes");
            }
        }
        System.out.printf("targets: %d helios-only and %d vantage-only partners to rename, %d unchanged partners for"
                + " the baseline%n", targets.get(HELIOS).size(), targets.get(VANTAGE).size(), unchanged.size());

        Result result = new Result();
        result.baseline = baseline(unchanged);
        System.out.printf("baseline: %d GETs measured%n", result.baseline.length);

        Salesforce sf = new Salesforce();
        HubSpot hs = new HubSpot();
        Random random = new Random(o.seed);
        String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        Map<String, Integer> next = new LinkedHashMap<>(Map.of(HELIOS, 0, VANTAGE, 0));
        int consecutiveFailures = 0;
        for (int i = 0; i < needed; i++) {
            boolean warmup = i < o.warmupChanges;
            String program = i % 2 == 0 ? HELIOS : VANTAGE;
            List<Target> list = targets.get(program);
            int k = next.merge(program, 1, Integer::sum) - 1;
            Target t = list.get(k % list.size()); // wraps around (renames again) past the last partner
            String newName = t.originalName + " (bench " + run + " #" + i + ")";
            if (jitterMs > 0) {
                Thread.sleep(random.nextInt((int) Math.min(jitterMs, Integer.MAX_VALUE)));
            }
            long w0 = System.nanoTime();
            if (program.equals(HELIOS)) {
                sf.rename(t.externalId, newName);
            } else {
                hs.rename(t.externalId, newName);
            }
            long start = System.nanoTime();
            Visible v = waitVisible(t.partnerId, newName, start);
            if (v == null) {
                result.failures += warmup ? 0 : 1;
                consecutiveFailures++;
                System.out.printf("  change #%d (%s %s -> partner %s) NOT visible within %d ms%n", i, program,
                        t.externalId, t.partnerId, o.changeTimeoutMs);
                if (consecutiveFailures >= 3) {
                    throw new BenchFailure("3 changes in a row did not become visible; is ingestion running? (see"
                            + " the hub log)");
                }
                continue;
            }
            consecutiveFailures = 0;
            double ms = (v.at - start) / 1e6;
            if (warmup) {
                System.out.printf("  warm-up change #%d (%s): %.1f ms%n", i, program, ms);
                continue;
            }
            result.samples.add(new Sample(i - o.warmupChanges, program, t.externalId, t.partnerId, ms,
                    (start - w0) / 1e6, v.polls));
            int done = result.samples.size();
            if (done % 20 == 0 || done == o.changes) {
                double[] recent = result.samples.subList(Math.max(0, done - 20), done).stream()
                        .mapToDouble(Sample::latencyMs).toArray();
                System.out.printf("  %3d/%d changes, last 20: median %.1f ms, max %.1f ms%n", done, o.changes,
                        Stats.of(recent).median, Stats.of(recent).max);
            }
        }
        System.out.println();
        return result;
    }

    private double[] baseline(List<Partner> unchanged) throws InterruptedException {
        int total = o.warmupGets + o.baselineSamples;
        double[] out = new double[o.baselineSamples];
        long period = TimeUnit.MILLISECONDS.toNanos(o.pollMs);
        long next = System.nanoTime();
        for (int i = 0; i < total; i++) {
            Partner p = unchanged.get(i % unchanged.size());
            long a = System.nanoTime();
            String name;
            try {
                HttpResponse<String> r = get(hubUrl + "/api/v1/partners/" + p.id);
                if (r.statusCode() != 200) {
                    throw new BenchFailure("baseline GET of partner " + p.id + " answered " + r.statusCode());
                }
                name = (String) Json.at(Json.parse(r.body()), "name");
            } catch (IOException e) {
                ensureHubAlive("during the baseline");
                throw new BenchFailure("baseline GET failed", e);
            }
            long b = System.nanoTime();
            if (p.name != null && !p.name.equals(name)) {
                throw new BenchFailure("baseline partner " + p.id + " changed name: '" + p.name + "' -> '" + name
                        + "'");
            }
            if (i >= o.warmupGets) {
                out[i - o.warmupGets] = (b - a) / 1e6;
            }
            next += period;
            pauseUntil(next);
        }
        return out;
    }

    record Visible(long at, int polls) {
    }

    /** Polls the partner every poll-ms (start to start) until it carries the new name; null after the timeout. */
    private Visible waitVisible(String partnerId, String newName, long start) throws InterruptedException {
        long period = TimeUnit.MILLISECONDS.toNanos(o.pollMs);
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(o.changeTimeoutMs);
        long next = start;
        int polls = 0;
        String url = hubUrl + "/api/v1/partners/" + partnerId;
        while (true) {
            polls++;
            try {
                HttpResponse<String> r = get(url);
                if (r.statusCode() == 200 && newName.equals(Json.at(Json.parse(r.body()), "name"))) {
                    return new Visible(System.nanoTime(), polls);
                }
            } catch (IOException e) {
                ensureHubAlive("while waiting for a change");
            }
            if (System.nanoTime() > deadline) {
                return null;
            }
            next += period;
            pauseUntil(next);
        }
    }

    /** Sleeps until the given nanoTime; polls are paced start to start, never more often than --poll-ms. */
    private static void pauseUntil(long nanoTime) throws InterruptedException {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ sandboxes

    /** Salesforce sandbox client: client-credentials login, Account rename; logs in again on a 401. */
    final class Salesforce {
        private String token;
        private String instanceUrl;

        void login() throws InterruptedException {
            String form = "grant_type=client_credentials&client_id=accord-demo&client_secret=accord-demo-secret";
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(salesforceUrl + "/services/oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)), "Salesforce login");
            if (r.statusCode() != 200) {
                throw new BenchFailure("Salesforce login answered " + r.statusCode() + ": " + r.body());
            }
            Object body = Json.parse(r.body());
            token = (String) Json.at(body, "access_token");
            Object instance = Json.at(body, "instance_url");
            instanceUrl = instance instanceof String s && !s.isEmpty() ? s : salesforceUrl;
        }

        void rename(String accountId, String name) throws InterruptedException {
            if (token == null) {
                login();
            }
            for (int attempt = 1; ; attempt++) {
                HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(instanceUrl
                        + "/services/data/v56.0/sobjects/Account/" + accountId))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"Name\":" + Json.quote(name) + "}")),
                        "Salesforce rename");
                if (r.statusCode() / 100 == 2) {
                    return;
                }
                if (r.statusCode() == 401 && attempt < 3) {
                    login();
                    continue;
                }
                throw new BenchFailure("Salesforce PATCH Account/" + accountId + " answered " + r.statusCode() + ": "
                        + r.body());
            }
        }
    }

    /** HubSpot sandbox client: refresh-token login, company rename; refreshes on 401, backs off on 429. */
    final class HubSpot {
        private String token;

        void login() throws InterruptedException {
            String form = "grant_type=refresh_token&client_id=accord-demo&client_secret=accord-demo-secret"
                    + "&refresh_token=accord-demo-refresh";
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(hubspotUrl + "/oauth/v1/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)), "HubSpot login");
            if (r.statusCode() != 200) {
                throw new BenchFailure("HubSpot login answered " + r.statusCode() + ": " + r.body());
            }
            token = (String) Json.at(Json.parse(r.body()), "access_token");
        }

        void rename(String companyId, String name) throws InterruptedException {
            if (token == null) {
                login();
            }
            for (int attempt = 1; ; attempt++) {
                HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(hubspotUrl
                        + "/crm/v3/objects/companies/" + companyId))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(
                                "{\"properties\":{\"name\":" + Json.quote(name) + "}}")), "HubSpot rename");
                if (r.statusCode() / 100 == 2) {
                    return;
                }
                if (r.statusCode() == 401 && attempt < 3) {
                    login();
                    continue;
                }
                if (r.statusCode() == 429 && attempt < 50) {
                    Thread.sleep(100);
                    continue;
                }
                throw new BenchFailure("HubSpot PATCH companies/" + companyId + " answered " + r.statusCode() + ": "
                        + r.body());
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ HTTP, process

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT).GET();
        if (url.startsWith(hubUrl + "/api/")) {
            request.header("Authorization", "Bearer " + operatorToken());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The demo issuer's operator token (it may read every partner), fetched once; tokens last an hour. */
    private String operatorToken() throws IOException, InterruptedException {
        if (operatorToken == null) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(oidcUrl + "/token"))
                    .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=accord-portal"
                            + "&client_secret=accord-portal-secret&username=operator&password=demo")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new BenchFailure("the demo issuer refused the operator's token: " + r.body());
            }
            operatorToken = String.valueOf(Json.at(Json.parse(r.body()), "access_token"));
        }
        return operatorToken;
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String what) throws InterruptedException {
        try {
            return http.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            ensureHubAlive("during " + what);
            throw new BenchFailure(what + " failed" + (e instanceof ConnectException ? " (connection refused)" : ""),
                    e);
        }
    }

    private void ensureHubAlive(String when) {
        if (hub != null && !hub.isAlive()) {
            throw new BenchFailure("the hub exited with status " + hub.exitValue() + " " + when + "; log: "
                    + logFile);
        }
    }

    private void stopHub() throws InterruptedException {
        if (hub == null) {
            return;
        }
        if (hub.isAlive()) {
            long a = System.nanoTime();
            hub.destroy();
            if (!hub.waitFor(90, TimeUnit.SECONDS)) {
                System.out.println("hub did not stop within 90 s; killing it");
                hub.destroyForcibly();
                hub.waitFor(30, TimeUnit.SECONDS);
            }
            System.out.printf("hub stopped in %.1f s (exit status %s)%n", sec(System.nanoTime() - a),
                    hub.isAlive() ? "?" : String.valueOf(hub.exitValue()));
        }
        try (Stream<String> lines = Files.lines(logFile, StandardCharsets.UTF_8)) {
            long errors = lines.filter(l -> l.contains(" ERROR ")).count();
            System.out.printf("hub log: %s (%d ERROR lines)%n", logFile, errors);
        } catch (IOException | RuntimeException e) {
            System.out.println("hub log: " + logFile);
        }
    }

    /** Removes only what this run created: its copy of the jar and, unless kept, its data directory. */
    private void cleanUp(boolean ok) {
        try {
            if (jarCopy != null) {
                Files.deleteIfExists(jarCopy);
            }
            if (ok && dataDirOwned && !o.keepData) {
                Path data = tempDir.resolve("data");
                if (Files.exists(data)) {
                    try (Stream<Path> walk = Files.walk(data)) {
                        for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                            Files.deleteIfExists(p);
                        }
                    }
                }
            } else if (dataDirOwned) {
                System.out.println("data dir kept: " + tempDir.resolve("data"));
            }
        } catch (IOException e) {
            System.out.println("note: could not clean up " + tempDir + ": " + e);
        }
    }

    /** After a failure: the log's error lines (without stack frames) and its last lines. */
    void printLogTail() {
        if (logFile == null || !Files.exists(logFile)) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.startsWith("\tat ") && !l.startsWith("\t... ")).collect(Collectors.toList());
            List<String> errors = lines.stream()
                    .filter(l -> l.contains(" ERROR ") || l.startsWith("Caused by:") || l.startsWith("Description:")
                            || l.startsWith("Action:") || l.matches("^[\\w.$]+(Exception|Error)\\b.*"))
                    .collect(Collectors.toList());
            if (!errors.isEmpty()) {
                System.err.println("errors in " + logFile + ":");
                errors.subList(Math.max(0, errors.size() - 10), errors.size()).forEach(l -> System.err.println("  | "
                        + clip(l)));
            }
            System.err.println("last lines of " + logFile + " (stack frames left out):");
            lines.subList(Math.max(0, lines.size() - 8), lines.size()).forEach(l -> System.err.println("  | "
                    + clip(l)));
        } catch (IOException | RuntimeException e) {
            System.err.println("hub log: " + logFile);
        }
    }

    private static String clip(String line) {
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static double sec(long nanos) {
        return nanos / 1e9;
    }

    private static long parseLong(String s, long fallback) {
        try {
            return s == null ? fallback : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    // ------------------------------------------------------------------------------------------------ CPU noise

    /**
     * Where the machine's CPU time went between two snapshots (Linux /proc; "n/a" elsewhere): the hub, this driver,
     * and everything else, which is the noise to report (e.g. a build running at the same time).
     */
    static final class Cpu {
        /** {total ticks, busy ticks, hub ticks, driver ticks}, or null when /proc is not readable. */
        static long[] snapshot(long hubPid) {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < Math.min(f.length, 9); i++) {
                    total += Long.parseLong(f[i]);
                }
                long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
                long hubTicks = hubPid > 0 ? processTicks(Path.of("/proc/" + hubPid + "/stat")) : 0;
                return new long[] {total, total - idle, hubTicks, processTicks(Path.of("/proc/self/stat"))};
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        private static long processTicks(Path stat) throws IOException {
            String s = Files.readString(stat);
            String[] f = s.substring(s.lastIndexOf(')') + 2).trim().split("\\s+");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
        }

        static String describe(long[] a, long[] b) {
            if (a == null || b == null || b[0] <= a[0]) {
                return "n/a";
            }
            double total = b[0] - a[0];
            double busy = (b[1] - a[1]) / total;
            double hub = (b[2] - a[2]) / total;
            double driver = (b[3] - a[3]) / total;
            double other = Math.max(0, busy - hub - driver);
            return String.format(Locale.ROOT, "machine %.0f%% busy (of %d CPUs): hub %.0f%%, driver %.0f%%,"
                    + " other processes %.0f%%", busy * 100, Runtime.getRuntime().availableProcessors(), hub * 100,
                    driver * 100, other * 100);
        }
    }

    // ------------------------------------------------------------------------------------------------ statistics

    /** count, min, nearest-rank median/p90/p99, max, mean. */
    record Stats(int count, double min, double median, double p90, double p99, double max, double mean) {
        static final String HEADER = String.format("  %-22s %6s %9s %9s %9s %9s %9s %9s", "", "count", "min",
                "median", "p90", "p99", "max", "mean");

        static Stats of(double[] values) {
            if (values == null || values.length == 0) {
                return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            double[] v = values.clone();
            Arrays.sort(v);
            return new Stats(v.length, v[0], rank(v, 50), rank(v, 90), rank(v, 99), v[v.length - 1],
                    Arrays.stream(v).average().orElse(Double.NaN));
        }

        private static double rank(double[] sorted, double p) {
            int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
        }

        String row(String label) {
            int digits = median < 10 ? 2 : 1;
            String f = "%9." + digits + "f";
            return String.format(Locale.ROOT, "  %-22s %6d " + f + " " + f + " " + f + " " + f + " " + f + " " + f,
                    label, count, min, median, p90, p99, max, mean);
        }
    }

    // ------------------------------------------------------------------------------------------------ JSON

    /** A minimal JSON reader (objects, arrays, strings, numbers, literals) and string quoting. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json j = new Json(text);
            j.ws();
            Object v = j.value();
            j.ws();
            if (j.i != text.length()) {
                throw j.error("trailing characters");
            }
            return v;
        }

        /** Follows object keys; null when a key is missing or a value is not an object. */
        static Object at(Object node, String... path) {
            Object cur = node;
            for (String key : path) {
                if (!(cur instanceof Map<?, ?> m)) {
                    return null;
                }
                cur = m.get(key);
            }
            return cur;
        }

        static String quote(String v) {
            StringBuilder b = new StringBuilder("\"");
            for (char c : v.toCharArray()) {
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            b.append(String.format("\\u%04x", (int) c));
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
            return b.append('"').toString();
        }

        private Object value() {
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(i);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                case 't':
                    literal("true");
                    return Boolean.TRUE;
                case 'f':
                    literal("false");
                    return Boolean.FALSE;
                case 'n':
                    literal("null");
                    return null;
                default:
                    return number();
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            i++;
            ws();
            if (peek() == '}') {
                i++;
                return m;
            }
            while (true) {
                ws();
                String key = string();
                ws();
                expect(':');
                ws();
                m.put(key, value());
                ws();
                if (peek() == ',') {
                    i++;
                    continue;
                }
                expect('}');
                return m;
            }
        }

        private List<Object> array() {
            List<Object> l = new ArrayList<>();
            i++;
            ws();
            if (peek() == ']') {
                i++;
                return l;
            }
            while (true) {
                ws();
                l.add(value());
                ws();
                if (peek() == ',') {
                    i++;
                    continue;
                }
                expect(']');
                return l;
            }
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                if (i >= s.length()) {
                    throw error("unterminated string");
                }
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                if (i >= s.length()) {
                    throw error("unterminated escape");
                }
                char e = s.charAt(i++);
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw error("bad \\u escape");
                        }
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> throw error("bad escape \\" + e);
                }
            }
        }

        private Object number() {
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            String t = s.substring(start, i);
            if (t.isEmpty()) {
                throw error("unexpected character '" + s.charAt(i) + "'");
            }
            if (t.matches("-?\\d{1,18}")) {
                return Long.parseLong(t);
            }
            return Double.parseDouble(t);
        }

        private void literal(String word) {
            if (!s.startsWith(word, i)) {
                throw error("expected " + word);
            }
            i += word.length();
        }

        private char peek() {
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            return s.charAt(i);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            i++;
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("bad JSON at " + i + ": " + what);
        }
    }
}
