package dev.accordhub.routes.health;

import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/** UP when the hub's Kafka answers a cluster description within two seconds. */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements AutoCloseable {

    private final Admin admin;

    public KafkaHealthIndicator(String bootstrapServers) {
        super("Kafka health check failed");
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000");
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "accord-health");
        this.admin = Admin.create(props);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000));
        builder.up()
                .withDetail("clusterId", cluster.clusterId().get(2, TimeUnit.SECONDS))
                .withDetail("nodes", cluster.nodes().get(2, TimeUnit.SECONDS).size());
    }

    @Override
    public void close() {
        admin.close();
    }
}
