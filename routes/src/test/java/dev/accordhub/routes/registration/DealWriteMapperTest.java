package dev.accordhub.routes.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accordhub.model.Deal;
import dev.accordhub.model.program.EntityMapping;
import dev.accordhub.model.program.MappingException;
import dev.accordhub.model.program.ProgramDefinition;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DealWriteMapperTest {

    static final Map<String, String> FIELDS = Map.of("name", "Name", "partner", "PartnerAccountId",
            "customer", "End_Customer__c", "amount", "Amount", "currency", "CurrencyIsoCode", "stage", "StageName",
            "closeDate", "CloseDate", "registrationId", "Accord_Registration_Id__c",
            "registrationStatus", "Registration_Status__c", "customerDomain", "Customer_Domain__c");

    @Test
    void theProgramsOwnFieldsAndNamesAreWritten() {
        ProgramDefinition helios = program(FIELDS);
        Deal deal = RegistrationHandlerTest.registration("reg-1", "helios:partner:001A", "northwind.example",
                "Northwind GmbH", Instant.parse("2026-11-25T10:00:00Z"));

        Map<String, Object> fields = DealWriteMapper.fields(helios, deal);

        assertThat(fields).containsEntry("Name", "Opportunity reg-1").containsEntry("PartnerAccountId", "001A")
                .containsEntry("End_Customer__c", "Northwind GmbH").containsEntry("StageName", "Prospecting")
                .containsEntry("Registration_Status__c", "Submitted").containsEntry("CurrencyIsoCode", "EUR")
                .containsEntry("Accord_Registration_Id__c", "reg-1")
                .containsEntry("CloseDate", LocalDate.of(2027, 3, 1))
                .containsEntry("Customer_Domain__c", "northwind.example");
        assertThat((BigDecimal) fields.get("Amount")).isEqualByComparingTo("1000");
    }

    @Test
    void aProgramWithoutARegistrationIdFieldTakesNoRegistrations() {
        Map<String, String> noId = new java.util.HashMap<>(FIELDS);
        noId.remove("registrationId");
        Deal deal = RegistrationHandlerTest.registration("reg-1", "helios:partner:001A", null, "N",
                Instant.parse("2026-11-25T10:00:00Z"));

        assertThatThrownBy(() -> DealWriteMapper.fields(program(noId), deal)).isInstanceOf(MappingException.class)
                .hasMessageContaining("registrationId");
    }

    private static ProgramDefinition program(Map<String, String> dealFields) {
        return new ProgramDefinition("helios", "Helios", "salesforce", "USD", Map.of(),
                Map.of("deal", new EntityMapping("Opportunity", null, dealFields)), Map.of(), Map.of(),
                Map.of("Prospecting", "PROSPECTING", "Closed Won", "CLOSED_WON"), Map.of(), Map.of(),
                Map.of("Submitted", "SUBMITTED", "Approved", "APPROVED", "Rejected", "REJECTED"));
    }
}
