package dev.accordhub.sandbox.erp.odata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accordhub.sandbox.SandboxHttp.Reply;
import dev.accordhub.sandbox.erp.ErpProcessTiming;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ODataErpAccessTest {

    private ODataErpTestSupport erp;

    @BeforeEach
    void start() {
        erp = new ODataErpTestSupport(ErpProcessTiming.DEMO);
    }

    @AfterEach
    void stop() {
        erp.erp.close();
    }

    @Test
    void clientCredentialsGrantIssuesABearerToken() {
        Reply reply = erp.requestToken(ODataErpSandboxConfig.DEFAULT_CLIENT_SECRET);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(reply.json().get("expires_in").asInt()).isEqualTo(3599);
        assertThat(reply.json().get("access_token").asText()).isNotBlank();
    }

    @Test
    void aWrongSecretIsInvalidClient() {
        Reply reply = erp.requestToken("guess");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void dataWithoutAValidTokenIs401InODataErrorFormat() {
        Reply anonymous = erp.get("MdfFunds");
        erp.http.bearer("forged");
        Reply forged = erp.get("$metadata");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(anonymous.json().at("/error/code").asText()).isEqualTo("Unauthorized");
        assertThat(forged.status()).isEqualTo(401);
    }

    @Test
    void expiredTokensAre401UntilTheClientLogsInAgain() {
        erp.login();
        erp.erp.expireTokens();

        assertThat(erp.get("MdfFunds").status()).isEqualTo(401);
        assertThat(erp.login().get("MdfFunds").status()).isEqualTo(200);
    }

    @Test
    void anUnavailableErpAnswers503UntilItIsBack() {
        erp.login();
        erp.erp.setAvailable(false);

        Reply down = erp.get("MdfFunds");
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.json().at("/error/code").asText()).isEqualTo("ServiceUnavailable");

        erp.erp.setAvailable(true);
        assertThat(erp.get("MdfFunds").status()).isEqualTo(200);
    }

    @Test
    void injectedFailuresHitTheNextDataRequestsThenStop() {
        erp.login();
        erp.erp.failNext(2, 429);

        assertThat(erp.get("MdfFunds").status()).isEqualTo(429);
        Reply second = erp.get("MdfFunds");
        assertThat(second.status()).isEqualTo(429);
        assertThat(second.header("Retry-After")).isEqualTo("1");
        assertThat(erp.get("MdfFunds").status()).isEqualTo(200);
        assertThat(erp.erp.apiRequestCount()).isEqualTo(3);
    }
}
