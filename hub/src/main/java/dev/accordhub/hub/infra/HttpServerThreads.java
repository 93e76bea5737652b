package dev.accordhub.hub.infra;

import org.apache.coyote.AbstractProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tomcat's request threads: {@value #PER_CORE} per core (at least {@value #MINIMUM}) instead of Tomcat's 200,
 * unless {@code server.tomcat.threads.max} says otherwise.
 *
 * <p>The hub's requests are portal reads of the in-memory grid and writes handed to a local broker: CPU, with short
 * waits. With one thread per open connection (32 under the read benchmark, on two cores), the threads took turns
 * on the CPU with each other and with everything else the hub runs, and a request waited for its turn: in
 * alternating {@code ApiReadBench} runs, 8 threads gave the partner read a p99 of 4.0 ms against 4.8–5.6 ms with
 * 200, and 10 % less CPU per request. Requests beyond the threads wait in Tomcat's queue, in order.
 */
@Component
public class HttpServerThreads implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    static final String PROPERTY = "server.tomcat.threads.max";
    static final int PER_CORE = 4;
    static final int MINIMUM = 8;

    private static final Logger LOG = LoggerFactory.getLogger(HttpServerThreads.class);

    private final Environment environment;
    private final int cores;

    @Autowired
    public HttpServerThreads(Environment environment) {
        this(environment, Runtime.getRuntime().availableProcessors());
    }

    HttpServerThreads(Environment environment, int cores) {
        this.environment = environment;
        this.cores = cores;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (environment.containsProperty(PROPERTY)) {
            return;
        }
        int threads = Math.max(MINIMUM, PER_CORE * cores);
        factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
                protocol.setMaxThreads(threads);
                protocol.setMinSpareThreads(Math.min(protocol.getMinSpareThreads(), threads));
            }
        });
        LOG.info("HTTP server: {} request threads ({} a core; {} sets another number)", threads, PER_CORE, PROPERTY);
    }

    /** After Spring Boot's own Tomcat settings, so its default of 200 does not win. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
