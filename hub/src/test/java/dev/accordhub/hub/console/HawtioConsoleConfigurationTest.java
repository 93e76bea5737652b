package dev.accordhub.hub.console;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class HawtioConsoleConfigurationTest {

    @Test
    void theHubWillNotRunTheConsoleWithoutAuthentication() {
        assertThatThrownBy(() -> HawtioConsoleConfiguration.requireAuthentication(
                new MockEnvironment().withProperty("hawtio.authenticationEnabled", "false")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("hawtio.authenticationEnabled=false")
                .hasMessageContaining("hawtio.enabled=false");
        assertThatThrownBy(() -> HawtioConsoleConfiguration.requireAuthentication(
                new MockEnvironment().withProperty("hawtio.auth", " FALSE")))
                .hasMessageContaining("hawtio.auth=false");
    }

    @Test
    void authenticationOnOrLeftAtHawtiosDefaultIsFine() {
        assertThatCode(() -> HawtioConsoleConfiguration.requireAuthentication(new MockEnvironment()))
                .doesNotThrowAnyException();
        assertThatCode(() -> HawtioConsoleConfiguration.requireAuthentication(
                new MockEnvironment().withProperty("hawtio.authenticationEnabled", "true")))
                .doesNotThrowAnyException();
    }

    @Test
    void theConsolesClientMustBeNamedWithItsSecret() {
        assertThatThrownBy(() -> new HawtioConsoleProperties(" ", "secret"))
                .hasMessageContaining("accord.hawtio.client-id");
        assertThatThrownBy(() -> new HawtioConsoleProperties("accord-console", null))
                .hasMessageContaining("accord.hawtio.client-secret");
        assertThatCode(() -> new HawtioConsoleProperties("accord-console", "secret")).doesNotThrowAnyException();
    }
}
