package dev.accordhub.portal.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.core.HazelcastInstance;
import dev.accordhub.model.EntityType;
import dev.accordhub.portal.PortalQueries;
import dev.accordhub.portal.common.CommandQueues;
import dev.accordhub.portal.security.Caller;
import dev.accordhub.routes.consolidate.GoldenStore;
import dev.accordhub.routes.consolidate.LineageService;
import dev.accordhub.routes.programs.ProgramLoader;
import dev.accordhub.routes.registration.RegistrationProperties;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jms.JmsException;

/**
 * A registration the message broker does not take: the partner gets an error, and nothing of it stays behind (no
 * copy that consolidation would never settle, no idempotency key pointing at a registration that does not exist).
 * Over a real Hazelcast and the real Artemis client, against a port nothing listens on.
 */
class DealRegistrationsTest {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    static final Pattern INNERMOST = Pattern.compile("\\$\\{([^${}]*)}");
    static HazelcastInstance hazelcast;

    @BeforeAll
    static void start() {
        hazelcast = dev.accordhub.routes.TestHazelcast.start("deal-registrations");
    }

    @AfterAll
    static void stop() {
        hazelcast.shutdown();
    }

    @Test
    void aRegistrationTheBrokerDoesNotTakeIsAnErrorAndLeavesNothingBehind() throws Exception {
        GoldenStore store = new GoldenStore(hazelcast, JSON);
        var programs = new ProgramLoader(DealRegistrationsTest::withDefaults).load(Path.of("../config/programs"));
        var properties = new RegistrationProperties(Duration.ofHours(48), Map.of(), Duration.ofDays(90),
                "manual-review", Duration.ofSeconds(30), 3, Duration.ofMillis(10), Duration.ofSeconds(1), 1);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var broker = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + closedPort + "?initialConnectAttempts=1");
        DealRegistrations registrations = new DealRegistrations(store, hazelcast, programs, properties,
                new PortalQueries(hazelcast, JSON, new LineageService(store, null)),
                new RegistrationQueues(new CommandQueues(broker)), JSON,
                Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC));
        Caller caller = Caller.partnerUser("u1", "ana@partner.example", "user-1", "partner-1",
                "helios:partner:0015g0000004C96AAE", new Caller.Profile("Starcrest", "RESELLER", "GOLD", "EMEA",
                        null, List.of("partner-user")));

        assertThatThrownBy(() -> registrations.submit(caller, "retry-me", form().toString()))
                .isInstanceOf(JmsException.class);

        assertThat(store.map(EntityType.DEAL).size()).as("no registration the partner would see").isZero();
        assertThat(hazelcast.getMap(GoldenStore.PROVISIONAL).size()).isZero();
        assertThat(hazelcast.getMap("registration-idempotency-keys").size())
                .as("a retry with the same key is a new attempt, not the replay of nothing").isZero();
        broker.close();
    }

    private static ObjectNode form() {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode customer = body.putObject("customer").put("companyName", "Northwind GmbH").put("country", "DE");
        customer.putObject("contact").put("name", "Ana Silva").put("email", "ana@customer.example");
        return body.put("opportunityName", "Northwind rollout").put("estimatedCloseDate", "2027-02-26")
                .put("estimatedAmount", 120000.50).put("currency", "EUR");
    }

    /** The programs' placeholders with their defaults, and any URL where there is none (nothing is called here). */
    private static String withDefaults(String text) {
        String resolved = text;
        for (Matcher m = INNERMOST.matcher(resolved); m.find(); m = INNERMOST.matcher(resolved)) {
            String inside = m.group(1);
            int colon = inside.indexOf(':');
            String value = colon >= 0 ? inside.substring(colon + 1) : "http://127.0.0.1:9";
            resolved = resolved.substring(0, m.start()) + value
                    + resolved.substring(m.end());
        }
        return resolved;
    }
}
