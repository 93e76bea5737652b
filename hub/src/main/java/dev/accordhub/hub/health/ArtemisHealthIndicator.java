package dev.accordhub.hub.health;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** UP when the Artemis broker accepts a JMS connection. */
@Component("artemisHealthIndicator")
public class ArtemisHealthIndicator extends AbstractHealthIndicator {

    private final ConnectionFactory connectionFactory;

    public ArtemisHealthIndicator(ConnectionFactory connectionFactory) {
        super("Artemis health check failed");
        this.connectionFactory = connectionFactory;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        try (Connection connection = connectionFactory.createConnection()) {
            connection.start();
            builder.up().withDetail("provider", connection.getMetaData().getJMSProviderName())
                    .withDetail("version", connection.getMetaData().getProviderVersion());
        }
    }
}
