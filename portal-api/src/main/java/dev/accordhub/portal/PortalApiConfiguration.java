package dev.accordhub.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class PortalApiConfiguration {

    @Bean
    PortalQueries portalQueries(HazelcastInstance hazelcast, ObjectMapper json) {
        return new PortalQueries(hazelcast, json);
    }

    @Bean
    PortalApiRoutes portalApiRoutes(PortalQueries portalQueries) {
        return new PortalApiRoutes(portalQueries);
    }
}
