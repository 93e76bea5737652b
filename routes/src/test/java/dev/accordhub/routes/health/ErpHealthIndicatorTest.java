package dev.accordhub.routes.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accordhub.routes.incentive.ErpPoller;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class ErpHealthIndicatorTest {

    @Test
    void anErpNotReadYetIsUnknownNotDown() {
        // Never polled: no client call, no Kafka send is made.
        ErpPoller poller = new ErpPoller("helios", "odata", null, null, new ObjectMapper(), 200, Clock.systemUTC());

        Health health = new ErpHealthIndicator(poller).health();

        assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(health.getDetails()).containsEntry("state", "not read yet").containsEntry("system", "erp-odata")
                .doesNotContainKey("error");
    }
}
