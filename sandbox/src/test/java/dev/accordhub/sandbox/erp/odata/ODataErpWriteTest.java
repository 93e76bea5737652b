package dev.accordhub.sandbox.erp.odata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accordhub.sandbox.SandboxHttp.Reply;
import dev.accordhub.sandbox.erp.ErpProcessTiming;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ODataErpWriteTest {

    private ODataErpTestSupport erp;

    @BeforeEach
    void start() {
        erp = new ODataErpTestSupport(ErpProcessTiming.DEMO).login();
        erp.erp.pauseProcess();
    }

    @AfterEach
    void stop() {
        erp.erp.close();
    }

    @Test
    void createdRequestIsSubmittedWithTheErpsStampsAndTheFundsPartner() {
        long before = erp.erp.changeSeq();

        Reply reply = erp.postRequest("REQ-1", ODataErpTestSupport.EUR_FUND, "EUR", "1500.50");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("Location")).endsWith("/data/MdfRequests('REQ-1')");
        assertThat(reply.json().get("Status").asText()).isEqualTo("Submitted");
        assertThat(reply.json().get("PartnerAccount").asText()).isEqualTo("001HEL0000000001");
        assertThat(reply.json().get("ChangeSeq").asLong()).isEqualTo(before + 1);
        assertThat(erp.erp.request("REQ-1")).hasValueSatisfying(row ->
                assertThat(row.amount()).isEqualByComparingTo("1500.50"));
    }

    @Test
    void aDuplicateKeyIs409AndLeavesTheFirstAsItWas() {
        erp.postRequest("REQ-1", ODataErpTestSupport.EUR_FUND, "EUR", "100");

        Reply again = erp.postRequest("REQ-1", ODataErpTestSupport.EUR_FUND, "EUR", "999");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().at("/error/code").asText()).isEqualTo("DuplicateKey");
        assertThat(erp.erp.request("REQ-1").orElseThrow().amount()).isEqualByComparingTo("100");
    }

    @Test
    void unknownFundAndForeignCurrencyAre400WithAClearMessage() {
        Reply unknown = erp.postRequest("REQ-1", "HEL-0042", "EUR", "100");
        Reply currency = erp.postRequest("REQ-2", ODataErpTestSupport.EUR_FUND, "USD", "100");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/error/message").asText()).isEqualTo("FundId 'HEL-0042' is not a fund");
        assertThat(currency.status()).isEqualTo(400);
        assertThat(currency.json().at("/error/message").asText())
                .isEqualTo("CurrencyCode USD is not the currency of fund HEL-0001 (EUR)");
        assertThat(erp.erp.requests()).isEmpty();
    }

    @Test
    void aPropertyTheModelDoesNotHaveIs400() {
        Reply reply = erp.post("MdfRequests", "{\"RequestId\":\"REQ-1\",\"Colour\":\"red\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/error/message").asText()).contains("Colour");
    }

    @Test
    void claimKeepsItsProofReferencesAsACollection() {
        erp.postRequest("REQ-1", ODataErpTestSupport.EUR_FUND, "EUR", "1000");

        Reply reply = erp.postClaim("CLM-1", "REQ-1", "INV-77", "900");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(erp.erp.claim("CLM-1").orElseThrow().proofReferences())
                .containsExactly("doc-1", "https://proof.example/p?a=1,2");
        assertThat(erp.get("MdfClaims('CLM-1')").json().get("ProofReferences").get(1).asText())
                .isEqualTo("https://proof.example/p?a=1,2");
    }

    @Test
    void aClaimOnAnUnknownRequestIs400() {
        Reply reply = erp.postClaim("CLM-1", "REQ-404", "INV-1", "10");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/error/message").asText()).contains("REQ-404");
    }
}
