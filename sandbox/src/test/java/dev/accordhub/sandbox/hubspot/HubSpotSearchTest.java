package dev.accordhub.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accordhub.sandbox.SandboxHttp.Reply;
import dev.accordhub.sandbox.seed.DemoData;
import dev.accordhub.sandbox.seed.SeedCompany;
import dev.accordhub.sandbox.seed.SeedDeal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HubSpotSearchTest {

    private static final DemoData DATA = DemoData.generate(42, 200);
    private static HubSpotSandbox sandbox;
    private static HubSpotClient client;

    @BeforeAll
    static void start() {
        sandbox = HubSpotSandbox.builder().rateLimitPerSecond(0).seed(DATA).start();
        client = new HubSpotClient(sandbox).login();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void incrementalSearchPagesWithAfterInModifiedOrder() {
        Instant since = DATA.anchor().minus(Duration.ofDays(2));
        long expected = liveDeals().stream().filter(d -> !d.modifiedAt().isBefore(since)).count();
        List<JsonNode> results = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            JsonNode page = client.search("deals", "{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"lastmodifieddate\","
                    + "\"operator\":\"GTE\",\"value\":\"" + since.toEpochMilli() + "\"}]}],"
                    + "\"sorts\":[{\"propertyName\":\"hs_lastmodifieddate\",\"direction\":\"ASCENDING\"}],"
                    + "\"properties\":[\"dealname\",\"amount\"],\"limit\":100"
                    + (after == null ? "" : ",\"after\":\"" + after + "\"") + "}").json();
            assertThat(page.get("total").asLong()).isEqualTo(expected);
            page.get("results").forEach(results::add);
            after = page.path("paging").path("next").path("after").asText(null);
            pages++;
        } while (after != null);

        assertThat(results).hasSize((int) expected);
        assertThat(pages).isEqualTo((int) Math.ceil(expected / 100.0));
        List<Instant> stamps = results.stream()
                .map(r -> Instant.parse(r.get("properties").get("hs_lastmodifieddate").asText())).toList();
        assertThat(stamps).isSorted().allMatch(s -> !s.isBefore(since));
    }

    @Test
    void bothLastModifiedNamesWorkOnEveryTypeWithIsoValues() {
        String iso = DATA.anchor().minus(Duration.ofDays(1)).toString();
        long expected = DATA.vantage().stream().filter(c -> c.modifiedAt().isAfter(Instant.parse(iso))).count();

        for (String name : List.of("hs_lastmodifieddate", "lastmodifieddate")) {
            JsonNode page = client.search("companies", "{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"" + name
                    + "\",\"operator\":\"GT\",\"value\":\"" + iso + "\"}]}],\"limit\":1}").json();
            assertThat(page.get("total").asLong()).as(name).isEqualTo(expected);
        }
        Reply contacts = client.search("contacts", "{\"filterGroups\":[{\"filters\":[{\"propertyName\":"
                + "\"hs_lastmodifieddate\",\"operator\":\"GTE\",\"value\":\"0\"}]}]}");
        assertThat(contacts.json().get("total").asLong()).isEqualTo(
                DATA.vantage().stream().mapToLong(c -> c.contacts().size()).sum());
    }

    @Test
    void filterGroupsAreOredAndFiltersAnded() {
        long closed = liveDeals().stream().filter(d -> d.stage().startsWith("closed")).count();
        long wonInEuro = liveDeals().stream().filter(d -> d.stage().equals("closedwon") && d.currency().equals("EUR")).count();

        JsonNode either = client.search("deals", "{\"filterGroups\":["
                + "{\"filters\":[{\"propertyName\":\"dealstage\",\"operator\":\"EQ\",\"value\":\"closedwon\"}]},"
                + "{\"filters\":[{\"propertyName\":\"dealstage\",\"operator\":\"EQ\",\"value\":\"closedlost\"}]}]}").json();
        JsonNode both = client.search("deals", "{\"filterGroups\":[{\"filters\":["
                + "{\"propertyName\":\"dealstage\",\"operator\":\"IN\",\"values\":[\"closedwon\"]},"
                + "{\"propertyName\":\"deal_currency_code\",\"operator\":\"EQ\",\"value\":\"EUR\"}]}]}").json();

        assertThat(either.get("total").asLong()).isEqualTo(closed);
        assertThat(both.get("total").asLong()).isEqualTo(wonInEuro);
    }

    @Test
    void numbersCompareNumerically() {
        long big = liveDeals().stream().filter(d -> d.amount().compareTo(new java.math.BigDecimal("99999.99")) > 0).count();

        JsonNode page = client.search("deals", "{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"amount\","
                + "\"operator\":\"GT\",\"value\":99999.99}]}],\"sorts\":[\"-amount\"],\"properties\":[\"amount\"]}").json();

        assertThat(page.get("total").asLong()).isEqualTo(big);
        assertThat(new java.math.BigDecimal(page.get("results").get(0).get("properties").get("amount").asText()))
                .isEqualByComparingTo(liveDeals().stream().map(SeedDeal::amount).max(java.math.BigDecimal::compareTo).orElseThrow());
    }

    @Test
    void refusesOversizedPagesAndPagingPastTenThousand() {
        Reply tooBig = client.search("companies", "{\"limit\":201}");
        Reply tooFar = client.search("companies", "{\"limit\":100,\"after\":\"10000\"}");

        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooFar.status()).isEqualTo(400);
        assertThat(tooFar.json().get("category").asText()).isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void domainsOfSharedPartnersAreFoundByExactDomain() {
        String domain = DATA.sharedDomains().iterator().next();
        SeedCompany vantage = DATA.vantageByDomain(domain).orElseThrow();

        JsonNode result = client.search("companies", "{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"domain\","
                + "\"operator\":\"EQ\",\"value\":\"" + domain + "\"}]}],\"properties\":[\"name\",\"partner_tier\"]}").json();

        assertThat(result.get("total").asInt()).isEqualTo(1);
        assertThat(result.get("results").get(0).get("properties").get("name").asText()).isEqualTo(vantage.name());
        assertThat(result.get("results").get(0).get("properties").get("partner_tier").asText()).isEqualTo(vantage.tier());
    }

    private static List<SeedDeal> liveDeals() {
        return DATA.vantage().stream().flatMap(c -> c.deals().stream()).filter(d -> !d.deleted()).toList();
    }
}
