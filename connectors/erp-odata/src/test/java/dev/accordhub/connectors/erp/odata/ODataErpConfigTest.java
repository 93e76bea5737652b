package dev.accordhub.connectors.erp.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ODataErpConfigTest {

    @Test
    void defaultsThePageSizeAndHidesTheSecret() {
        ODataErpConfig config = new ODataErpConfig("helios", "https://erp.example/data/",
                "https://login.example/t/oauth2/v2.0/token", "id", "s3cret", "https://erp.example/.default");

        assertThat(config.pageSize()).isEqualTo(200);
        assertThat(config.serviceRoot()).isEqualTo("https://erp.example/data");
        assertThat(config.toString()).doesNotContain("s3cret");
    }

    @Test
    void eachInvalidValueIsNamed() {
        assertThatThrownBy(() -> new ODataErpConfig(" ", "https://e/data", "https://l/t", "i", "s", "x"))
                .hasMessageContaining("ODataErpConfig.program");
        assertThatThrownBy(() -> new ODataErpConfig("p", "erp/data", "https://l/t", "i", "s", "x"))
                .hasMessageContaining("ODataErpConfig.serviceUri");
        assertThatThrownBy(() -> new ODataErpConfig("p", "https://e/data", "ftp://l/t", "i", "s", "x"))
                .hasMessageContaining("ODataErpConfig.tokenUri");
        assertThatThrownBy(() -> new ODataErpConfig("p", "https://e/data", "https://l/t", "i", null, "x"))
                .hasMessageContaining("ODataErpConfig.clientSecret");
        assertThatThrownBy(() -> new ODataErpConfig("p", "https://e/data", "https://l/t", "i", "s", "x", 0))
                .hasMessageContaining("ODataErpConfig.pageSize");
    }
}
