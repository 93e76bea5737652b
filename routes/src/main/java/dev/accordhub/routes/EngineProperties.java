package dev.accordhub.routes;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The engine's settings under {@code accord.*}.
 *
 * @param programsDir where the program files are ({@code config/programs} relative to the working directory)
 * @param kafka       topic layout of the hub's own topics
 */
@ConfigurationProperties("accord")
public record EngineProperties(Path programsDir, Kafka kafka) {

    public EngineProperties {
        programsDir = programsDir == null ? Path.of("config/programs") : programsDir;
        kafka = kafka == null ? new Kafka(3, (short) 1, 14L * 24 * 3600 * 1000) : kafka;
    }

    public record Kafka(int partitions, short replicationFactor, long deadLetterRetentionMs) {
    }
}
