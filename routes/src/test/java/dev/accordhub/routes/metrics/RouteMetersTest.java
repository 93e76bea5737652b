package dev.accordhub.routes.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyFactory;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.RoutePolicyFactory;
import org.junit.jupiter.api.Test;

/**
 * {@link RouteMeters} against camel-micrometer's own route policy at its route level: the same exchanges through
 * the same routes give the same meters, by name, tags and count.
 */
class RouteMetersTest {

    @Test
    void theMetersAreCamelsOwn() throws Exception {
        MeterRegistry camels = new SimpleMeterRegistry();
        MeterRegistry ours = new SimpleMeterRegistry();

        Map<String, Double> expected = run(camelsPolicy(camels), camels);
        Map<String, Double> actual = run(new RouteMeters(ours), ours);

        assertThat(actual).isEqualTo(expected);
        // Not a comparison of two empty maps: the runs below were counted.
        assertThat(actual).containsEntry("camel.exchanges.total{camelContext=accord,eventType=route,"
                        + "kind=CamelRoute,routeId=orders}", 4.0)
                .containsEntry("camel.exchanges.failed{camelContext=accord,eventType=route,kind=CamelRoute,"
                        + "routeId=orders}", 1.0)
                .containsEntry("camel.exchanges.failures.handled{camelContext=accord,eventType=route,"
                        + "kind=CamelRoute,routeId=orders}", 1.0);
    }

    @Test
    void withCamelsPolicyOnAsWellEachExchangeIsCountedOnce() throws Exception {
        MeterRegistry registry = new SimpleMeterRegistry();

        Map<String, Double> counts = run(List.of(camelsPolicy(registry), new RouteMeters(registry)), registry);

        assertThat(counts).containsEntry("camel.exchanges.total{camelContext=accord,eventType=route,"
                + "kind=CamelRoute,routeId=orders}", 4.0);
    }

    @Test
    void aRemovedRoutesMetersGoWithIt() throws Exception {
        MeterRegistry registry = new SimpleMeterRegistry();
        CamelContext camel = context(List.of(new RouteMeters(registry)));
        try {
            camel.createProducerTemplate().sendBody("direct:orders", "ok");
            assertThat(registry.find("camel.route.policy").tag("routeId", "orders").timer()).isNotNull();

            camel.getRouteController().stopRoute("orders");
            camel.removeRoute("orders");

            assertThat(registry.find("camel.route.policy").tag("routeId", "orders").timer()).isNull();
            assertThat(registry.find("camel.exchanges.total").tag("routeId", "orders").counter()).isNull();
            assertThat(registry.find("camel.exchanges.total").tag("routeId", "audit").counter()).isNotNull();
        } finally {
            camel.stop();
        }
    }

    /** Two succeeding, one failing and one handled failure through "orders"; the same four through "audit". */
    private static Map<String, Double> run(RoutePolicyFactory policy, MeterRegistry registry) throws Exception {
        return run(List.of(policy), registry);
    }

    private static Map<String, Double> run(List<RoutePolicyFactory> policies, MeterRegistry registry)
            throws Exception {
        CamelContext camel = context(policies);
        try {
            ProducerTemplate producer = camel.createProducerTemplate();
            producer.sendBody("direct:orders", "ok");
            producer.sendBody("direct:orders", "ok");
            producer.sendBody("direct:orders", "handled");
            assertThatThrownBy(() -> producer.requestBody("direct:orders", "fail"))
                    .hasRootCauseMessage("refused: fail");
            return counts(registry); // before the stop, which removes the routes' meters
        } finally {
            camel.stop();
        }
    }

    private static Map<String, Double> counts(MeterRegistry registry) {
        Map<String, Double> counts = new TreeMap<>();
        for (Meter meter : registry.getMeters()) {
            String id = meter.getId().getName() + meter.getId().getTags().toString()
                    .replace("tag(", "").replace(")", "").replace("[", "{").replace("]", "}").replace(" ", "");
            if (meter instanceof Timer timer) {
                counts.put(id, (double) timer.count());
            } else if (meter instanceof Counter counter) {
                counts.put(id, counter.count());
            }
        }
        return counts;
    }

    /** camel-micrometer's policy as the hub would run it: per route only. */
    private static MicrometerRoutePolicyFactory camelsPolicy(MeterRegistry registry) {
        MicrometerRoutePolicyFactory policy = new MicrometerRoutePolicyFactory();
        policy.setMeterRegistry(registry);
        policy.getPolicyConfiguration().setContextEnabled(false);
        return policy;
    }

    private static CamelContext context(List<RoutePolicyFactory> policies) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("accord");
        policies.forEach(camel::addRoutePolicyFactory);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(IllegalArgumentException.class).handled(true);
                from("direct:orders").routeId("orders").to("direct:audit").process(e -> {
                    String body = e.getMessage().getBody(String.class);
                    if (body.equals("handled")) {
                        throw new IllegalArgumentException("handled: " + body);
                    }
                    if (body.equals("fail")) {
                        throw new IllegalStateException("refused: " + body);
                    }
                });
                from("direct:audit").routeId("audit").log("audit ${body}");
            }
        });
        camel.start();
        return camel;
    }
}
