package dev.accordhub.routes.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accordhub.model.PartnerStatus;
import dev.accordhub.model.PartnerUser;
import dev.accordhub.model.SourceRef;
import dev.accordhub.model.program.EntityMapping;
import dev.accordhub.model.program.ProgramDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactWriteMapperTest {

    static final ProgramDefinition HELIOS = new ProgramDefinition("helios", "Helios", "salesforce", "USD", Map.of(),
            Map.of("user", new EntityMapping("Contact", null, Map.of("email", "Email", "firstName", "FirstName",
                    "lastName", "LastName", "partner", "AccountId", "portalStatus", "Partner_Portal_Status__c",
                    "portalRoles", "Partner_Portal_Roles__c"))), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    @Test
    void theIdentityProvidersViewBecomesTheContactsFields() {
        Map<String, Object> fields = ContactWriteMapper.fields(HELIOS, user("helios:partner:001A",
                PartnerStatus.INACTIVE, List.of("partner-admin", "partner-sales")));

        assertThat(fields).containsEntry("Email", "kim@northwind.example").containsEntry("FirstName", "Kim")
                .containsEntry("LastName", "Lee").containsEntry("AccountId", "001A")
                .containsEntry("Partner_Portal_Status__c", "Inactive")
                .containsEntry("Partner_Portal_Roles__c", "partner-admin,partner-sales")
                .doesNotContainKey("Title");
    }

    @Test
    void aCompanyOfAnotherProgramIsNotWrittenAsThisProgramsAccount() {
        assertThat(ContactWriteMapper.fields(HELIOS, user("vantage:partner:77", PartnerStatus.ACTIVE, List.of())))
                .doesNotContainKey("AccountId").containsEntry("Partner_Portal_Status__c", "Active");
    }

    private static PartnerUser user(String partnerKey, PartnerStatus status, List<String> roles) {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        return new PartnerUser(null, "kim@northwind.example", "Kim", "Lee", null, partnerKey, status, now,
                List.of(new SourceRef("scim", "helios", "u-1", now)), roles);
    }
}
