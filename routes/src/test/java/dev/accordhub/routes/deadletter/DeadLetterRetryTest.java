package dev.accordhub.routes.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accordhub.model.DeadLetter;
import dev.accordhub.model.program.EntityMapping;
import dev.accordhub.model.program.MappingException;
import dev.accordhub.model.program.ProgramDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadLetterRetryTest {

    static final String RAW_ACCOUNT = """
            {"attributes":{"type":"Account"},"Id":"001X","SystemModstamp":"2026-11-24T10:00:00.000+0000",
             "IsDeleted":false,"Name":"Tier Nobody Knew Ltd","Partner_Tier__c":"Titanium"}""";

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    private static ProgramDefinition helios(Map<String, String> tiers) {
        return new ProgramDefinition("helios", "Helios", "salesforce", "USD", Map.of(), Map.of("partner",
                new EntityMapping("Account", null, Map.of("name", "Name", "tier", "Partner_Tier__c"))), tiers,
                Map.of(), Map.of(), Map.of(), Map.of());
    }

    private static DeadLetter ingestLetter() {
        return new DeadLetter("dl-1", "ingest.salesforce", "helios:partner", "helios:partner:001X",
                "tier 'Titanium' unknown", RAW_ACCOUNT, Instant.parse("2026-11-24T10:00:01Z"));
    }

    @Test
    void anIngestLetterMapsAgainWithTheProgramsCurrentConfiguration() throws Exception {
        DeadLetterRetry retry = new DeadLetterRetry(List.of(helios(Map.of("Titanium", "PLATINUM"))), json);

        DeadLetterRetry.Republish republish = retry.plan(ingestLetter());

        assertThat(republish.topic()).isEqualTo("accord.ingest.partner");
        assertThat(republish.key()).isEqualTo("helios:partner:001X");
        JsonNode event = json.readTree(republish.value());
        assertThat(event.path("type").asText()).isEqualTo("dev.accordhub.partner.upserted");
        assertThat(event.path("data").path("tier").asText()).isEqualTo("PLATINUM");
        assertThat(event.path("data").path("name").asText()).isEqualTo("Tier Nobody Knew Ltd");
    }

    @Test
    void aLetterThatStillCannotBeMappedIsRefusedWithTheReason() {
        DeadLetterRetry retry = new DeadLetterRetry(List.of(helios(Map.of("Premier", "GOLD"))), json);

        assertThatThrownBy(() -> retry.plan(ingestLetter())).isInstanceOf(MappingException.class)
                .hasMessageContaining("'Titanium'");
    }

    @Test
    void aConsolidationLetterGoesBackOnItsTopicUntouched() throws Exception {
        DeadLetter letter = new DeadLetter("dl-2", "consolidate", "accord.ingest.deal", "helios:deal:006X",
                "boom", "{\"id\":\"x\"}", Instant.parse("2026-11-24T10:00:01Z"));

        DeadLetterRetry.Republish republish = new DeadLetterRetry(List.of(), json).plan(letter);

        assertThat(republish).isEqualTo(new DeadLetterRetry.Republish("accord.ingest.deal", "helios:deal:006X",
                "{\"id\":\"x\"}"));
    }
}
