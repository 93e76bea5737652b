package dev.accordhub.hub.infra;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default profile's in-process Kafka broker (KRaft), data under {@code ${accord.data-dir}/kafka}. Artemis and
 * Hazelcast are embedded by Spring Boot's own auto-configuration (spring.artemis.mode=embedded, hazelcast.yaml).
 * Off with {@code accord.embedded.enabled=false}, as in the production profile.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "accord.embedded.enabled", havingValue = "true", matchIfMissing = true)
public class EmbeddedInfrastructureConfiguration {

    static final String BROKER_BEAN = "embeddedKafkaBroker";

    @Bean(name = BROKER_BEAN, initMethod = "start", destroyMethod = "close")
    EmbeddedKafkaBroker embeddedKafkaBroker(@Value("${accord.data-dir}") Path dataDir,
            @Value("${accord.embedded.kafka.port}") int port,
            @Value("${accord.embedded.kafka.controller-port}") int controllerPort) {
        // A crashed predecessor's broker registration blocks a restart until its session times out: keep it short.
        return new EmbeddedKafkaBroker(dataDir.resolve("kafka"), port, controllerPort, Map.of(
                "broker.session.timeout.ms", "3000",
                "broker.heartbeat.interval.ms", "1000",
                "offsets.topic.num.partitions", "5"));
    }

    /** Everything that talks to Kafka at start-up waits for the embedded broker. */
    @Bean
    static BeanFactoryPostProcessor kafkaClientsWaitForEmbeddedBroker() {
        return factory -> {
            for (String name : new String[] {"kafkaBootstrap"}) {
                if (factory.containsBeanDefinition(name)) {
                    BeanDefinition definition = factory.getBeanDefinition(name);
                    definition.setDependsOn(BROKER_BEAN);
                }
            }
        };
    }
}
