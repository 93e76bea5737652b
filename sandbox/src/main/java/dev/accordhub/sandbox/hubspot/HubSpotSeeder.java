package dev.accordhub.sandbox.hubspot;

import dev.accordhub.sandbox.seed.DemoData;
import dev.accordhub.sandbox.seed.SeedCompany;
import dev.accordhub.sandbox.seed.SeedContact;
import dev.accordhub.sandbox.seed.SeedDeal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** Loads program "vantage" into the portal as partner companies, their contacts and the deals they registered. */
final class HubSpotSeeder {

    private HubSpotSeeder() {
    }

    static void load(HubSpotStore store, DemoData data) {
        for (SeedCompany company : data.vantage()) {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("name", company.name());
            properties.put("domain", company.domain());
            properties.put("country", company.country());
            properties.put("partner_tier", company.tier());
            properties.put("partner_type", company.partnerType());
            stamps(properties, HubSpotObjectType.COMPANIES, company.createdAt(), company.modifiedAt());
            String companyId = store.putRaw(HubSpotObjectType.COMPANIES, properties, false).id();
            for (SeedContact contact : company.contacts()) {
                store.putRaw(HubSpotObjectType.CONTACTS, contact(companyId, contact), false);
            }
            for (SeedDeal deal : company.deals()) {
                store.putRaw(HubSpotObjectType.DEALS, deal(companyId, deal), deal.deleted());
            }
        }
    }

    private static Map<String, String> contact(String companyId, SeedContact contact) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("email", contact.email());
        properties.put("firstname", contact.firstName());
        properties.put("lastname", contact.lastName());
        properties.put("jobtitle", contact.title());
        properties.put("associatedcompanyid", companyId);
        stamps(properties, HubSpotObjectType.CONTACTS, contact.createdAt(), contact.modifiedAt());
        return properties;
    }

    private static Map<String, String> deal(String companyId, SeedDeal deal) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("dealname", deal.name());
        properties.put("amount", deal.amount().toPlainString());
        properties.put("deal_currency_code", deal.currency());
        properties.put("dealstage", deal.stage());
        properties.put("closedate", HubSpotValues.formatInstant(deal.closeDate().atStartOfDay(ZoneOffset.UTC).toInstant()));
        properties.put("partner_company_id", companyId);
        properties.put("customer_company_name", deal.customerCompany());
        stamps(properties, HubSpotObjectType.DEALS, deal.createdAt(), deal.modifiedAt());
        return properties;
    }

    private static void stamps(Map<String, String> properties, HubSpotObjectType type, Instant created, Instant modified) {
        properties.put("createdate", HubSpotValues.formatInstant(created));
        properties.put(type.lastModifiedProperty(), HubSpotValues.formatInstant(modified));
    }
}
