package dev.accordhub.hub.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accordhub.portal.security.CallerResolver;
import dev.accordhub.portal.security.PortalSecurityProperties;
import io.hawt.springboot.SpringHawtioContextListener;
import io.hawt.system.ConfigManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The Hawtio console at {@code /actuator/hawtio} (and the Jolokia endpoint it reads JMX through) for operators only,
 * signed in at the hub's own OIDC issuer: Hawtio's context listener is replaced by {@link
 * OperatorHawtioContextListener}, whose JAAS realm is {@link OperatorLoginModule}. A configuration that would switch
 * Hawtio's authentication off, and so open Jolokia to anyone, stops the hub at start-up.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HawtioConsoleProperties.class)
@ConditionalOnBooleanProperty(name = "hawtio.enabled", matchIfMissing = true)
public class HawtioConsoleConfiguration {

    @Bean
    OperatorSignIn operatorSignIn(PortalSecurityProperties security, HawtioConsoleProperties client,
            CallerResolver callers, ObjectMapper json, Environment environment) {
        requireAuthentication(environment);
        return new OperatorSignIn(security.issuerUri(), security.operatorScope(), client, callers, json);
    }

    /** Hawtio's authentication switched off would leave Jolokia, and so the JVM, open to anyone who can connect. */
    static void requireAuthentication(Environment environment) {
        for (String off : new String[] {"hawtio.authenticationEnabled", "hawtio.auth"}) {
            if ("false".equalsIgnoreCase(environment.getProperty(off, "true").trim())) {
                throw new IllegalStateException(off + "=false would open the Hawtio console and Jolokia to anyone; "
                        + "set hawtio.enabled=false to go without the console");
            }
        }
    }

    /** Puts the operator realm into the listener Hawtio's auto-configuration registers. */
    @Bean
    static BeanPostProcessor operatorHawtioRealm(ObjectProvider<OperatorSignIn> signIn,
            ObjectProvider<ConfigManager> hawtioConfig) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof ServletListenerRegistrationBean<?> registration
                        && registration.getListener() instanceof SpringHawtioContextListener hawtio
                        && !(hawtio instanceof OperatorHawtioContextListener)) {
                    @SuppressWarnings("unchecked")
                    var listeners = (ServletListenerRegistrationBean<SpringHawtioContextListener>) registration;
                    listeners.setListener(new OperatorHawtioContextListener(hawtioConfig.getObject(),
                            hawtio.servletPath, signIn.getObject()));
                }
                return bean;
            }
        };
    }
}
