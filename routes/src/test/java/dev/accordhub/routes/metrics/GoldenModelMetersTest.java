package dev.accordhub.routes.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastJsonValue;
import dev.accordhub.routes.TestHazelcast;
import dev.accordhub.routes.consolidate.GoldenStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GoldenModelMetersTest {

    static HazelcastInstance hazelcast;

    @BeforeAll
    static void start() {
        hazelcast = TestHazelcast.start("golden-meters");
    }

    @AfterAll
    static void stop() {
        hazelcast.shutdown();
    }

    @Test
    void countsTheGoldenRecordsOfEachEntityWhenRead() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new GoldenModelMeters(hazelcast).bindTo(registry);
        for (int i = 0; i < 3; i++) {
            hazelcast.<String, HazelcastJsonValue>getMap(GoldenStore.DEALS).set("d" + i, new HazelcastJsonValue("{}"));
        }
        hazelcast.<String, HazelcastJsonValue>getMap(GoldenStore.PARTNERS).set("p", new HazelcastJsonValue("{}"));

        assertThat(registry.get("accord.golden.records").tag("entity", "deal").gauge().value()).isEqualTo(3);
        assertThat(registry.get("accord.golden.records").tag("entity", "partner").gauge().value()).isEqualTo(1);
        assertThat(registry.get("accord.golden.records").tag("entity", "user").gauge().value()).isZero();

        hazelcast.getMap(GoldenStore.DEALS).delete("d0");
        assertThat(registry.get("accord.golden.records").tag("entity", "deal").gauge().value()).isEqualTo(2);
    }
}
