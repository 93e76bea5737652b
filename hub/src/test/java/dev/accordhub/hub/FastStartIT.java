package dev.accordhub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's fast start, as a user runs it: {@code hub/accord-hub.sh} on the jar this build packaged unpacks it,
 * records the class-data archive (a start that stops when the Spring context is ready), and starts the hub with
 * that archive to healthy. Free ports and a scratch data directory, so it does not meet the other tests' hubs.
 */
class FastStartIT {

    private static final Path SCRIPT = Path.of("accord-hub.sh");
    private static final Path UNPACKED = Path.of("target", "accord-hub");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path scratch;
    Process hub;

    @AfterEach
    void stop() throws InterruptedException {
        if (hub != null && hub.isAlive()) {
            hub.destroy();
            if (!hub.waitFor(60, TimeUnit.SECONDS)) {
                hub.destroyForcibly();
            }
        }
    }

    @Test
    void theScriptUnpacksTheJarRecordsTheArchiveAndStartsTheHubWithIt() throws IOException {
        assertThat(Path.of("target", "accord-hub.jar")).as("packaged before the integration tests").exists();
        // As after a fresh build: nothing unpacked, no archive.
        org.springframework.util.FileSystemUtils.deleteRecursively(UNPACKED);
        int serverPort = HubTestSupport.freePort();
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString(),
                "--server.port=" + serverPort,
                "--accord.data-dir=" + scratch.resolve("data")));
        for (String port : List.of("accord.embedded.kafka.port", "accord.embedded.kafka.controller-port",
                "accord.sandbox.salesforce.port", "accord.sandbox.hubspot.port", "accord.sandbox.nimbus.port",
                "accord.sandbox.oidc.port",
                "accord.sandbox.erp.helios.port", "accord.sandbox.erp.vantage.port")) {
            command.add("--" + port + "=" + HubTestSupport.freePort());
        }
        Path log = scratch.resolve("hub.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_OPTS", "-Xmx768m");
        builder.environment().remove("ACCORD_CDS");
        hub = builder.start();

        // Recording (~40 s on two quiet cores) and the start itself; generous for a busy CI machine.
        // A hub that exited fails the test at once, with its log, rather than after the five minutes.
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .failFast("the hub exited", () -> assertThat(hub.isAlive())
                        .as("the hub is running; its log:%n%s", tail(log)).isTrue())
                .untilAsserted(() -> assertThat(health(serverPort)).contains("\"status\":\"UP\""));

        assertThat(UNPACKED.resolve("accord-hub.jar")).exists();
        assertThat(UNPACKED.resolve("lib")).isDirectory();
        assertThat(UNPACKED.resolve("accord-hub.jsa")).as("the class-data archive").exists();
        // The script replaced itself with the JVM (exec): this process is the hub, started with the archive.
        String arguments = String.join(" ", hub.info().arguments().orElse(new String[0]));
        assertThat(arguments).contains("-XX:SharedArchiveFile=")
                .contains(UNPACKED.resolve("accord-hub.jar").getFileName().toString());
        assertThat(Files.readString(log)).contains("recording the class-data archive for this build")
                .doesNotContain("recording failed");
    }

    private static String health(int port) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return answer.body();
        } catch (IOException e) {
            return "not answering: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(none)";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
