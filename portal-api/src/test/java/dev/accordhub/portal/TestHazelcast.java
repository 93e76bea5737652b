package dev.accordhub.portal;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/** A real Hazelcast member of its own for one test class: its own cluster name, loopback only, no discovery. */
public final class TestHazelcast {

    private TestHazelcast() {
    }

    public static HazelcastInstance start(String name) {
        Config config = new Config().setClusterName(name + "-" + System.nanoTime());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        return Hazelcast.newHazelcastInstance(config);
    }
}
