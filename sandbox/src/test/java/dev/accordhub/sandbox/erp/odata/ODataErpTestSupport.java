package dev.accordhub.sandbox.erp.odata;

import dev.accordhub.sandbox.SandboxHttp;
import dev.accordhub.sandbox.SandboxHttp.Reply;
import dev.accordhub.sandbox.erp.ErpPartnerAccount;
import dev.accordhub.sandbox.erp.ErpProcessTiming;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A started OData ERP with three partners (EUR, USD, JPY funds) and an HTTP client logged in to it. */
final class ODataErpTestSupport {

    static final List<ErpPartnerAccount> ACCOUNTS = List.of(
            new ErpPartnerAccount("001HEL0000000001", "Brightwave GmbH", "DE"),
            new ErpPartnerAccount("001HEL0000000002", "Northwind Inc", "US"),
            new ErpPartnerAccount("001HEL0000000003", "Sakura KK", "JP"));
    static final String EUR_FUND = "HEL-0001";

    final ODataErpSandbox erp;
    final SandboxHttp http = new SandboxHttp();

    ODataErpTestSupport(ErpProcessTiming timing) {
        erp = ODataErpSandbox.builder().programPrefix("HEL").accounts(ACCOUNTS).today(LocalDate.of(2025, 3, 14))
                .timing(timing).start();
    }

    Reply requestToken(String secret) {
        return http.postForm(erp.tokenUrl(), Map.of("client_id", ODataErpSandboxConfig.DEFAULT_CLIENT_ID,
                "client_secret", secret, "grant_type", "client_credentials", "scope", "https://erp.example/.default"));
    }

    ODataErpTestSupport login() {
        http.bearer(requestToken(ODataErpSandboxConfig.DEFAULT_CLIENT_SECRET).json().get("access_token").asText());
        return this;
    }

    Reply get(String pathAndQuery) {
        return http.get(erp.serviceRoot() + pathAndQuery.replace(" ", "%20"), "Accept", "application/json");
    }

    Reply post(String set, String json) {
        return http.postJson(erp.serviceRoot() + set, json, "Accept", "application/json");
    }

    Reply postRequest(String id, String fund, String currency, String amount) {
        return post("MdfRequests", """
                {"RequestId":"%s","FundId":"%s","Activity":"Webinar series","Country":"DE","CurrencyCode":"%s",
                 "Amount":%s,"SubmittedBy":"ana@brightwave.example"}""".formatted(id, fund, currency, amount));
    }

    Reply postClaim(String id, String request, String invoice, String amount) {
        String invoiceJson = invoice == null ? "null" : "\"" + invoice + "\"";
        return post("MdfClaims", """
                {"ClaimId":"%s","FundId":"%s","RequestId":"%s","InvoiceReference":%s,"CurrencyCode":"EUR",
                 "Amount":%s,"ProofReferences":["doc-1","https://proof.example/p?a=1,2"]}"""
                .formatted(id, EUR_FUND, request, invoiceJson, amount));
    }
}
