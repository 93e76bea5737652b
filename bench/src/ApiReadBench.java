import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
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
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Portal API read throughput and latency with wrk, against a trivial endpoint of the same server.
 *
 * <p>Starts a private copy of {@code hub/target/accord-hub.jar} (default profile, fresh data directory), waits for
 * the demo to be ingested, signs in the demo users, then runs wrk (HTTP/1.1 keep-alive, {@code --latency}) in
 * rounds, alternating the endpoints so drift in the machine's load hits them alike:
 * <ul>
 *   <li>baseline: {@code GET /api/v1/ping} (public, constant answer: what the server, camel-servlet and the
 *       rest-dsl cost);</li>
 *   <li>{@code GET /api/v1/partners/{id}} as the partner user helios-partner (their own company; token validated,
 *       caller resolved from the grid, the partner read from Hazelcast): the portal's cached read;</li>
 *   <li>{@code GET /api/v1/deals/{id}} as the same user (a deal of their company);</li>
 *   <li>{@code GET /api/v1/mdf/funds} as helios-finance (balances computed from the grid on each read).</li>
 * </ul>
 * The bearer token is set by a wrk Lua script. Figures are medians over the rounds. Each run also gives the hub's
 * CPU time per request answered ({@code /proc/<pid>/stat}, user + system): a second view of the server's cost when
 * the machine's share of the host moves between runs.
 * {@code java bench/src/ApiReadBench.java [--seconds 10] [--rounds 3] [--warmup 15] [--threads 2] [--connections 32]}
 */
public class ApiReadBench {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    int seconds = 10;
    int warmup = 15;
    int rounds = 3;
    int threads = 2;
    int connections = 32;
    String wrk = "wrk";
    Path jar = Path.of("hub/target/accord-hub.jar");
    List<String> hubArgs = new ArrayList<>();
    List<String> hubJvmArgs = new ArrayList<>();
    Hub hub;

    record Endpoint(String name, String path, String token) {
    }

    /** {@code hubCpuUs}: the hub's CPU time (user + system) per request answered, in microseconds. */
    record WrkRun(double rps, double p50Ms, double p99Ms, long non2xx, long errors, double hubCpuUs) {
    }

    public static void main(String[] args) throws Exception {
        ApiReadBench bench = new ApiReadBench();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--seconds" -> bench.seconds = Integer.parseInt(value);
                case "--rounds" -> bench.rounds = Integer.parseInt(value);
                case "--warmup" -> bench.warmup = Integer.parseInt(value);
                case "--threads" -> bench.threads = Integer.parseInt(value);
                case "--connections" -> bench.connections = Integer.parseInt(value);
                case "--wrk" -> bench.wrk = value;
                case "--jar" -> bench.jar = Path.of(value);
                case "--hub-arg" -> bench.hubArgs.add(value);
                case "--hub-jvm-arg" -> bench.hubJvmArgs.add(value);
                case "--help" -> {
                    System.out.println("java bench/src/ApiReadBench.java [--seconds 10] [--rounds 3] [--warmup 15] [--threads 2]"
                            + " [--connections 32] [--wrk PATH] [--jar PATH] [--hub-arg --k=v]... [--hub-jvm-arg X]...");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (try --help)");
            }
            i++;
        }
        int status = 0;
        try {
            bench.run();
        } catch (Exception e) {
            System.out.println("BENCHMARK FAILED: " + e);
            if (bench.hub != null) {
                bench.hub.printLogErrors();
            }
            status = 1;
        } finally {
            if (bench.hub != null) {
                bench.hub.stop();
            }
        }
        System.exit(status);
    }

    void run() throws Exception {
        System.out.println("== Accord portal API read benchmark (wrk) ==");
        System.out.println("date:      " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", load avg " + Hub.loadAverage());
        Process version = new ProcessBuilder(wrk, "--version").redirectErrorStream(true).start();
        String wrkVersion = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .findFirst().orElse("?");
        version.waitFor();
        System.out.println("wrk:       " + wrkVersion + "; " + threads + " threads, " + connections
                + " connections, " + seconds + " s per run, " + rounds + " rounds");
        hub = Hub.start(jar, "accord-apiread-", hubJvmArgs, hubArgs);
        hub.waitHealthy(240);
        System.out.printf(Locale.ROOT, "hub healthy after %.1f s%n", hub.healthySeconds);

        String partnerUser = hub.token("helios-partner");
        String finance = hub.token("helios-finance");
        hub.waitUntil(() -> {
            try {
                return hub.get(hub.url + "/api/v1/me", partnerUser).statusCode() == 200
                        && hub.get(hub.url + "/api/v1/mdf/funds", finance).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        }, 180, "the demo users known to the hub and their funds", 200);
        String me = hub.get(hub.url + "/api/v1/me", partnerUser).body();
        String partnerId = string(me, "partnerId");
        String deals = "";
        long dealsDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!deals.contains("\"id\"") && System.nanoTime() < dealsDeadline) {
            deals = hub.get(hub.url + "/api/v1/partners/" + partnerId + "/deals?limit=1", partnerUser).body();
            TimeUnit.MILLISECONDS.sleep(200);
        }
        if (!deals.contains("\"id\"")) {
            throw new IllegalStateException("helios-partner's company " + partnerId + " shows no deals: " + deals);
        }
        String dealId = string(deals.substring(deals.indexOf('[')), "id");
        List<Endpoint> endpoints = List.of(
                new Endpoint("GET /api/v1/ping (trivial)", "/api/v1/ping", null),
                new Endpoint("GET /api/v1/partners/{id} (partner user)", "/api/v1/partners/" + partnerId, partnerUser),
                new Endpoint("GET /api/v1/deals/{id} (partner user)", "/api/v1/deals/" + dealId, partnerUser),
                new Endpoint("GET /api/v1/mdf/funds (finance user)", "/api/v1/mdf/funds", finance));
        for (Endpoint e : endpoints) {
            HttpResponse<String> r = hub.get(hub.url + e.path(), e.token());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(e.name() + " answered " + r.statusCode() + ": " + r.body());
            }
            System.out.printf("  %-45s %s (%d bytes)%n", e.name(), e.path(), r.body().length());
        }

        Map<Endpoint, Path> scripts = new LinkedHashMap<>();
        for (Endpoint e : endpoints) {
            Path lua = hub.temp.resolve("wrk-" + scripts.size() + ".lua");
            Files.writeString(lua, e.token() == null ? "-- no token: a public endpoint\n"
                    : "wrk.headers[\"Authorization\"] = \"Bearer " + e.token() + "\"\n");
            scripts.put(e, lua);
        }
        // 5 s each left the first round cold (half the rate of the next two, 2026-11-27 third session): the JIT is
        // still compiling the request path of a hub this young.
        System.out.printf(Locale.ROOT, "warm-up: %d s per endpoint, not counted%n", warmup);
        for (Endpoint e : endpoints) {
            wrk(e, scripts.get(e), warmup);
        }
        Map<Endpoint, List<WrkRun>> runs = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (Endpoint e : endpoints) {
                WrkRun run = wrk(e, scripts.get(e), seconds);
                runs.computeIfAbsent(e, k -> new ArrayList<>()).add(run);
                System.out.printf(Locale.ROOT,
                        "  round %d  %-45s %9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  hub CPU %5.0f us/req%s%n",
                        round, e.name(), run.rps(), run.p50Ms(), run.p99Ms(), run.hubCpuUs(),
                        run.non2xx() + run.errors() > 0 ? "  (" + run.non2xx() + " non-2xx, " + run.errors()
                                + " socket errors)" : "");
            }
        }
        System.out.println();
        System.out.println("medians over the rounds:");
        Endpoint ping = endpoints.get(0);
        double pingRps = median(runs.get(ping), WrkRun::rps);
        double pingP99 = median(runs.get(ping), WrkRun::p99Ms);
        for (Endpoint e : endpoints) {
            double rps = median(runs.get(e), WrkRun::rps);
            double p99 = median(runs.get(e), WrkRun::p99Ms);
            long bad = runs.get(e).stream().mapToLong(r -> r.non2xx() + r.errors()).sum();
            System.out.printf(Locale.ROOT,
                    "  %-45s %9.0f req/s (%.0f%% of ping)  p50 %6.2f ms  p99 %6.2f ms  hub CPU %5.0f us/req%s%n",
                    e.name(), rps, 100 * rps / pingRps, median(runs.get(e), WrkRun::p50Ms), p99,
                    median(runs.get(e), WrkRun::hubCpuUs),
                    bad > 0 ? "  " + bad + " failed answers" : "");
            if (e == ping) {
                continue;
            }
            if (e != endpoints.get(1)) {
                Report.info("portal read " + e.name(), String.format(Locale.ROOT, "%,.0f req/s, p99 %.2f ms", rps,
                        p99), String.format(Locale.ROOT, "ping %,.0f req/s, p99 %.2f ms", pingRps, pingP99),
                        String.format(Locale.ROOT, "%.0f%%", 100 * rps / pingRps));
                continue;
            }
            Report.row("portal read " + e.name(), String.format(Locale.ROOT, "%,.0f req/s, p99 %.2f ms", rps, p99),
                    String.format(Locale.ROOT, "ping %,.0f req/s, p99 %.2f ms", pingRps, pingP99),
                    String.format(Locale.ROOT, "%.0f%%", 100 * rps / pingRps),
                    "≥ 20,000 req/s, p99 ≤ 5 ms, ≥ 50%",
                    bad == 0 && rps >= 20_000 && p99 <= 5 && rps / pingRps >= 0.5);
        }
        System.out.println("load avg at the end: " + Hub.loadAverage() + "; CPU " + hub.cpuSummary());
        Report.noise("ApiReadBench", hub.cpuSummary() + " (wrk counts as other processes), load avg "
                + Hub.loadAverage());
    }

    WrkRun wrk(Endpoint e, Path script, int runSeconds) throws Exception {
        List<String> command = List.of(wrk, "-t" + threads, "-c" + connections, "-d" + runSeconds + "s", "--latency",
                "-s", script.toString(), hub.url + e.path());
        long cpuBefore = Hub.cpuTicks(hub.process.pid())[2];
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        long hubTicks = Hub.cpuTicks(hub.process.pid())[2] - cpuBefore;
        Matcher answered = Pattern.compile("(\\d+) requests in").matcher(out);
        double hubCpuUs = answered.find() && Long.parseLong(answered.group(1)) > 0
                ? hubTicks * 1e6 / TICKS_PER_SECOND / Long.parseLong(answered.group(1)) : Double.NaN;
        Matcher rps = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
        if (!rps.find()) {
            throw new IllegalStateException("cannot read wrk's output: " + out);
        }
        Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(out);
        Matcher errors = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
                .matcher(out);
        long errorCount = 0;
        if (errors.find()) {
            for (int g = 1; g <= 4; g++) {
                errorCount += Long.parseLong(errors.group(g));
            }
        }
        return new WrkRun(Double.parseDouble(rps.group(1)), percentile(out, "50%"), percentile(out, "99%"),
                non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0, errorCount, hubCpuUs);
    }

    /** /proc's clock ticks (USER_HZ): 100 on Linux. */
    static final double TICKS_PER_SECOND = 100;

    /** wrk --latency's distribution line, e.g. "     99%    4.12ms", in milliseconds. */
    static double percentile(String out, String which) {
        Matcher m = Pattern.compile("^\\s+" + Pattern.quote(which) + "\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE)
                .matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no " + which + " latency in wrk's output: " + out);
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }

    static double median(List<WrkRun> runs, java.util.function.ToDoubleFunction<WrkRun> f) {
        double[] v = runs.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static String string(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Shared by the suite's drivers (a copy in each: Java 17 runs one source file at a time). Keep them in step.

    /** The machine-readable lines bench/run-all.sh collects into the report. */
    static final class Report {
        static void row(String metric, String figure, String baseline, String ratio, String target, boolean met) {
            System.out.println("REPORT | " + metric + " | " + figure + " | " + baseline + " | " + ratio + " | "
                    + target + " | " + (met ? "met" : "**missed**") + " |");
        }

        /** A figure shown for context, with no target of its own. */
        static void info(String metric, String figure, String baseline, String ratio) {
            System.out.println("REPORT | " + metric + " | " + figure + " | " + baseline + " | " + ratio
                    + " | (no §6 target) | — |");
        }

        static void noise(String driver, String text) {
            System.out.println("NOISE | " + driver + " | " + text + " |");
        }
    }

    /** A private hub: a copy of the jar, free ports, a fresh data directory, its log kept in the temp dir. */
    static final class Hub {
        static final List<String> PORTS = List.of("server.port", "accord.embedded.kafka.port",
                "accord.embedded.kafka.controller-port", "accord.sandbox.salesforce.port",
                "accord.sandbox.hubspot.port", "accord.sandbox.nimbus.port", "accord.sandbox.oidc.port",
                "accord.sandbox.erp.helios.port", "accord.sandbox.erp.vantage.port");

        final Map<String, Integer> ports = new LinkedHashMap<>();
        Process process;
        Path temp;
        Path log;
        String url;
        String kafka;
        double healthySeconds;
        long startedNanos;
        long[] cpuAtStart;

        static Hub start(Path jar, String prefix, List<String> jvmArgs, List<String> args) throws IOException {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("no hub jar at " + jar + "; build first: ./mvnw -DskipTests package");
            }
            Hub hub = new Hub();
            hub.temp = Files.createTempDirectory(prefix);
            hub.log = hub.temp.resolve("hub.log");
            Path copy = Files.copy(jar, hub.temp.resolve("accord-hub.jar"), StandardCopyOption.COPY_ATTRIBUTES);
            Set<Integer> taken = new HashSet<>();
            for (String key : PORTS) {
                hub.ports.put(key, freePort(taken));
            }
            Map<String, String> props = new LinkedHashMap<>();
            props.put("accord.data-dir", hub.temp.resolve("data").toString());
            hub.ports.forEach((k, v) -> props.put(k, String.valueOf(v)));
            props.put("accord.sandbox.hubspot.requests-per-second", "100000");
            List<String> extra = new ArrayList<>();
            for (String arg : args) {
                Matcher m = Pattern.compile("--([^=]+)=(.*)", Pattern.DOTALL).matcher(arg);
                if (m.matches()) {
                    props.put(m.group(1), m.group(2)); // Spring joins a repeated key with commas: one value each
                } else {
                    extra.add(arg);
                }
            }
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmArgs);
            command.add("-jar");
            command.add(copy.toString());
            props.forEach((k, v) -> command.add("--" + k + "=" + v));
            command.addAll(extra);
            hub.url = "http://127.0.0.1:" + props.get("server.port");
            hub.kafka = "127.0.0.1:" + props.get("accord.embedded.kafka.port");
            System.out.println("hub:       " + String.join(" ", command));
            System.out.println("hub log:   " + hub.log);
            hub.cpuAtStart = cpuTicks(-1);
            hub.startedNanos = System.nanoTime();
            hub.process = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
                    .redirectErrorStream(true).redirectOutput(hub.log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(hub::stop));
            return hub;
        }

        String sandbox(String key) {
            return "http://127.0.0.1:" + ports.get(key);
        }

        void waitHealthy(long timeoutS) throws Exception {
            waitUntil(() -> {
                try {
                    return get(url + "/actuator/health", null).body().startsWith("{\"status\":\"UP\"");
                } catch (IOException e) {
                    return false;
                }
            }, timeoutS, "the hub healthy", 20);
            healthySeconds = (System.nanoTime() - startedNanos) / 1e9;
            cpuAtStart = cpuTicks(process.pid());
        }

        void waitUntil(BooleanSupplier condition, long timeoutS, String what, long everyMs) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutS);
            while (!condition.getAsBoolean()) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the hub exited (status " + process.exitValue() + ") waiting for "
                            + what);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("timed out after " + timeoutS + " s waiting for " + what);
                }
                TimeUnit.MILLISECONDS.sleep(everyMs);
            }
        }

        HttpResponse<String> get(String target, String token) throws IOException {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(30));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            try {
                return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }

        /** A demo user's access token from the sandbox issuer. */
        String token(String user) throws Exception {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox("accord.sandbox.oidc.port")
                    + "/token")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=accord-portal"
                            + "&client_secret=accord-portal-secret&username=" + user + "&password=demo")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
            if (!m.find()) {
                throw new IllegalStateException("no token for " + user + ": " + r.statusCode() + " " + r.body());
            }
            return m.group(1);
        }

        String jcmd(String command) throws Exception {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(process.pid()), command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + command + " failed: " + out);
            }
            return out;
        }

        /** Heap in use right after a full GC (twice, so what the first one only queued for finalising goes too). */
        long heapUsedAfterGc() throws Exception {
            jcmd("GC.run");
            jcmd("GC.run");
            String info = jcmd("GC.heap_info");
            Matcher m = Pattern.compile("total \\d+K, used (\\d+)K").matcher(info);
            if (!m.find()) {
                throw new IllegalStateException("cannot read GC.heap_info: " + info);
            }
            return Long.parseLong(m.group(1)) * 1024;
        }

        /** CPU since healthy: the hub's share, the rest of the machine's (other processes: the noise). */
        String cpuSummary() {
            long[] now = cpuTicks(process.pid());
            long total = now[0] - cpuAtStart[0];
            long idle = now[1] - cpuAtStart[1];
            long hubTicks = now[2] - cpuAtStart[2];
            long self = now[3] - cpuAtStart[3];
            if (total <= 0) {
                return "CPU n/a";
            }
            return String.format(Locale.ROOT, "machine busy %.0f%% (hub %.0f%%, driver %.0f%%, other processes %.0f%%)",
                    100.0 * (total - idle) / total, 100.0 * hubTicks / total, 100.0 * self / total,
                    100.0 * Math.max(0, total - idle - hubTicks - self) / total);
        }

        /** /proc ticks: all CPUs total, idle (+iowait), the hub process, this driver. */
        static long[] cpuTicks(long hubPid) {
            try {
                String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < cpu.length && i <= 8; i++) {
                    total += Long.parseLong(cpu[i]);
                }
                long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
                long hubTicks = hubPid > 0 ? procTicks(Path.of("/proc/" + hubPid + "/stat")) : 0;
                return new long[] {total, idle, hubTicks, procTicks(Path.of("/proc/self/stat"))};
            } catch (IOException | RuntimeException e) {
                return new long[] {0, 0, 0, 0};
            }
        }

        private static long procTicks(Path stat) throws IOException {
            String s = Files.readString(stat);
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
        }

        static String loadAverage() {
            try {
                String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
                return f[0] + " " + f[1] + " " + f[2];
            } catch (IOException e) {
                return "n/a";
            }
        }

        void printLogErrors() {
            try {
                Files.readAllLines(log).stream().filter(l -> l.contains("ERROR") || l.contains("Exception"))
                        .limit(20).forEach(l -> System.out.println("  hub log: " + l));
            } catch (IOException | RuntimeException ignored) {
                // nothing to show
            }
        }

        void stop() {
            if (process != null && process.isAlive()) {
                process.destroy();
                try {
                    if (!process.waitFor(90, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
            if (temp != null) {
                try (var files = Files.walk(temp)) {
                    files.sorted(java.util.Comparator.reverseOrder()).filter(f -> !f.equals(log) && !f.equals(temp))
                            .forEach(f -> f.toFile().delete());
                } catch (IOException | RuntimeException ignored) {
                    // left behind in /tmp
                }
            }
        }

        /**
         * A port no server holds now, below the kernel's ephemeral range ({@code ip_local_port_range}). A port the kernel
         * picked for {@code bind(0)} is one it also gives to outgoing connections, and one of the hub's own could take it
         * before the server meant to listen there starts ("Port ... was already in use").
         */
        static int freePort(Collection<Integer> taken) throws IOException {
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
            throw new IOException("no free port between 10000 and " + below);
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
    }
}
