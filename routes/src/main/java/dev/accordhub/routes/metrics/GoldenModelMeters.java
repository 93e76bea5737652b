package dev.accordhub.routes.metrics;

import com.hazelcast.core.HazelcastInstance;
import dev.accordhub.model.EntityType;
import dev.accordhub.routes.consolidate.GoldenStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * How many golden records the model holds, per entity ({@code accord_golden_records{entity="deal"}}): the size of
 * each Hazelcast map, read when scraped (a sum of partition counts, cheap even at millions of entries). Operators
 * see a backfill fill the model; the bench polls {@code /actuator/metrics/accord.golden.records} until it holds
 * every deal it produced.
 */
public class GoldenModelMeters implements MeterBinder {

    private final HazelcastInstance hazelcast;

    public GoldenModelMeters(HazelcastInstance hazelcast) {
        this.hazelcast = hazelcast;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (EntityType entity : EntityType.values()) {
            String map = switch (entity) {
                case PARTNER -> GoldenStore.PARTNERS;
                case USER -> GoldenStore.USERS;
                case DEAL -> GoldenStore.DEALS;
            };
            Gauge.builder("accord.golden.records", hazelcast, h -> h.getMap(map).size())
                    .tag("entity", entity.code())
                    .description("Golden records in the consolidated model").register(registry);
        }
    }
}
