package dev.accordhub.routes.deadletter;

import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * The shared error handling of the engine's routes: a few quick retries, then the original message goes to the
 * dead letter topic with the reason, and the route moves on to the next message.
 */
public class ErrorHandlingConfiguration extends RouteConfigurationBuilder {

    public static final String ID = "accord-error-handling";

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(Exception.class)
                .maximumRedeliveries(3).redeliveryDelay(100).useExponentialBackOff().backOffMultiplier(2)
                .retryAttemptedLogLevel(org.apache.camel.LoggingLevel.WARN)
                .handled(true)
                .useOriginalMessage()
                .to(DeadLetterRoute.ENDPOINT);
    }
}
