package dev.accordhub.hub.console;

import io.hawt.web.auth.AuthenticationFilter;
import org.jolokia.support.spring.actuator.JolokiaWebEndpoint;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.stereotype.Component;

/**
 * Stops the hub at start-up when the Jolokia endpoint would be served without Hawtio's authentication filter in
 * front of it: say, {@code hawtio.enabled=false} while {@code jolokia} is still in
 * {@code management.endpoints.web.exposure.include}. Jolokia reads and invokes any MBean of the JVM.
 */
@Component
class JolokiaGuard implements SmartInitializingSingleton {

    private final ListableBeanFactory beans;

    JolokiaGuard(ListableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public void afterSingletonsInstantiated() {
        check(beans);
    }

    static void check(ListableBeanFactory beans) {
        if (beans.getBeansOfType(JolokiaWebEndpoint.class).isEmpty()) {
            return;
        }
        boolean guarded = false;
        for (FilterRegistrationBean<?> registration : beans.getBeansOfType(FilterRegistrationBean.class).values()) {
            guarded |= registration.getFilter() instanceof AuthenticationFilter
                    && registration.getUrlPatterns().stream().anyMatch(pattern -> pattern.contains("jolokia"));
        }
        if (!guarded) {
            throw new IllegalStateException("The Jolokia endpoint is exposed without the Hawtio console's login in "
                    + "front of it: remove jolokia from management.endpoints.web.exposure.include, or leave "
                    + "hawtio.enabled on");
        }
    }
}
