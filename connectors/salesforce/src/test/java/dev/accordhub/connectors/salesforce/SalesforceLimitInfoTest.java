package dev.accordhub.connectors.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SalesforceLimitInfoTest {

    @Test
    void readsTheDailyApiUsage() {
        assertThat(SalesforceLimitInfo.parse("api-usage=25/15000"))
                .contains(new SalesforceLimitInfo.Usage(25, 15000));
        // Salesforce may add per-app usage after it.
        assertThat(SalesforceLimitInfo.parse("api-usage=1400/100000; per-app-api-usage=17/250(appName=accord)"))
                .contains(new SalesforceLimitInfo.Usage(1400, 100000));
    }

    @Test
    void ignoresWhatItCannotRead() {
        assertThat(SalesforceLimitInfo.parse(null)).isEmpty();
        assertThat(SalesforceLimitInfo.parse("per-app-api-usage=17/250")).isEmpty();
        assertThat(SalesforceLimitInfo.parse("api-usage=many/lots")).isEmpty();
    }
}
