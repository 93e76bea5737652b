package dev.accordhub.hub.infra;

import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded broker's settings for the hub's queues. The routes retry and dead-letter on their own; a message
 * the broker gets back (the hub stopped or crashed mid-write) must never be dropped after some number of
 * deliveries, as Artemis does by default without a dead-letter address, so redelivery is unbounded here, a second
 * apart. Message groups (one per deal) are hashed into a fixed number of buckets, so per-deal order holds
 * without the broker remembering every deal it ever saw.
 */
@Configuration(proxyBeanMethods = false)
public class ArtemisSettings {

    @Bean
    ArtemisConfigurationCustomizer accordAddressSettings() {
        return configuration -> configuration.addAddressSetting("accord.#", new AddressSettings()
                .setMaxDeliveryAttempts(-1)
                .setRedeliveryDelay(1000)
                .setDefaultGroupBuckets(64)
                .setAutoDeleteQueues(false)
                .setAutoDeleteAddresses(false));
    }
}
