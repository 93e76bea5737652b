package dev.accordhub.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeEventTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void sameSourceVersionGivesTheSameEventId() {
        SourceRef ref = new SourceRef("salesforce", "helios", "001A", Instant.parse("2026-11-25T10:00:00Z"));
        var first = ChangeEvent.upserted(EntityType.PARTNER, ref, "x");
        var again = ChangeEvent.upserted(EntityType.PARTNER, ref, "y");
        assertThat(first.id()).isEqualTo(again.id());
        assertThat(first.subject()).isEqualTo("helios:partner:001A");
        assertThat(first.type()).isEqualTo("dev.accordhub.partner.upserted");
    }

    @Test
    void roundTripsThroughJsonAsACloudEvent() throws Exception {
        SourceRef ref = new SourceRef("hubspot", "vantage", "42", Instant.parse("2026-11-25T10:00:00Z"));
        PartnerOrg org = new PartnerOrg(null, "Acme", "acme.com", "US", null, null, Tier.GOLD, PartnerType.SI, "NA", null,
                null, null, PartnerStatus.ACTIVE, ref.version(), List.of(ref));
        String text = json.writeValueAsString(ChangeEvent.upserted(EntityType.PARTNER, ref, org));

        assertThat(text).contains("\"specversion\":\"1.0\"", "\"time\":\"2026-11-25T10:00:00Z\"");
        ChangeEvent<PartnerOrg> back = json.readValue(text, new TypeReference<>() { });
        assertThat(back.data()).isEqualTo(org);
    }
}
