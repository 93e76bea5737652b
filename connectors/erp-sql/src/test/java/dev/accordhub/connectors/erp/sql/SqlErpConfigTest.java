package dev.accordhub.connectors.erp.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SqlErpConfigTest {

    private static final String URL = "jdbc:h2:tcp://127.0.0.1:9092/mem:erp";

    @Test
    void defaultsToPagesOf200AndFiveSecondsToConnect() {
        SqlErpConfig config = SqlErpConfig.of("vantage", URL, "accord", "secret");

        assertThat(config.pageSize()).isEqualTo(200);
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.schema()).isNull();
        assertThat(config.dataSourceName()).isEqualTo("accordErpSql-vantage");
        assertThat(config.toString()).doesNotContain("secret");
    }

    @Test
    void eachMistakeIsNamed() {
        assertThatThrownBy(() -> SqlErpConfig.of("Vantage Co", URL, "accord", "x")).hasMessageContaining("program");
        assertThatThrownBy(() -> SqlErpConfig.of("vantage", "postgresql://db/erp", "accord", "x"))
                .hasMessageContaining("jdbcUrl");
        assertThatThrownBy(() -> SqlErpConfig.of("vantage", URL, " ", "x")).hasMessageContaining("username");
        assertThatThrownBy(() -> SqlErpConfig.of("vantage", URL, "accord", null)).hasMessageContaining("password");
        assertThatThrownBy(() -> SqlErpConfig.of("vantage", URL, "accord", "x").withPageSize(0))
                .hasMessageContaining("pageSize");
        assertThatThrownBy(() -> new SqlErpConfig("vantage", URL, "accord", "x", null, "erp; DROP", null))
                .hasMessageContaining("schema");
        assertThatThrownBy(() -> SqlErpConfig.of("vantage", URL, "accord", "x")
                .withConnectTimeout(Duration.ofMillis(10))).hasMessageContaining("connectTimeout");
    }

    @Test
    void aUrlNoDriverAcceptsFailsWhenThePoolIsBuilt() {
        SqlErpConfig postgres = SqlErpConfig.of("vantage", "jdbc:postgresql://db:5432/erp", "accord", "x");

        assertThatThrownBy(() -> SqlErpDataSources.create(postgres)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbcUrl jdbc:postgresql://db:5432/erp");
    }
}
