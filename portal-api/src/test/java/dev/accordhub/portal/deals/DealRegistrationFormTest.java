package dev.accordhub.portal.deals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DealRegistrationFormTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void aGoodFormIsReadAndNormalised() {
        DealRegistrationForm.Parsed parsed = DealRegistrationForm.parse(good(), TODAY);

        assertThat(parsed.errors()).isEmpty();
        DealRegistrationForm form = parsed.form();
        assertThat(form.customerDomain()).isEqualTo("northwind.example");
        assertThat(form.customerCountry()).isEqualTo("DE");
        assertThat(form.contactEmail()).isEqualTo("ana@northwind.example");
        assertThat(form.amount().amount()).isEqualByComparingTo("120000.5");
        assertThat(form.amount().amount().scale()).isEqualTo(2);
        assertThat(form.opportunityName()).isEqualTo("Northwind data platform");
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        ObjectNode body = good();
        body.put("currency", "XXY").put("estimatedCloseDate", "2026-11-24").put("estimatedAmount", "lots")
                .put("extra", 1).put("opportunityName", "  ");
        ObjectNode customer = (ObjectNode) body.path("customer");
        customer.put("country", "Germany").put("domain", "not a domain");
        ((ObjectNode) customer.path("contact")).put("email", "ana-at-northwind");

        var errors = DealRegistrationForm.parse(body, TODAY).errors();

        assertThat(errors).extracting(dev.accordhub.portal.common.FormFields.FieldError::field).containsExactlyInAnyOrder(
                "currency", "estimatedCloseDate", "estimatedAmount", "extra", "opportunityName", "customer.country",
                "customer.domain", "customer.contact.email");
    }

    @Test
    void amountsAreCheckedAgainstTheCurrency() {
        assertThat(DealRegistrationForm.parse(good().put("currency", "JPY").put("estimatedAmount", 100.5), TODAY)
                .errors()).extracting(dev.accordhub.portal.common.FormFields.FieldError::message)
                .containsExactly("has more decimals than JPY allows (0)");
        assertThat(DealRegistrationForm.parse(good().put("estimatedAmount", 0), TODAY).errors()).hasSize(1);
        assertThat(DealRegistrationForm.parse(good().put("estimatedAmount", "99.99"), TODAY).errors()).isEmpty();
    }

    @Test
    void notAnObjectIsOneError() {
        assertThat(DealRegistrationForm.parse(JSON.createArrayNode(), TODAY).errors()).hasSize(1);
        assertThat(DealRegistrationForm.parse(null, TODAY).errors()).hasSize(1);
    }

    private static ObjectNode good() {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode customer = body.putObject("customer").put("companyName", "Northwind Traders GmbH")
                .put("domain", "https://www.Northwind.example/").put("country", "de");
        customer.putObject("contact").put("name", "Ana Silva").put("email", "Ana@Northwind.example");
        return body.put("opportunityName", " Northwind  data platform ").put("estimatedCloseDate", "2027-03-31")
                .put("estimatedAmount", 120000.5).put("currency", "EUR");
    }
}
