package dev.accordhub.hub.console;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hawt.web.auth.AuthenticationFilter;
import org.jolokia.support.spring.actuator.JolokiaWebEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

class JolokiaGuardTest {

    @Test
    void jolokiaWithoutHawtiosLoginStopsTheHub() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("jolokia", jolokia());

        assertThatThrownBy(() -> JolokiaGuard.check(beans)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("management.endpoints.web.exposure.include");
    }

    @Test
    void hawtiosLoginMustCoverTheJolokiaPath() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("jolokia", jolokia());
        FilterRegistrationBean<AuthenticationFilter> elsewhere = new FilterRegistrationBean<>(new AuthenticationFilter());
        elsewhere.addUrlPatterns("/actuator/hawtio/proxy/*");
        beans.addBean("elsewhere", elsewhere);

        assertThatThrownBy(() -> JolokiaGuard.check(beans)).isInstanceOf(IllegalStateException.class);

        FilterRegistrationBean<AuthenticationFilter> login = new FilterRegistrationBean<>(new AuthenticationFilter());
        login.addUrlPatterns("/actuator/jolokia/*");
        beans.addBean("login", login);
        assertThatCode(() -> JolokiaGuard.check(beans)).doesNotThrowAnyException();
    }

    @Test
    void noJolokiaNothingToGuard() {
        assertThatCode(() -> JolokiaGuard.check(new StaticListableBeanFactory())).doesNotThrowAnyException();
    }

    private static JolokiaWebEndpoint jolokia() {
        return new JolokiaWebEndpoint(new WebEndpointProperties(), () -> "");
    }
}
