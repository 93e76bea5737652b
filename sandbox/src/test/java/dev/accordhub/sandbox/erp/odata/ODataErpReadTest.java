package dev.accordhub.sandbox.erp.odata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accordhub.sandbox.SandboxHttp.Reply;
import dev.accordhub.sandbox.erp.ErpProcessTiming;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ODataErpReadTest {

    private static ODataErpTestSupport erp;

    @BeforeAll
    static void start() {
        erp = new ODataErpTestSupport(ErpProcessTiming.DEMO).login();
    }

    @AfterAll
    static void stop() {
        erp.erp.close();
    }

    @Test
    void metadataDescribesTheFiveEntitySets() {
        Reply reply = erp.http.get(erp.erp.serviceRoot() + "$metadata", "Accept", "application/xml");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("Namespace=\"Accord.Erp\"")
                .contains("<EntitySet Name=\"MdfFunds\" EntityType=\"Accord.Erp.MdfFund\"")
                .contains("<EntitySet Name=\"ExchangeRates\"")
                .contains("<Property Name=\"ProofReferences\" Type=\"Collection(Edm.String)\"")
                .contains("<Property Name=\"ChangeSeq\" Type=\"Edm.Int64\"");
    }

    @Test
    void serviceDocumentListsTheSets() {
        Reply reply = erp.get("");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(names(reply.json().get("value"), "name"))
                .containsExactly("MdfFunds", "MdfRequests", "MdfClaims", "Payouts", "ExchangeRates");
    }

    @Test
    void fundsAreSeededPerAccountWithRatesToUsd() {
        JsonNode funds = erp.get("MdfFunds").json().get("value");

        assertThat(names(funds, "FundId")).containsExactly("HEL-0001", "HEL-0002", "HEL-0003");
        assertThat(names(funds, "CurrencyCode")).containsExactly("EUR", "USD", "JPY");
        assertThat(funds.get(0).get("PartnerAccount").asText()).isEqualTo("001HEL0000000001");
        assertThat(funds.get(0).get("PeriodStart").asText()).isEqualTo("2025-01-01");
        assertThat(funds.get(0).get("PeriodEnd").asText()).isEqualTo("2025-06-30");
        JsonNode eur = erp.get("ExchangeRates('EUR')").json();
        assertThat(eur.get("ToCurrency").asText()).isEqualTo("USD");
        assertThat(eur.get("Rate").decimalValue()).isEqualByComparingTo("1.085");
        JsonNode rates = erp.get("ExchangeRates?$filter=FromCurrency eq 'JPY'").json().get("value");
        assertThat(rates.get(0).get("Rate").decimalValue()).isEqualByComparingTo("0.0066125");
    }

    @Test
    void changeSeqFilterOrderAndTopPageThroughAFeed() {
        long first = erp.get("MdfFunds").json().get("value").get(0).get("ChangeSeq").asLong();

        JsonNode page = erp.get("MdfFunds?$filter=ChangeSeq gt " + first + "&$orderby=ChangeSeq desc&$top=1")
                .json().get("value");
        assertThat(names(page, "FundId")).containsExactly("HEL-0003");

        JsonNode ascending = erp.get("MdfFunds?$filter=ChangeSeq gt " + first + "&$orderby=ChangeSeq&$top=1")
                .json().get("value");
        assertThat(names(ascending, "FundId")).containsExactly("HEL-0002");
    }

    @Test
    void eqOnStringsCombinesWithAnd() {
        JsonNode match = erp.get("MdfFunds?$filter=PartnerAccount eq '001HEL0000000002' and CurrencyCode eq 'USD'")
                .json().get("value");
        JsonNode none = erp.get("MdfFunds?$filter=PartnerAccount eq '001HEL0000000002' and CurrencyCode eq 'EUR'")
                .json().get("value");

        assertThat(names(match, "FundId")).containsExactly("HEL-0002");
        assertThat(none).isEmpty();
    }

    @Test
    void unsupportedFilterIsAnOData501NotASilentlyWrongAnswer() {
        Reply reply = erp.get("MdfFunds?$filter=contains(Name,'MDF')");

        assertThat(reply.status()).isEqualTo(501);
        assertThat(reply.json().at("/error/message").asText()).contains("contains");
    }

    @Test
    void malformedFilterIsAnOData400() {
        Reply reply = erp.get("MdfFunds?$filter=NoSuchProperty eq 1");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/error/message").asText()).isNotBlank();
    }

    @Test
    void oneEntityByKeyAndA404ForAnUnknownKey() {
        assertThat(erp.get("MdfFunds('HEL-0002')").json().get("CurrencyCode").asText()).isEqualTo("USD");

        Reply missing = erp.get("MdfFunds('HEL-9999')");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/error/message").asText()).contains("HEL-9999");
    }

    @Test
    void fundsAreReadOnly() {
        Reply reply = erp.post("MdfFunds", "{\"FundId\":\"HEL-0100\"}");

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.json().at("/error/message").asText()).contains("read-only");
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(node -> names.add(node.get(field).asText()));
        return names;
    }
}
