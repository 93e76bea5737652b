package dev.accordhub.hub.sandbox;

import dev.accordhub.sandbox.erp.ErpPartnerAccount;
import dev.accordhub.sandbox.erp.ErpProcessTiming;
import dev.accordhub.sandbox.erp.odata.ODataErpSandbox;
import dev.accordhub.sandbox.erp.sql.SqlErpSandbox;
import dev.accordhub.sandbox.hubspot.HubSpotSandbox;
import java.util.List;
import dev.accordhub.sandbox.salesforce.SalesforceSandbox;
import dev.accordhub.sandbox.oidc.OidcSandbox;
import dev.accordhub.sandbox.oidc.OidcUser;
import dev.accordhub.sandbox.seed.DemoData;
import dev.accordhub.sandbox.seed.SeedContact;
import dev.accordhub.sandbox.seed.ThirdProgramSeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the two acquired programs' CRMs of the demo: a Salesforce-compatible org (program helios) and a
 * HubSpot-compatible portal (program vantage), seeded with overlapping partner data. Default profile only.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SandboxProperties.class)
@ConditionalOnProperty(name = "accord.sandbox.enabled", havingValue = "true")
public class SandboxConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxConfiguration.class);

    @Bean
    DemoData demoData(SandboxProperties properties) {
        return DemoData.generate(properties.seed(), properties.partnersPerProgram(), properties.anchor());
    }

    @Bean(destroyMethod = "close")
    @org.springframework.context.annotation.Primary
    SalesforceSandbox salesforceSandbox(SandboxProperties properties, DemoData demoData) {
        SandboxProperties.Salesforce sf = properties.salesforce();
        SalesforceSandbox sandbox = SalesforceSandbox.builder().port(sf.port()).clientId(sf.clientId())
                .clientSecret(sf.clientSecret()).seed(demoData).start();
        LOG.info("Salesforce sandbox (program helios) at {}", sandbox.baseUrl());
        return sandbox;
    }

    /** Program nimbus: a second Salesforce org, seeded in its own words and partly overlapping vantage. */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "accord.sandbox.nimbus.enabled", havingValue = "true")
    SalesforceSandbox nimbusSandbox(SandboxProperties properties, DemoData demoData) {
        SandboxProperties.Nimbus nimbus = properties.nimbus();
        SalesforceSandbox sandbox = SalesforceSandbox.builder().port(nimbus.port()).clientId(nimbus.clientId())
                .clientSecret(nimbus.clientSecret())
                .seed(ThirdProgramSeed.asSalesforceOrg(demoData, nimbus.partners())).start();
        LOG.info("Salesforce sandbox (program nimbus) at {}", sandbox.baseUrl());
        return sandbox;
    }

    /** The demo's OIDC issuer: partner users of helios and vantage (seeded contacts), an operator, a channel manager. */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "accord.sandbox.oidc.enabled", havingValue = "true")
    OidcSandbox oidcSandbox(SandboxProperties properties, DemoData demoData) {
        SandboxProperties.Oidc oidc = properties.oidc();
        java.util.List<OidcUser> users = new java.util.ArrayList<>();
        users.add(demoUser("helios", demoData.helios().get(0).contacts().get(0), oidc.password()));
        users.add(demoUser("vantage", demoData.vantage().get(0).contacts().get(0), oidc.password()));
        // A contact of a helios partner of tier Advanced or above, in helios only: its company has the mdf module.
        demoData.helios().stream().filter(c -> java.util.Set.of("Advanced", "Premier", "Elite").contains(c.tier()))
                .filter(c -> !demoData.sharedDomains().contains(c.domain()) && !c.contacts().isEmpty())
                .findFirst().ifPresent(c -> users.add(new OidcUser("helios-finance-" + c.contacts().get(0).email(),
                        "helios-finance", oidc.password(), c.contacts().get(0).email(), c.contacts().get(0).firstName()
                        + " " + c.contacts().get(0).lastName())));
        users.add(new OidcUser("operator-1", "operator", oidc.password(), "operator@accord.example",
                "Accord Operator", "openid accord.ops"));
        users.add(new OidcUser("channel-1", "channel-manager", oidc.password(), "channel.emea@accord.example",
                "EMEA Channel Manager", "openid accord.channel"));
        OidcSandbox sandbox = new OidcSandbox(oidc.port(), oidc.clientId(), oidc.clientSecret(), oidc.audience(),
                oidc.tokenLifetime(), users);
        if (oidc.publicClient() != null) {
            sandbox.withPublicClient(oidc.publicClient().id(), oidc.publicClient().redirectUris());
        }
        sandbox.start();
        LOG.info("OIDC issuer at {} with demo users {}", sandbox.issuer(),
                users.stream().map(OidcUser::username).toList());
        return sandbox;
    }

    private static OidcUser demoUser(String program, SeedContact contact, String password) {
        return new OidcUser(program + "-" + contact.email(), program + "-partner", password, contact.email(),
                contact.firstName() + " " + contact.lastName());
    }

    /**
     * Program helios's ERP (OData v4), one fund per partner account of the helios Salesforce org, a paid case on
     * every third.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "accord.sandbox.erp.enabled", havingValue = "true")
    ODataErpSandbox heliosErpSandbox(SandboxProperties properties, SalesforceSandbox salesforceSandbox) {
        SandboxProperties.Erp erp = properties.erp();
        List<ErpPartnerAccount> accounts = salesforceSandbox.records("Account", false).stream()
                .filter(a -> Boolean.TRUE.equals(a.get("IsPartner")))
                .map(a -> new ErpPartnerAccount((String) a.get("Id"), (String) a.get("Name"),
                        (String) a.get("BillingCountry")))
                .filter(a -> a.country() != null).toList();
        ODataErpSandbox sandbox = ODataErpSandbox.builder().port(erp.helios().port()).programPrefix("HEL")
                .clientId(erp.helios().clientId()).clientSecret(erp.helios().clientSecret()).accounts(accounts)
                .timing(timing(erp)).start().withHistory();
        LOG.info("OData ERP sandbox (program helios) at {} with {} funds", sandbox.serviceRoot(), accounts.size());
        return sandbox;
    }

    /** Program vantage's ERP (interface tables), one fund per partner company of the HubSpot portal, as helios's. */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "accord.sandbox.erp.enabled", havingValue = "true")
    SqlErpSandbox vantageErpSandbox(SandboxProperties properties, HubSpotSandbox hubSpotSandbox) {
        SandboxProperties.Erp erp = properties.erp();
        List<ErpPartnerAccount> accounts = hubSpotSandbox.objects("companies", false).stream()
                .map(c -> new ErpPartnerAccount(c.id(), c.properties().get("name"), c.properties().get("country")))
                .filter(a -> a.country() != null).toList();
        SqlErpSandbox sandbox = SqlErpSandbox.builder().port(erp.vantage().port())
                .databaseName(erp.vantage().database()).user(erp.vantage().user()).password(erp.vantage().password())
                .fundPrefix("VAN").accounts(accounts).timing(timing(erp)).start().withHistory();
        LOG.info("Interface-table ERP sandbox (program vantage) at {} with {} funds", sandbox.jdbcUrl(),
                accounts.size());
        return sandbox;
    }

    private static ErpProcessTiming timing(SandboxProperties.Erp erp) {
        return new ErpProcessTiming(erp.decisionDelay(), erp.payoutDelay(), java.time.Duration.ofMillis(100));
    }

    @Bean(destroyMethod = "close")
    HubSpotSandbox hubSpotSandbox(SandboxProperties properties, DemoData demoData) {
        SandboxProperties.HubSpot hs = properties.hubspot();
        HubSpotSandbox sandbox = HubSpotSandbox.builder().port(hs.port()).clientId(hs.clientId())
                .clientSecret(hs.clientSecret()).refreshToken(hs.refreshToken())
                .rateLimitPerSecond(hs.requestsPerSecond()).seed(demoData).start();
        LOG.info("HubSpot sandbox (program vantage) at {}", sandbox.baseUrl());
        return sandbox;
    }
}
