package dev.accordhub.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accordhub.model.DeadLetter;
import dev.accordhub.routes.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What the hub's integration tests share: free ports, a small HTTP client for the API, reading topics. */
final class HubTestSupport {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HubTestSupport() {
    }

    /**
     * A port free now, for a process that binds it later, chosen below the kernel's ephemeral range: a port the
     * kernel handed out for {@code bind(0)} can be handed out again, as the local port of any outgoing connection,
     * before the process binds it ("Port 39401 was already in use" in a FastStartIT run whose hub had connected to
     * its own Kafka first). Never the same port twice in one test JVM.
     */
    static synchronized int freePort() {
        int below = ephemeralRangeStart();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 10_000 + RANDOM.nextInt(Math.max(1, below - 10_000));
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new java.net.InetSocketAddress(port));
                HANDED_OUT.add(port);
                return port;
            } catch (IOException taken) {
                // in use: try another
            }
        }
        throw new IllegalStateException("No free port found between 10000 and " + below);
    }

    private static final java.util.Random RANDOM = new java.util.Random();
    private static final java.util.Set<Integer> HANDED_OUT = new java.util.HashSet<>();

    /** Where the kernel starts handing out ports of its own (Linux: {@code ip_local_port_range}, else 32768). */
    private static int ephemeralRangeStart() {
        try {
            String range = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            return Math.max(11_000, Integer.parseInt(range.split("\\s+")[0]));
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }

    /**
     * A hub of the two programs helios and vantage (their files as shipped; the third program's CRM is not
     * started), on free ports, data under {@code dataDir}, {@code partners} seeded per program, polling fast.
     */
    static void twoProgramHub(org.springframework.test.context.DynamicPropertyRegistry registry,
            java.util.function.Supplier<java.nio.file.Path> dataDir, int partners) {
        registry.add("accord.data-dir", () -> dataDir.get().resolve("data").toString());
        registry.add("accord.programs-dir", () -> twoPrograms(dataDir.get()));
        registry.add("accord.sandbox.nimbus.enabled", () -> false);
        for (String port : List.of("accord.embedded.kafka.port", "accord.embedded.kafka.controller-port",
                "accord.sandbox.salesforce.port", "accord.sandbox.hubspot.port", "accord.sandbox.oidc.port",
                "accord.sandbox.erp.helios.port", "accord.sandbox.erp.vantage.port")) {
            int free = freePort();
            registry.add(port, () -> free);
        }
        registry.add("accord.sandbox.partners-per-program", () -> partners);
        registry.add("accord.sandbox.hubspot.requests-per-second", () -> 100);
        registry.add("accord.ingest.poll-interval-ms", () -> 200);
    }

    private static String twoPrograms(java.nio.file.Path dataDir) {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createDirectories(dataDir.resolve("programs"));
            for (String program : List.of("helios", "vantage")) {
                java.nio.file.Path target = dir.resolve(program + ".yaml");
                if (!java.nio.file.Files.exists(target)) {
                    java.nio.file.Files.copy(java.nio.file.Path.of("../config/programs", program + ".yaml"), target);
                }
            }
            return dir.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Answer(int status, String contentType, JsonNode body) {
    }

    static Answer get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    static Answer get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build());
    }

    static Answer post(String url, String token, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** An access token of a demo user from the issuer's token endpoint (password grant, the demo's client). */
    static String token(String issuer, String username) {
        String form = "grant_type=password&client_id=accord-portal&client_secret=accord-portal-secret"
                + "&username=" + username + "&password=demo";
        Answer answer = send(HttpRequest.newBuilder(URI.create(issuer + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (answer.status() != 200) {
            throw new IllegalStateException("No token for " + username + ": " + answer.body());
        }
        return answer.body().path("access_token").asText();
    }

    /** A GET's body as text (Prometheus, logs), failing on any status but 200. */
    static String getText(String url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + ": " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every partner the portal lists to this token's holder, following the cursor. */
    static List<JsonNode> allPartners(String baseUrl, String token) {
        List<JsonNode> partners = new ArrayList<>();
        String cursor = null;
        do {
            Answer page = get(baseUrl + "/api/v1/partners?limit=200" + (cursor == null ? "" : "&cursor=" + cursor),
                    token);
            page.body().path("items").forEach(partners::add);
            cursor = page.body().path("nextCursor").isNull() ? null : page.body().path("nextCursor").asText();
        } while (cursor != null);
        return partners;
    }

    /** Reads a topic from the beginning to its current end. */
    static void readTopic(String bootstrap, String topic, BiConsumer<String, String> handler) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> rec : consumer.poll(Duration.ofMillis(200))) {
                    handler.accept(rec.key(), rec.value());
                }
            }
        }
    }

    static List<DeadLetter> deadLetters(String bootstrap) {
        List<DeadLetter> letters = new ArrayList<>();
        readTopic(bootstrap, Topics.DEAD_LETTER, (key, value) -> {
            try {
                letters.add(JSON.readValue(value, DeadLetter.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return letters;
    }
}
