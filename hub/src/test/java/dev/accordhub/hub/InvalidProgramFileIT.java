package dev.accordhub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;

/** A mistake in a program file stops the hub at start-up, with the file and the field named. */
class InvalidProgramFileIT {

    @TempDir
    Path dir;

    @Test
    void theHubRefusesToStartAndSaysWhereTheMistakeIs() throws Exception {
        Path programs = Files.createDirectories(dir.resolve("programs"));
        Files.copy(Path.of("../config/programs/helios.yaml"), programs.resolve("helios.yaml"));
        Files.writeString(programs.resolve("orbit.yaml"), Files.readString(Path.of("../config/programs/nimbus.yaml"))
                .replace("id: nimbus", "id: orbit").replace("Strategic: PLATINUM", "Strategic: DIAMOND")
                .replace("      tier: Partner_Tier__c\n", ""));

        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(AccordHubApplication.class).run(
                "--server.port=0", "--accord.data-dir=" + dir.resolve("data"),
                "--accord.programs-dir=" + programs, "--accord.sandbox.enabled=false",
                "--accord.embedded.kafka.port=" + HubTestSupport.freePort(),
                "--accord.embedded.kafka.controller-port=" + HubTestSupport.freePort(),
                "--accord.sandbox.salesforce.url=http://127.0.0.1:1", "--accord.sandbox.hubspot.url=http://127.0.0.1:1",
                "--accord.sandbox.nimbus.url=http://127.0.0.1:1"));

        assertThat(failure).isNotNull();
        String message = NestedExceptionUtils.getMostSpecificCause(failure).getMessage();
        assertThat(message).contains("orbit.yaml is invalid")
                .contains("entities.partner.fields.tier: missing (required)")
                .contains("tiers.Strategic: 'DIAMOND' is not one of");
    }
}
