package dev.accordhub.connectors.erp.odata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accordhub.model.incentive.ErpRejectedException;
import dev.accordhub.model.source.SourceRateLimitedException;
import dev.accordhub.model.source.SourceUnavailableException;
import java.net.ConnectException;
import java.time.Duration;
import org.apache.camel.RuntimeCamelException;
import org.apache.http.HttpVersion;
import org.apache.http.message.BasicHttpResponse;
import org.apache.http.message.BasicStatusLine;
import org.apache.olingo.client.api.communication.ODataClientErrorException;
import org.apache.olingo.commons.api.ex.ODataError;
import org.junit.jupiter.api.Test;

class ODataErpErrorClassifierTest {

    @Test
    void refusedConnectionIsUnavailable() {
        RuntimeException e = ODataErpErrorClassifier.classify(new ConnectException("Connection refused"), "read X");

        assertThat(e).isInstanceOf(SourceUnavailableException.class).hasMessageContaining("Connection refused");
    }

    @Test
    void serverErrorsAreUnavailableEvenWhenWrappedByCamel() {
        RuntimeException e = ODataErpErrorClassifier.classify(
                new RuntimeCamelException("Error reading EDM", answer(503, "down for maintenance")), "read X");

        assertThat(e).isInstanceOf(SourceUnavailableException.class).isNotInstanceOf(SourceRateLimitedException.class)
                .hasMessageContaining("503").hasMessageContaining("down for maintenance");
    }

    @Test
    void a429IsRateLimitedWhetherSeenDirectlyOrThroughTheAdapter() {
        RuntimeException direct = ODataErpErrorClassifier.classify(answer(429, "slow down"), "read X");
        BasicHttpResponse response = new BasicHttpResponse(new BasicStatusLine(HttpVersion.HTTP_1_1, 429, "x"));
        response.setHeader("Retry-After", "7");
        try {
            ODataErpThrottleAdapter.throttleInterceptor().process(response, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        RuntimeException adapted = ODataErpErrorClassifier.classify(
                new ODataClientErrorException(response.getStatusLine(), new ODataError().setMessage("slow")), "read X");

        assertThat(direct).isInstanceOf(SourceRateLimitedException.class);
        assertThat(adapted).isInstanceOfSatisfying(SourceRateLimitedException.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
    }

    @Test
    void otherClientErrorsAreRejectionsWithTheErpsMessage() {
        RuntimeException e = ODataErpErrorClassifier.classify(answer(400, "FundId 'X' is not a fund"), "create R");

        assertThat(e).isInstanceOf(ErpRejectedException.class).hasMessageContaining("FundId 'X' is not a fund");
    }

    @Test
    void unauthorizedAndConflictAreRecognised() {
        assertThat(ODataErpErrorClassifier.isUnauthorized(answer(401, "token"))).isTrue();
        assertThat(ODataErpErrorClassifier.isConflict(new RuntimeCamelException(answer(409, "dup")))).isTrue();
        assertThat(ODataErpErrorClassifier.isConflict(answer(400, "bad"))).isFalse();
    }

    private static ODataClientErrorException answer(int status, String message) {
        return new ODataClientErrorException(new BasicStatusLine(HttpVersion.HTTP_1_1, status, "reason"),
                new ODataError().setCode("E").setMessage(message));
    }
}
