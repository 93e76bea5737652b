package dev.accordhub.portal.scim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import dev.accordhub.connectors.scim.ScimConfig;
import dev.accordhub.connectors.scim.ScimCoreSchemas;
import dev.accordhub.connectors.scim.ScimService;
import dev.accordhub.model.program.ProgramDefinition;
import dev.accordhub.routes.EngineConfiguration.KafkaBootstrap;
import dev.accordhub.routes.TopicReader;
import dev.accordhub.routes.consolidate.GoldenStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SCIM service provider: one protocol service per identity provider, over the grid, rebuilt from Kafka. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScimProperties.class)
public class ScimConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ScimConfiguration.class);

    @Bean
    ScimRoutes scimRoutes(ScimProperties properties, List<ProgramDefinition> programs, KafkaBootstrap kafka,
            HazelcastInstance hazelcast, GoldenStore store, CamelContext camel, ObjectMapper json) {
        var known = programs.stream().map(ProgramDefinition::id).toList();
        properties.identityProviders().forEach((name, idp) -> {
            if (!known.contains(idp.program())) {
                throw new IllegalArgumentException("accord.scim.identity-providers." + name + ".program: '"
                        + idp.program() + "' is not a configured program " + known);
            }
        });
        var resources = hazelcast.<String, String>getMap(HazelcastScimStore.MAP);
        long loaded = TopicReader.readAll(kafka.servers(), HazelcastScimStore.TOPIC, (key, value) -> {
            if (value == null) {
                resources.delete(key);
            } else {
                resources.set(key, value);
            }
        });
        LOG.info("SCIM resources of {} identity provider(s) rebuilt from Kafka: {} records",
                properties.identityProviders().size(), loaded);
        ScimConfig config = ScimConfig.defaults().withUserExtension(ScimCoreSchemas.ACCORD_USER_SCHEMA);
        Map<String, ScimService> services = new LinkedHashMap<>();
        properties.identityProviders().forEach((name, idp) -> {
            HazelcastScimStore idpStore = new HazelcastScimStore(name, hazelcast, camel.createProducerTemplate(),
                    json);
            services.put(name, new ScimService(idpStore, config, new ScimUserPublisher(idp.program(), store,
                    camel.createProducerTemplate(), json, Clock.systemUTC()).reading(idpStore)));
        });
        return new ScimRoutes(services, properties);
    }
}
