package dev.accordhub.sandbox.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accordhub.sandbox.seed.DemoData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SalesforceQuerySnapshotTest {

    private SalesforceSandbox sandbox;
    private SalesforceClient client;

    @BeforeEach
    void start() {
        sandbox = SalesforceSandbox.builder().queryBatchSize(50).seed(DemoData.generate(7, 100)).start();
        client = new SalesforceClient(sandbox).login();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void configuredBatchSizeAppliesWhenTheClientAsksForNone() {
        JsonNode first = client.query("SELECT Id FROM Account").json();

        assertThat(first.get("records")).hasSize(50);
        assertThat(first.get("totalSize").asInt()).isEqualTo(100);
        assertThat(first.get("nextRecordsUrl").asText()).endsWith("-50");
    }

    @Test
    void requestedBatchSizeIsRaisedToSalesforcesMinimumOf200() {
        JsonNode first = client.query("SELECT Id FROM Contact", "Sforce-Query-Options", "batchSize=10").json();

        assertThat(first.get("records").size()).isEqualTo(Math.min(200, first.get("totalSize").asInt()));
    }

    @Test
    void laterPagesComeFromTheSnapshotTakenWhenTheQueryRan() {
        JsonNode page = client.query("SELECT Id, Name FROM Account ORDER BY Name").json();
        List<String> names = new ArrayList<>();
        page.get("records").forEach(r -> names.add(r.get("Name").asText()));

        sandbox.create("Account", Map.of("Name", "AAA Inserted While Paging"));
        String lastSeenOnLaterPage = sandbox.records("Account", false).stream()
                .map(r -> (String) r.get("Name")).sorted(String.CASE_INSENSITIVE_ORDER).reduce((a, b) -> b).orElseThrow();
        while (!page.get("done").asBoolean()) {
            page = client.get(page.get("nextRecordsUrl").asText()).json();
            page.get("records").forEach(r -> names.add(r.get("Name").asText()));
        }

        assertThat(names).hasSize(100).doesNotContain("AAA Inserted While Paging").contains(lastSeenOnLaterPage);
        assertThat(names).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    }
}
