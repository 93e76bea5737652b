package dev.accordhub.connectors.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accordhub.model.Deal;
import dev.accordhub.model.DealStage;
import dev.accordhub.model.Money;
import dev.accordhub.model.PartnerOrg;
import dev.accordhub.model.Tier;
import dev.accordhub.model.program.EntityMapping;
import dev.accordhub.model.program.MappingException;
import dev.accordhub.model.program.ProgramDefinition;
import dev.accordhub.model.program.ProgramRecordMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HubSpot reader and the program mapper on payloads recorded from the CRM v3 search API. */
class HubSpotMappingTest {

    static final ProgramDefinition VANTAGE = new ProgramDefinition("vantage", "Vantage", "hubspot", "USD", Map.of(),
            Map.of("partner", new EntityMapping("companies", null, Map.of("name", "name", "domain", "domain",
                            "country", "country", "tier", "partner_tier", "type", "partner_type")),
                    "deal", new EntityMapping("deals", null, Map.of("name", "dealname",
                            "partner", "partner_company_id", "customer", "customer_company_name", "amount", "amount",
                            "currency", "deal_currency_code", "stage", "dealstage", "closeDate", "closedate"))),
            Map.of("Bronze", "ENTRY", "Diamond", "PLATINUM"), Map.of("VAR", "RESELLER", "SI", "SI"),
            Map.of("closedwon", "CLOSED_WON"), Map.of(), Map.of());

    private final HubSpotRecordReader reader = new HubSpotRecordReader(new ObjectMapper());
    private final ProgramRecordMapper mapper = new ProgramRecordMapper(VANTAGE);

    @Test
    void readsResultsWithTheirModifiedStampAndTheAfterCursor() throws IOException {
        var results = reader.read(resource("companies-search.json"));

        assertThat(results.records()).hasSize(2);
        assertThat(results.after()).isEqualTo("2");
        assertThat(results.records().get(0).externalId()).isEqualTo("9012345601");
        assertThat(results.records().get(0).version()).isEqualTo(Instant.parse("2026-11-24T09:20:00Z"));
    }

    @Test
    void mapsACompanyOntoTheCanonicalTier() throws IOException {
        PartnerOrg org = mapper.toPartner(reader.read(resource("companies-search.json")).records().get(0));

        assertThat(org.tier()).isEqualTo(Tier.PLATINUM);
        assertThat(org.domain()).isEqualTo("northwind-traders.com");
        assertThat(org.sources().get(0).key(dev.accordhub.model.EntityType.PARTNER))
                .isEqualTo("vantage:partner:9012345601");
    }

    @Test
    void anUnknownTierGoesNowhereButIntoAnError() throws IOException {
        var record = reader.read(resource("companies-search.json")).records().get(1);

        assertThatThrownBy(() -> mapper.toPartner(record)).isInstanceOf(MappingException.class)
                .hasMessageContaining("partner_tier").hasMessageContaining("'Copper'");
    }

    @Test
    void mapsADealWithEpochMillisStampLowerCaseCurrencyAndDatetimeCloseDate() throws IOException {
        var record = reader.read(resource("deals-search.json")).records().get(0);
        Deal deal = mapper.toDeal(record);

        assertThat(record.version()).isEqualTo(Instant.ofEpochMilli(1764000000000L));
        assertThat(deal.amount()).isEqualTo(Money.of("48000.00", "GBP"));
        assertThat(deal.stage()).isEqualTo(DealStage.CLOSED_WON);
        assertThat(deal.closeDate()).isEqualTo(LocalDate.of(2027, 1, 15));
        assertThat(deal.partnerKey()).isEqualTo("vantage:partner:9012345601");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = HubSpotMappingTest.class.getResourceAsStream("/hubspot/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
