package dev.accordhub.sandbox.salesforce;

import dev.accordhub.sandbox.seed.DemoData;
import dev.accordhub.sandbox.seed.SeedCompany;
import dev.accordhub.sandbox.seed.SeedContact;
import dev.accordhub.sandbox.seed.SeedDeal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Loads program "helios" into the org as partner Accounts, their Contacts and the Opportunities they registered. */
final class SalesforceSeeder {

    private SalesforceSeeder() {
    }

    static void load(SalesforceStore store, DemoData data) {
        for (SeedCompany company : data.helios()) {
            Map<String, Object> account = new LinkedHashMap<>();
            account.put("Name", company.name());
            account.put("Website", company.website());
            account.put("BillingCountry", company.country());
            account.put("Partner_Tier__c", company.tier());
            account.put("Partner_Type__c", company.partnerType());
            account.put("IsPartner", true);
            stamps(account, false, company.createdAt(), company.modifiedAt());
            String accountId = store.putRaw(SalesforceSchema.ACCOUNT, account);
            company.contacts().forEach(contact -> store.putRaw(SalesforceSchema.CONTACT, contact(accountId, contact)));
            company.deals().forEach(deal -> store.putRaw(SalesforceSchema.OPPORTUNITY, opportunity(accountId, deal)));
        }
    }

    private static Map<String, Object> contact(String accountId, SeedContact contact) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("AccountId", accountId);
        fields.put("FirstName", contact.firstName());
        fields.put("LastName", contact.lastName());
        fields.put("Email", contact.email());
        fields.put("Title", contact.title());
        stamps(fields, false, contact.createdAt(), contact.modifiedAt());
        return fields;
    }

    private static Map<String, Object> opportunity(String accountId, SeedDeal deal) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Name", deal.name());
        fields.put("PartnerAccountId", accountId);
        fields.put("End_Customer__c", deal.customerCompany());
        fields.put("Amount", deal.amount());
        fields.put("CurrencyIsoCode", deal.currency());
        fields.put("StageName", deal.stage());
        fields.put("CloseDate", deal.closeDate());
        stamps(fields, deal.deleted(), deal.createdAt(), deal.modifiedAt());
        return fields;
    }

    private static void stamps(Map<String, Object> fields, boolean deleted, Instant created,
                               Instant modified) {
        fields.put("IsDeleted", deleted);
        fields.put("CreatedDate", created);
        fields.put("LastModifiedDate", modified);
        fields.put("SystemModstamp", modified);
    }
}
