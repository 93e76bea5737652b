package dev.accordhub.model.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accordhub.model.Deal;
import dev.accordhub.model.Money;
import dev.accordhub.model.PartnerOrg;
import dev.accordhub.model.PartnerType;
import dev.accordhub.model.source.SourceRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Transforms, territory and vertical maps, identity keys: a program written the way a German ERP-fed CRM writes. */
class ProgramRecordMapperTest {

    static final ProgramDefinition ORBIT = new ProgramDefinition("orbit", "Orbit", "salesforce", "EUR", Map.of(),
            Map.of("partner", new EntityMapping("Account", null, Map.of("name", "Name", "tier", "Level__c",
                            "type", "Kind__c", "country", "Land__c", "territory", "Land__c", "vertical", "Branche__c",
                            "taxId", "USt_IdNr__c", "duns", "DUNS__c", "city", "Ort__c", "postalCode", "PLZ__c"),
                            Map.of("country", new FieldTransform(null, Map.of("Deutschland", "DE", "Österreich", "AT"),
                                            "upper", null, null, null),
                                    "territory", new FieldTransform(null, Map.of("Deutschland", "DE",
                                            "Österreich", "AT"), "upper", null, null, null),
                                    "type", new FieldTransform(null, Map.of(), null, null, null, "Händler"),
                                    "name", new FieldTransform(true, Map.of(), null, null, null, null))),
                    "deal", new EntityMapping("Opportunity", null, Map.of("name", "Name", "partner", "Partner__c",
                            "stage", "Stage", "amount", "Betrag__c", "closeDate", "Abschluss__c"),
                            Map.of("amount", new FieldTransform(null, Map.of(), null, null, ",", null),
                                    "closeDate", new FieldTransform(null, Map.of(), null, "dd.MM.yyyy", null, null)))),
            Map.of("Gold", "GOLD"), Map.of("Händler", "RESELLER"), Map.of("Offen", "PROSPECTING"),
            Map.of("DE", "DACH", "AT", "DACH", "US", "NA"), Map.of("Gesundheit", "HEALTHCARE"));

    private final ProgramRecordMapper mapper = new ProgramRecordMapper(ORBIT);

    @Test
    void lookupsCaseAndDefaultsCleanValuesBeforeTheyAreMapped() {
        PartnerOrg org = mapper.toPartner(record(Map.of("Name", "  Müller   Systemhaus GmbH ", "Level__c", "Gold",
                "Land__c", "deutschland", "Branche__c", "Gesundheit", "USt_IdNr__c", "de 123.456.789",
                "DUNS__c", "31-304-4231", "Ort__c", " Köln ", "PLZ__c", "50667")));

        assertThat(org.name()).isEqualTo("Müller Systemhaus GmbH");
        assertThat(org.country()).isEqualTo("DE");
        assertThat(org.territory()).isEqualTo("DACH");
        assertThat(org.vertical()).isEqualTo("HEALTHCARE");
        assertThat(org.type()).as("default when empty").isEqualTo(PartnerType.RESELLER);
        assertThat(org.taxId()).isEqualTo("DE123456789");
        assertThat(org.duns()).isEqualTo("313044231");
        assertThat(org.city()).isEqualTo("Köln");
        assertThat(org.postalCode()).isEqualTo("50667");
    }

    @Test
    void anUnknownTerritoryOrABadDunsIsRefusedWithTheField() {
        assertThatThrownBy(() -> mapper.toPartner(record(Map.of("Name", "X", "Level__c", "Gold",
                "Land__c", "Schweiz")))).isInstanceOf(MappingException.class)
                .hasMessageContaining("Land__c (territory)").hasMessageContaining("'SCHWEIZ'");
        assertThatThrownBy(() -> mapper.toPartner(record(Map.of("Name", "X", "Level__c", "Gold", "DUNS__c", "12-34"))))
                .isInstanceOf(MappingException.class).hasMessageContaining("9-digit DUNS");
    }

    @Test
    void amountsAndDatesAreReadInTheSourcesOwnFormat() {
        Deal deal = mapper.toDeal(record(Map.of("Name", "Klinikum Nord", "Partner__c", "001", "Stage", "Offen",
                "Betrag__c", "1.234.567,89", "Abschluss__c", "31.12.2026")));

        assertThat(deal.amount()).isEqualTo(Money.of("1234567.89", "EUR"));
        assertThat(deal.closeDate()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    private static SourceRecord record(Map<String, Object> fields) {
        return new SourceRecord("001X", Instant.parse("2026-11-24T10:00:00Z"), false, new HashMap<>(fields), "{}");
    }
}
