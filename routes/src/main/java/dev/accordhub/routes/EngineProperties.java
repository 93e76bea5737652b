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
public record EngineProperties(String programsDir, Kafka kafka) {

    public EngineProperties {
        programsDir = programsDir == null ? "config/programs" : programsDir;
        kafka = kafka == null ? new Kafka(3, (short) 1, 14L * 24 * 3600 * 1000) : kafka;
    }

    /** Kept as text: Spring's own String-to-Path conversion treats it as a resource and rejects {@code ../}. */
    public Path programsPath() {
        return Path.of(programsDir);
    }

    public record Kafka(int partitions, short replicationFactor, long deadLetterRetentionMs) {
    }
}
