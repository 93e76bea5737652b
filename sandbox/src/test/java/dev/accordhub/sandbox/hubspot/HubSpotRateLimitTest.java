package dev.accordhub.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accordhub.sandbox.SandboxHttp.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HubSpotRateLimitTest {

    private HubSpotSandbox sandbox;
    private HubSpotClient client;

    @BeforeEach
    void start() {
        sandbox = HubSpotSandbox.builder().start();
        client = new HubSpotClient(sandbox).login();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void overTheSecondlyLimitAnswers429WithRetryAfter() {
        sandbox.setRateLimitPerSecond(2);

        List<Reply> replies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            replies.add(client.get(HubSpotClient.OBJECTS + "companies"));
        }

        Reply limited = replies.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        assertThat(limited.header("Retry-After")).isEqualTo("1");
        assertThat(limited.header("X-HubSpot-RateLimit-Secondly")).isEqualTo("2");
        assertThat(limited.header("X-HubSpot-RateLimit-Secondly-Remaining")).isEqualTo("0");
        assertThat(limited.json().get("errorType").asText()).isEqualTo("RATE_LIMIT");
        assertThat(limited.json().get("policyName").asText()).isEqualTo("SECONDLY");
        assertThat(limited.json().get("message").asText()).isEqualTo("You have reached your secondly limit.");
        assertThat(sandbox.rateLimitedCount()).isEqualTo(replies.stream().filter(r -> r.status() == 429).count());
    }

    @Test
    void defaultLimitIsTenPerSecondAndZeroSwitchesItOff() {
        Reply first = client.get(HubSpotClient.OBJECTS + "companies");
        assertThat(first.header("X-HubSpot-RateLimit-Secondly")).isEqualTo("10");
        assertThat(first.header("X-HubSpot-RateLimit-Secondly-Remaining")).isEqualTo("9");

        sandbox.setRateLimitPerSecond(0);
        for (int i = 0; i < 30; i++) {
            assertThat(client.get(HubSpotClient.OBJECTS + "companies").status()).isEqualTo(200);
        }
    }

    @Test
    void rollingWindowAdmitsAgainOnceASecondHasPassed() {
        AtomicLong nanos = new AtomicLong();
        RateLimiter limiter = new RateLimiter(3, nanos::get);

        assertThat(limiter.tryAcquire().allowed()).isTrue();
        nanos.addAndGet(400_000_000L);
        assertThat(limiter.tryAcquire().allowed()).isTrue();
        assertThat(limiter.tryAcquire().remaining()).isZero();
        assertThat(limiter.tryAcquire().allowed()).isFalse();
        nanos.addAndGet(600_000_000L);
        assertThat(limiter.tryAcquire().allowed()).as("the first request left the window").isTrue();
        assertThat(limiter.tryAcquire().allowed()).isFalse();
    }
}
