package dev.accordhub.routes.infra;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;

/**
 * A start-up step that needs Camel running (it reads Kafka, then starts routes that waited for it), such as
 * rebuilding Hazelcast from the compacted topics. A failure stops the hub with what was being done.
 */
public final class AfterCamelStart {

    @FunctionalInterface
    public interface Step {
        void run(CamelContext camel) throws Exception;
    }

    private AfterCamelStart() {
    }

    /** @param what what the step does, for the start-up error ("rebuild the golden model from Kafka") */
    public static CamelContextConfiguration of(String what, Step step) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                try {
                    step.run(camelContext);
                } catch (Exception e) {
                    throw new IllegalStateException("Could not " + what, e);
                }
            }
        };
    }
}
