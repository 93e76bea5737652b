package dev.accordhub.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import dev.accordhub.portal.ops.DeadLetterOperations;
import dev.accordhub.portal.ops.IdentityOperations;
import dev.accordhub.routes.deadletter.DeadLetterService;
import dev.accordhub.routes.consolidate.LineageService;
import dev.accordhub.routes.consolidate.identity.StewardshipStore;
import java.time.Clock;
import org.apache.camel.CamelContext;
import dev.accordhub.model.program.ProgramDefinition;
import dev.accordhub.portal.access.PermissionProperties;
import dev.accordhub.portal.access.PortalModules;
import dev.accordhub.portal.deals.DealRegistrations;
import dev.accordhub.portal.incentives.MdfPortal;
import dev.accordhub.portal.security.CallerResolver;
import dev.accordhub.routes.consolidate.GoldenStore;
import dev.accordhub.routes.registration.RegistrationProperties;
import java.util.List;
import dev.accordhub.portal.security.JwtValidator;
import dev.accordhub.portal.security.PortalSecurityProperties;
import dev.accordhub.portal.common.PortalHttpBinding;
import dev.accordhub.portal.common.PortalServlet;
import dev.accordhub.portal.common.ProblemErrorsFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PortalSecurityProperties.class, PermissionProperties.class})
public class PortalApiConfiguration {

    /** The bean name of the portal's {@link PortalHttpBinding}, which its REST endpoints refer to. */
    public static final String HTTP_BINDING = "portalHttpBinding";

    @Bean
    PortalQueries portalQueries(HazelcastInstance hazelcast, ObjectMapper json, LineageService lineageService) {
        return new PortalQueries(hazelcast, json, lineageService);
    }

    @Bean
    IdentityOperations identityOperations(HazelcastInstance hazelcast, StewardshipStore stewardship,
            CamelContext camel, ObjectMapper json) {
        return new IdentityOperations(hazelcast, stewardship, camel.createProducerTemplate(), json,
                Clock.systemUTC());
    }

    @Bean
    DeadLetterOperations deadLetterOperations(DeadLetterService deadLetterService, ObjectMapper json) {
        return new DeadLetterOperations(deadLetterService, json);
    }

    @Bean
    CallerResolver callerResolver(PortalSecurityProperties security, PermissionProperties permissions,
            HazelcastInstance hazelcast, GoldenStore store, ObjectMapper json) {
        JwtValidator validator = new JwtValidator(security.issuerUri(), security.audience(), json, Clock.systemUTC());
        return new CallerResolver(validator, security, permissions.defaultRoles(), hazelcast, json,
                store.identityChanges());
    }

    /** The portal API's servlet at /api/v1/*, in place of the Camel starter's (camel.servlet.mapping.enabled=false). */
    @Bean
    ServletRegistrationBean<PortalServlet> portalServlet() {
        ServletRegistrationBean<PortalServlet> registration = new ServletRegistrationBean<>(new PortalServlet(),
                PortalServlet.BASE + "/*");
        registration.setName(PortalServlet.NAME);
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean(HTTP_BINDING)
    PortalHttpBinding portalHttpBinding() {
        return new PortalHttpBinding();
    }

    /** Problem details for the requests under /api/v1 that no route takes (see {@link ProblemErrorsFilter}). */
    @Bean
    FilterRegistrationBean<ProblemErrorsFilter> portalProblemErrors() {
        FilterRegistrationBean<ProblemErrorsFilter> registration = new FilterRegistrationBean<>(
                new ProblemErrorsFilter());
        registration.addUrlPatterns(PortalServlet.BASE + "/*");
        return registration;
    }

    @Bean
    PortalModules portalModules(PermissionProperties permissions) {
        return new PortalModules(permissions);
    }

    @Bean
    PortalApiRoutes portalApiRoutes(PortalQueries portalQueries, IdentityOperations identityOperations,
            DeadLetterOperations deadLetterOperations, DealRegistrations dealRegistrations, MdfPortal mdfPortal,
            dev.accordhub.routes.incentive.AlertStore alertStore, CallerResolver callerResolver,
            PortalModules portalModules, PortalSecurityProperties security,
            dev.accordhub.routes.reconcile.ReconciliationService reconciliation, ObjectMapper json) {
        return new PortalApiRoutes(portalQueries, identityOperations, deadLetterOperations, dealRegistrations,
                mdfPortal, alertStore, callerResolver, portalModules, security.operatorScope(),
                new dev.accordhub.portal.ops.ReconciliationOperations(reconciliation, json));
    }

    @Bean
    MdfPortal mdfPortal(dev.accordhub.routes.incentive.IncentiveStore incentives, GoldenStore store,
            List<ProgramDefinition> programs, dev.accordhub.routes.incentive.IncentiveProperties properties,
            jakarta.jms.ConnectionFactory connectionFactory, ObjectMapper json) {
        return new MdfPortal(incentives, store, new dev.accordhub.portal.common.CommandQueues(connectionFactory),
                programs, properties.reportingCurrency(), json, Clock.systemUTC());
    }

    @Bean
    DealRegistrations dealRegistrations(GoldenStore store, HazelcastInstance hazelcast,
            List<ProgramDefinition> programs, RegistrationProperties properties, PortalQueries portalQueries,
            jakarta.jms.ConnectionFactory connectionFactory, ObjectMapper json) {
        return new DealRegistrations(store, hazelcast, programs, properties, portalQueries,
                new dev.accordhub.portal.deals.RegistrationQueues(new dev.accordhub.portal.common.CommandQueues(connectionFactory)), json, Clock.systemUTC());
    }
}
