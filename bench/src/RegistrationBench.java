import java.io.IOException;
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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deal registration latency: POST /api/v1/deals → the record exists in the owning sandbox CRM.
 *
 * <p>Starts a private copy of hub/target/accord-hub.jar (default profile, fresh temp data directory, HubSpot
 * sandbox limit raised to 1000 requests/s), signs in the demo users helios-partner and vantage-partner (each
 * registers into the CRM of their own program: helios's Salesforce org, or vantage's HubSpot portal or nimbus's
 * Salesforce org, as the golden model places the user), then:
 * <ol>
 *   <li>warm-up: 40 registrations, not measured, until they are all in their CRMs;</li>
 *   <li>baseline: N direct upserts of an Opportunity into the Salesforce sandbox by the driver itself (the cost of
 *       one CRM write on this machine);</li>
 *   <li>load: registrations at a fixed rate (default 50/s for 60 s, alternating the two users), each sent
 *       asynchronously on schedule;</li>
 *   <li>it then reads every registration back from the CRMs (Salesforce: SOQL on Accord_Registration_Id__c;
 *       HubSpot: the deals list) and takes the CRM's creation stamp. Latency = creation stamp − the moment the
 *       POST was sent (both clocks are this machine's).</li>
 * </ol>
 * Usage: java bench/src/RegistrationBench.java [--rate 50] [--seconds 60] [--baseline 200] [--jar path]
 * [--hub-arg --key=value]...
 */
public class RegistrationBench {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern JSON_STRING = Pattern.compile("\"%s\"\\s*:\\s*\"([^\"]*)\"");

    int rate = 50;
    int seconds = 60;
    int baselineCount = 200;
    Path jar = Path.of("hub/target/accord-hub.jar");
    List<String> hubArgs = new ArrayList<>();
    Process hub;
    Path temp;
    String hubUrl;
    String salesforceUrl;
    String nimbusUrl;
    String hubspotUrl;
    String oidcUrl;

    public static void main(String[] args) throws Exception {
        RegistrationBench bench = new RegistrationBench();
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--rate" -> bench.rate = Integer.parseInt(args[i + 1]);
                case "--seconds" -> bench.seconds = Integer.parseInt(args[i + 1]);
                case "--baseline" -> bench.baselineCount = Integer.parseInt(args[i + 1]);
                case "--jar" -> bench.jar = Path.of(args[i + 1]);
                case "--hub-arg" -> bench.hubArgs.add(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        try {
            bench.run();
        } finally {
            bench.stop();
        }
    }

    void run() throws Exception {
        start();
        String helios = token("helios-partner");
        String vantage = token("vantage-partner");
        waitUntil(() -> get(hubUrl + "/api/v1/partners", helios).statusCode() == 200
                && get(hubUrl + "/api/v1/partners", vantage).statusCode() == 200, 120, "demo users known to the hub");

        // Warm-up, not measured: the first registrations after start-up open the JMS consumers' sessions, the
        // CRM endpoints and the Kafka producers, and wait seconds for it.
        List<String> warm = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            HttpResponse<String> r = HTTP.send(register(i % 2 == 0 ? helios : vantage, "Warm-up " + i),
                    HttpResponse.BodyHandlers.ofString());
            warm.add(field(r.body(), "id"));
            TimeUnit.MILLISECONDS.sleep(100);
        }
        waitUntil(() -> {
            Map<String, Long> landed = new HashMap<>(salesforceCreated(salesforceUrl));
            landed.putAll(salesforceCreated(nimbusUrl));
            landed.putAll(hubspotCreated());
            return landed.keySet().containsAll(warm);
        }, 120, "the warm-up registrations in their CRMs");

        List<Long> baseline = baseline();
        System.out.printf(Locale.ROOT, "baseline: %d direct Salesforce upserts by the driver, round trip ms: %s%n",
                baseline.size(), summary(baseline));

        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, String> programOf = new ConcurrentHashMap<>();
        List<Long> postMillis = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        int total = rate * seconds;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + TimeUnit.SECONDS.toNanos(i) / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String token = i % 2 == 0 ? helios : vantage;
            long sent = System.currentTimeMillis();
            long sentNanos = System.nanoTime();
            inFlight.add(HTTP.sendAsync(register(token, "Bench " + i + " " + sent), HttpResponse.BodyHandlers.ofString())
                    .thenAccept(r -> {
                        postMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentNanos));
                        if (r.statusCode() != 202) {
                            System.out.println("refused: " + r.statusCode() + " " + r.body());
                            return;
                        }
                        String id = field(r.body(), "id");
                        sentAt.put(id, sent);
                        programOf.put(id, field(r.body(), "program"));
                    }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        double achieved = total / ((System.nanoTime() - start) / 1e9);
        System.out.printf(Locale.ROOT, "load: %d registrations sent at %.1f/s (target %d/s for %d s); POST answered"
                + " (ms): %s%n", total, achieved, rate, seconds, summary(postMillis));

        Map<String, Long> created = new HashMap<>();
        waitUntil(() -> {
            created.putAll(salesforceCreated(salesforceUrl));
            created.putAll(salesforceCreated(nimbusUrl));
            created.putAll(hubspotCreated());
            return created.keySet().containsAll(sentAt.keySet());
        }, 180, "every registration in its CRM");
        List<Map.Entry<String, Long>> bySend = new ArrayList<>(sentAt.entrySet());
        bySend.sort(Map.Entry.comparingByValue());
        StringBuilder order = new StringBuilder();
        for (int i = 0; i < bySend.size(); i += Math.max(1, bySend.size() / 40)) {
            order.append(created.get(bySend.get(i).getKey()) - bySend.get(i).getValue()).append(' ');
        }
        System.out.println("latency (ms) through the run, sampled in send order: " + order);
        List<Long> all = new ArrayList<>();
        Map<String, List<Long>> byProgram = new HashMap<>();
        sentAt.forEach((id, sent) -> {
            long latency = created.get(id) - sent;
            all.add(latency);
            byProgram.computeIfAbsent(programOf.get(id), p -> new ArrayList<>()).add(latency);
        });
        byProgram.forEach((program, latencies) -> System.out.printf(Locale.ROOT,
                "POST -> record in the %s CRM (ms): %s%n", program, summary(latencies)));
        System.out.printf(Locale.ROOT, "POST -> record in its CRM, all (ms): %s%n", summary(all));
        System.out.printf(Locale.ROOT, "ratio to the baseline write: median %.1fx, p99 %.1fx%n",
                (double) pct(all, 50) / Math.max(1, pct(baseline, 50)),
                (double) pct(all, 99) / Math.max(1, pct(baseline, 99)));
        // For bench/run-all.sh's report.
        System.out.printf(Locale.ROOT, "REPORT | deal registration: POST → in the CRM, %d/s for %d s | p50 %d ms, p99 %d"
                + " ms | CRM upsert p50 %d ms, p99 %d ms | p99 ×%.1f | p99 ≤ 1 s (registration target) | %s |%n", rate, seconds,
                pct(all, 50), pct(all, 99), pct(baseline, 50), pct(baseline, 99),
                (double) pct(all, 99) / Math.max(1, pct(baseline, 99)), pct(all, 99) <= 1000 ? "met" : "**missed**");
    }

    // ------------------------------------------------------------------------------------------- the hub process

    void start() throws Exception {
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build first: ./mvnw -DskipTests package (no " + jar + ")");
        }
        temp = Files.createTempDirectory("accord-regbench-");
        Path copy = Files.copy(jar, temp.resolve("accord-hub.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        Map<String, Integer> ports = new HashMap<>();
        for (String key : List.of("server.port", "accord.embedded.kafka.port", "accord.embedded.kafka.controller-port",
                "accord.sandbox.salesforce.port", "accord.sandbox.hubspot.port", "accord.sandbox.nimbus.port",
                "accord.sandbox.oidc.port")) {
            ports.put(key, freePort());
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", copy.toString(), "--accord.data-dir=" + temp.resolve("data"),
                "--accord.sandbox.hubspot.requests-per-second=1000"));
        ports.forEach((key, port) -> command.add("--" + key + "=" + port));
        command.addAll(hubArgs);
        hubUrl = "http://127.0.0.1:" + ports.get("server.port");
        salesforceUrl = "http://127.0.0.1:" + ports.get("accord.sandbox.salesforce.port");
        nimbusUrl = "http://127.0.0.1:" + ports.get("accord.sandbox.nimbus.port");
        hubspotUrl = "http://127.0.0.1:" + ports.get("accord.sandbox.hubspot.port");
        oidcUrl = "http://127.0.0.1:" + ports.get("accord.sandbox.oidc.port");
        System.out.println("hub: " + String.join(" ", command) + " (log: " + temp.resolve("hub.log") + ")");
        hub = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true).redirectOutput(temp.resolve("hub.log").toFile()).start();
        waitUntil(() -> get(hubUrl + "/actuator/health", null).body().startsWith("{\"status\":\"UP\""), 180,
                "the hub healthy");
    }

    void stop() throws Exception {
        if (hub != null) {
            hub.destroy();
            if (!hub.waitFor(60, TimeUnit.SECONDS)) {
                hub.destroyForcibly();
            }
        }
    }

    // --------------------------------------------------------------------------------------------- the requests

    String token(String user) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(oidcUrl + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=accord-portal"
                        + "&client_secret=accord-portal-secret&username=" + user + "&password=demo")).build(),
                HttpResponse.BodyHandlers.ofString());
        return field(r.body(), "access_token");
    }

    HttpRequest register(String token, String opportunity) {
        String body = "{\"customer\":{\"companyName\":\"" + opportunity + " Customer\",\"country\":\"US\","
                + "\"contact\":{\"name\":\"Sam Lee\",\"email\":\"sam@customer.example\"}},\"opportunityName\":\""
                + opportunity + "\",\"estimatedCloseDate\":\"" + LocalDate.now().plusMonths(2)
                + "\",\"estimatedAmount\":5000,\"currency\":\"USD\"}";
        return HttpRequest.newBuilder(URI.create(hubUrl + "/api/v1/deals")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** The driver's own upserts into the Salesforce sandbox, one at a time: what one CRM write costs here. */
    List<Long> baseline() throws Exception {
        String sfToken = field(HTTP.send(HttpRequest.newBuilder(URI.create(salesforceUrl + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=accord-demo"
                        + "&client_secret=accord-demo-secret")).build(), HttpResponse.BodyHandlers.ofString()).body(),
                "access_token");
        String account = field(get(salesforceUrl + "/services/data/v56.0/query/?q="
                + URLEncoder.encode("SELECT Id FROM Account", StandardCharsets.UTF_8), sfToken).body(), "Id");
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < baselineCount; i++) {
            String body = "{\"Name\":\"Baseline " + i + "\",\"StageName\":\"Prospecting\",\"CloseDate\":\""
                    + LocalDate.now().plusMonths(2) + "\",\"PartnerAccountId\":\"" + account + "\"}";
            long t0 = System.nanoTime();
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(salesforceUrl
                    + "/services/data/v56.0/sobjects/Opportunity/Accord_Registration_Id__c/baseline-" + i))
                    .header("Authorization", "Bearer " + sfToken).header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (i >= 20) { // warm-up excluded
                millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            }
            if (r.statusCode() >= 300) {
                throw new IllegalStateException("baseline upsert answered " + r.statusCode() + ": " + r.body());
            }
        }
        return millis;
    }

    Map<String, Long> salesforceCreated(String orgUrl) throws Exception {
        String sfToken = field(HTTP.send(HttpRequest.newBuilder(URI.create(orgUrl + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=accord-demo"
                        + "&client_secret=accord-demo-secret")).build(), HttpResponse.BodyHandlers.ofString()).body(),
                "access_token");
        Map<String, Long> created = new HashMap<>();
        String next = "/services/data/v56.0/query/?q=" + URLEncoder.encode("SELECT Accord_Registration_Id__c, "
                + "CreatedDate FROM Opportunity WHERE Accord_Registration_Id__c != null", StandardCharsets.UTF_8);
        Pattern record = Pattern.compile("\"Accord_Registration_Id__c\":\"(reg-[^\"]+)\",\"CreatedDate\":\"([^\"]+)\"");
        DateTimeFormatter sf = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx");
        while (next != null) {
            String page = get(orgUrl + next, sfToken).body();
            Matcher m = record.matcher(page);
            while (m.find()) {
                created.put(m.group(1), OffsetDateTime.parse(m.group(2), sf).toInstant().toEpochMilli());
            }
            Matcher more = Pattern.compile("\"nextRecordsUrl\":\"([^\"]+)\"").matcher(page);
            next = more.find() ? more.group(1) : null;
        }
        return created;
    }

    Map<String, Long> hubspotCreated() throws Exception {
        String hsToken = field(HTTP.send(HttpRequest.newBuilder(URI.create(hubspotUrl + "/oauth/v1/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id=accord-demo"
                        + "&client_secret=accord-demo-secret&refresh_token=accord-demo-refresh")).build(),
                HttpResponse.BodyHandlers.ofString()).body(), "access_token");
        Map<String, Long> created = new HashMap<>();
        Pattern record = Pattern.compile("\"properties\":\\{([^}]*)\\}");
        String after = null;
        do {
            String page = get(hubspotUrl + "/crm/v3/objects/deals?limit=100&properties=accord_registration_id,"
                    + "createdate" + (after == null ? "" : "&after=" + after), hsToken).body();
            Matcher m = record.matcher(page);
            while (m.find()) {
                String id = field("{" + m.group(1) + "}", "accord_registration_id");
                String at = field("{" + m.group(1) + "}", "createdate");
                if (id != null && at != null) {
                    created.put(id, Instant.parse(at).toEpochMilli());
                }
            }
            Matcher more = Pattern.compile("\"after\":\"([^\"]+)\"").matcher(page);
            after = more.find() ? more.group(1) : null;
        } while (after != null);
        return created;
    }

    // ------------------------------------------------------------------------------------------------- helpers

    static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    interface Check {
        boolean ok() throws Exception;
    }

    void waitUntil(Check check, int seconds, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            try {
                if (check.ok()) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            if (hub != null && !hub.isAlive()) {
                throw new IllegalStateException("the hub exited; see " + temp.resolve("hub.log"));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile(String.format(JSON_STRING.pattern(), Pattern.quote(name))).matcher(json);
        return m.find() ? m.group(1) : null;
    }

    /**
     * A port no server holds now, below the kernel's ephemeral range ({@code ip_local_port_range}). A port the kernel
     * picked for {@code bind(0)} is one it also gives to outgoing connections, and one of the hub's own could take it
     * before the server meant to listen there starts ("Port ... was already in use").
     */
    static int freePort() throws IOException {
        int below = ephemeralRangeStart();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 10_000 + PORT_PICKER.nextInt(Math.max(1, below - 10_000));
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(false);
                s.bind(new InetSocketAddress("0.0.0.0", port));
                HANDED_OUT.add(port);
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

    private static final java.util.Set<Integer> HANDED_OUT = new java.util.HashSet<>();

    static long pct(List<Long> values, int percentile) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static String summary(List<Long> values) {
        return String.format(Locale.ROOT, "n=%d median %d, p90 %d, p99 %d, max %d", values.size(), pct(values, 50),
                pct(values, 90), pct(values, 99), pct(values, 100));
    }
}
