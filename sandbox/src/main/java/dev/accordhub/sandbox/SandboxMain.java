package dev.accordhub.sandbox;

import dev.accordhub.sandbox.hubspot.HubSpotSandbox;
import dev.accordhub.sandbox.hubspot.HubSpotSandboxConfig;
import dev.accordhub.sandbox.salesforce.SalesforceSandbox;
import dev.accordhub.sandbox.salesforce.SalesforceSandboxConfig;
import dev.accordhub.sandbox.seed.DemoData;
import java.util.concurrent.CountDownLatch;

/**
 * Starts both sandboxes with the demo data, for the bench: {@code SandboxMain [salesforcePort] [hubspotPort]}
 * (defaults 18081 and 18082). Runs until killed.
 */
public final class SandboxMain {

    /** Fixed so every bench run sees the same partners. */
    public static final long DEMO_SEED = 42L;
    public static final String DEMO_PRIVATE_APP_TOKEN = "pat-na1-accord-vantage-demo";

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int salesforcePort = args.length > 0 ? Integer.parseInt(args[0]) : 18081;
        int hubspotPort = args.length > 1 ? Integer.parseInt(args[1]) : 18082;
        DemoData demo = DemoData.generate(DEMO_SEED);
        SalesforceSandbox salesforce = SalesforceSandbox.builder().port(salesforcePort).seed(demo).start();
        HubSpotSandbox hubspot = HubSpotSandbox.builder().port(hubspotPort).seed(demo)
                .privateAppToken(DEMO_PRIVATE_APP_TOKEN).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            hubspot.close();
            salesforce.close();
        }));
        System.out.printf("Salesforce sandbox (helios): %s  client_id=%s client_secret=%s  (%d records)%n",
                salesforce.baseUrl(), SalesforceSandboxConfig.DEFAULT_CLIENT_ID,
                SalesforceSandboxConfig.DEFAULT_CLIENT_SECRET, DemoData.recordCount(demo.helios()));
        System.out.printf("HubSpot sandbox (vantage):   %s  client_id=%s client_secret=%s refresh_token=%s"
                        + " private_app_token=%s  (%d records)%n",
                hubspot.baseUrl(), HubSpotSandboxConfig.DEFAULT_CLIENT_ID, HubSpotSandboxConfig.DEFAULT_CLIENT_SECRET,
                HubSpotSandboxConfig.DEFAULT_REFRESH_TOKEN, DEMO_PRIVATE_APP_TOKEN, DemoData.recordCount(demo.vantage()));
        System.out.printf("Partner companies in both programs: %d%n", demo.sharedDomains().size());
        new CountDownLatch(1).await();
    }
}
