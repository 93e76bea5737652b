package dev.accordhub.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import dev.accordhub.routes.consolidate.LineageService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class PortalApiConfiguration {

    @Bean
    PortalQueries portalQueries(HazelcastInstance hazelcast, ObjectMapper json, LineageService lineageService) {
        return new PortalQueries(hazelcast, json, lineageService);
    }

    @Bean
    PortalApiRoutes portalApiRoutes(PortalQueries portalQueries) {
        return new PortalApiRoutes(portalQueries);
    }
}
