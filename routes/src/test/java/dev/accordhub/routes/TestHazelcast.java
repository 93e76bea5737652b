package dev.accordhub.routes;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.accordhub.routes.consolidate.DealAttributes;

/**
 * A real, standalone Hazelcast member for tests: loopback only, no discovery, no phone-home, its own cluster, and the
 * golden deals' query attributes the hub declares.
 */
public final class TestHazelcast {

    private TestHazelcast() {
    }

    public static HazelcastInstance start(String name) {
        return Hazelcast.newHazelcastInstance(config(name));
    }

    /** The configuration {@link #start} uses, for a test to add to. */
    public static Config config(String name) {
        Config config = new Config().setClusterName(name + "-" + System.nanoTime());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        DealAttributes.declare(config);
        return config;
    }
}
