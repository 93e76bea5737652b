package dev.accordhub.hub.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.mock.env.MockEnvironment;

class HttpServerThreadsTest {

    @Test
    void fourThreadsACoreAndNoFewerThanEight() {
        assertThat(maxThreads(new MockEnvironment(), 2)).isEqualTo(8);
        assertThat(maxThreads(new MockEnvironment(), 1)).isEqualTo(8);
        assertThat(maxThreads(new MockEnvironment(), 16)).isEqualTo(64);
    }

    @Test
    void anExplicitSettingIsLeftAsItIs() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.tomcat.threads.max", "50");

        assertThat(maxThreads(environment, 2)).as("Tomcat's own default, for Spring Boot to set").isEqualTo(200);
    }

    @Test
    void spareThreadsNeverOutnumberTheMaximum() {
        assertThat(protocol(new MockEnvironment(), 1).getMinSpareThreads()).isLessThanOrEqualTo(8);
    }

    private static int maxThreads(MockEnvironment environment, int cores) {
        return protocol(environment, cores).getMaxThreads();
    }

    private static AbstractProtocol<?> protocol(MockEnvironment environment, int cores) {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        new HttpServerThreads(environment, cores).customize(factory);
        Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        factory.getTomcatConnectorCustomizers().forEach(customizer -> customizer.customize(connector));
        return (AbstractProtocol<?>) connector.getProtocolHandler();
    }
}
