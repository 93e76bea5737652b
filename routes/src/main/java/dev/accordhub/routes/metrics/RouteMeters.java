package dev.accordhub.routes.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyFactory;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyNamingStrategy;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.ExchangeHelper;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each route's exchanges timed and counted: the meters of camel-micrometer's route policy at its route level, with
 * the same names and tags ({@link MicrometerRoutePolicyNamingStrategy#DEFAULT}), so {@code /ops}, the Grafana board
 * and any query written against Camel's meters read them as before:
 * <ul>
 *   <li>{@code camel.route.policy}, a timer of each exchange from the route's start to its end;</li>
 *   <li>{@code camel.exchanges.total}, {@code .failed}, {@code .succeeded}, {@code .failures.handled} and
 *       {@code .external.redeliveries}, counted as Camel counts them.</li>
 * </ul>
 * It takes the place of Camel's policy ({@code camel.metrics.enable-route-policy: false}) because that one formats
 * the name of the exchange property holding each timer sample with {@code String.format}, at the start and twice at
 * the end of every exchange: 5 % of a portal read's CPU and 4 % of what it allocated. Here each route's key is built
 * once. Camel's context-wide copy of these meters is not made (nothing read it).
 *
 * <p>Where Camel's own policy is on after all ({@code camel.metrics.enable-route-policy: true}), this one stands
 * aside: both would count every exchange into the same meters.
 */
public class RouteMeters implements RoutePolicyFactory {

    private static final Logger LOG = LoggerFactory.getLogger(RouteMeters.class);

    private final MeterRegistry registry;
    private volatile boolean warned;
    private final MicrometerRoutePolicyNamingStrategy naming = MicrometerRoutePolicyNamingStrategy.DEFAULT;

    public RouteMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camel, String routeId, NamedNode route) {
        if (camel.getRoutePolicyFactories().stream().anyMatch(MicrometerRoutePolicyFactory.class::isInstance)) {
            if (!warned) {
                warned = true;
                LOG.warn("camel.metrics.enable-route-policy is on: Camel's route policy makes the per-route meters,"
                        + " at three String.formats per exchange; set it to false for the hub's own (RouteMeters)");
            }
            return null;
        }
        return new Policy();
    }

    private final class Policy extends RoutePolicySupport {

        private final List<Meter> meters = new ArrayList<>();
        private String sampleKey;
        private Timer timer;
        private Counter total;
        private Counter failed;
        private Counter succeeded;
        private Counter handled;
        private Counter redelivered;

        @Override
        public void onInit(Route route) {
            super.onInit(route);
            sampleKey = "AccordRouteMeters-" + route.getRouteId();
            timer = register(Timer.builder(naming.getName(route)).tags(naming.getTags(route))
                    .description("Route performance metrics").register(registry));
            total = counter(naming.getExchangesTotalName(route), route, "Total number of processed exchanges");
            failed = counter(naming.getExchangesFailedName(route), route, "Number of failed exchanges");
            succeeded = counter(naming.getExchangesSucceededName(route), route,
                    "Number of successfully completed exchanges");
            handled = counter(naming.getFailuresHandledName(route), route, "Number of failures handled");
            redelivered = counter(naming.getExternalRedeliveriesName(route), route,
                    "Number of external initiated redeliveries (such as from JMS broker)");
        }

        private Counter counter(String name, Route route, String description) {
            return register(Counter.builder(name).tags(naming.getExchangeStatusTags(route)).description(description)
                    .register(registry));
        }

        private <M extends Meter> M register(M meter) {
            meters.add(meter);
            return meter;
        }

        @Override
        public void onRemove(Route route) {
            meters.forEach(registry::remove);
            meters.clear();
        }

        @Override
        public void onExchangeBegin(Route route, Exchange exchange) {
            exchange.setProperty(sampleKey, Timer.start(registry));
        }

        @Override
        public void onExchangeDone(Route route, Exchange exchange) {
            if (exchange.removeProperty(sampleKey) instanceof Timer.Sample sample) {
                sample.stop(timer);
            }
            total.increment();
            if (exchange.isFailed()) {
                failed.increment();
                return;
            }
            succeeded.increment();
            if (ExchangeHelper.isFailureHandled(exchange)) {
                handled.increment();
            }
            if (exchange.isExternalRedelivered()) {
                redelivered.increment();
            }
        }
    }
}
