package dev.accordhub.connectors.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accordhub.model.Deal;
import dev.accordhub.model.DealStage;
import dev.accordhub.model.Money;
import dev.accordhub.model.PartnerOrg;
import dev.accordhub.model.PartnerType;
import dev.accordhub.model.Tier;
import dev.accordhub.model.program.EntityMapping;
import dev.accordhub.model.program.MappingException;
import dev.accordhub.model.program.ProgramDefinition;
import dev.accordhub.model.program.ProgramRecordMapper;
import dev.accordhub.model.source.SourcePage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Salesforce reader and the program mapper on payloads recorded from the Salesforce REST query API. */
class SalesforceMappingTest {

    static final ProgramDefinition HELIOS = new ProgramDefinition("helios", "Helios", "salesforce", "USD", Map.of(),
            Map.of("partner", new EntityMapping("Account", "IsPartner = true", Map.of("name", "Name",
                            "domain", "Website", "country", "BillingCountry", "tier", "Partner_Tier__c",
                            "type", "Partner_Type__c")),
                    "deal", new EntityMapping("Opportunity", null, Map.of("name", "Name",
                            "partner", "PartnerAccountId", "customer", "End_Customer__c", "amount", "Amount",
                            "currency", "CurrencyIsoCode", "stage", "StageName", "closeDate", "CloseDate"))),
            Map.of("Authorized", "ENTRY", "Premier", "GOLD"), Map.of("System Integrator", "SI", "Reseller", "RESELLER"),
            Map.of("Negotiation/Review", "NEGOTIATION"), Map.of(), Map.of());

    private final SalesforceRecordReader reader = new SalesforceRecordReader(new ObjectMapper());
    private final ProgramRecordMapper mapper = new ProgramRecordMapper(HELIOS);

    @Test
    void readsRecordsAndTheNextPageUrl() throws IOException {
        SourcePage page = reader.read(resource("account-query-page1.json"));

        assertThat(page.records()).hasSize(3);
        assertThat(page.nextCursor()).isEqualTo("/services/data/v56.0/query/01gD0000002HU6KIAW-2000");
        assertThat(page.records().get(0).version()).isEqualTo(Instant.parse("2026-11-24T09:15:02Z"));
        assertThat(page.records().get(0).rawJson()).contains("Northwind Traders Inc.");
    }

    @Test
    void mapsAPartnerAccountWithTierAndTypeMapsAndANormalisedDomain() throws IOException {
        PartnerOrg org = mapper.toPartner(reader.read(resource("account-query-page1.json")).records().get(0));

        assertThat(org.name()).isEqualTo("Northwind Traders Inc.");
        assertThat(org.domain()).isEqualTo("northwind-traders.com");
        assertThat(org.country()).isEqualTo("US");
        assertThat(org.tier()).isEqualTo(Tier.GOLD);
        assertThat(org.type()).isEqualTo(PartnerType.SI);
        assertThat(org.sources()).singleElement().satisfies(ref -> {
            assertThat(ref.program()).isEqualTo("helios");
            assertThat(ref.system()).isEqualTo("salesforce");
            assertThat(ref.externalId()).isEqualTo("0015g00000ABCDEAA1");
        });
    }

    @Test
    void anUnknownTierNameIsRefusedWithTheFieldAndTheKnownNames() throws IOException {
        var record = reader.read(resource("account-query-page1.json")).records().get(1);

        assertThatThrownBy(() -> mapper.toPartner(record)).isInstanceOf(MappingException.class)
                .hasMessageContaining("Partner_Tier__c").hasMessageContaining("'Platinum Plus'")
                .hasMessageContaining("Premier");
    }

    @Test
    void aBlankRequiredNameIsRefused() throws IOException {
        var record = reader.read(resource("account-query-page1.json")).records().get(2);

        assertThatThrownBy(() -> mapper.toPartner(record)).isInstanceOf(MappingException.class)
                .hasMessageContaining("field Name (name) is missing");
    }

    @Test
    void mapsAnOpportunityWithMoneyStageAndPartnerReference() throws IOException {
        SourcePage page = reader.read(resource("opportunity-query.json"));
        Deal deal = mapper.toDeal(page.records().get(0));

        assertThat(page.hasMore()).isFalse();
        assertThat(deal.amount()).isEqualTo(Money.of("125000.50", "EUR"));
        assertThat(deal.stage()).isEqualTo(DealStage.NEGOTIATION);
        assertThat(deal.closeDate()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(deal.partnerKey()).isEqualTo("helios:partner:0015g00000ABCDEAA1");
        assertThat(deal.customerName()).isEqualTo("Contoso Ltd");
    }

    @Test
    void incrementalSoqlFiltersOnTheWatermarkAndOrdersStably() {
        String soql = SoqlBuilder.changedSince(HELIOS.entities().get("partner"), Instant.parse("2026-11-24T09:15:02Z"));

        assertThat(soql).startsWith("SELECT Id, SystemModstamp, IsDeleted, BillingCountry, Name, Partner_Tier__c")
                .contains("FROM Account WHERE SystemModstamp >= 2026-11-24T09:15:02.000Z AND IsPartner = true")
                .endsWith("ORDER BY SystemModstamp ASC, Id ASC");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SalesforceMappingTest.class.getResourceAsStream("/salesforce/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
