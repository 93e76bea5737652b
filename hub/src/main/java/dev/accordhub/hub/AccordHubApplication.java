package dev.accordhub.hub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Accord hub. In the default profile it brings its own Kafka, Artemis, Hazelcast and sandbox CRMs. */
@SpringBootApplication(scanBasePackages = "dev.accordhub")
public class AccordHubApplication {

    public static void main(String[] args) {
        SpringApplication.run(AccordHubApplication.class, args);
    }
}
