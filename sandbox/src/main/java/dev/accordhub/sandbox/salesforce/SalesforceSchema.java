package dev.accordhub.sandbox.salesforce;

import static dev.accordhub.sandbox.salesforce.SalesforceField.lookup;
import static dev.accordhub.sandbox.salesforce.SalesforceField.system;
import static dev.accordhub.sandbox.salesforce.SalesforceField.writable;
import static dev.accordhub.sandbox.salesforce.SalesforceFieldType.BOOLEAN;
import static dev.accordhub.sandbox.salesforce.SalesforceFieldType.DATE;
import static dev.accordhub.sandbox.salesforce.SalesforceFieldType.DATETIME;
import static dev.accordhub.sandbox.salesforce.SalesforceFieldType.ID;
import static dev.accordhub.sandbox.salesforce.SalesforceFieldType.NUMBER;
import static dev.accordhub.sandbox.salesforce.SalesforceFieldType.STRING;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Account, Contact and Opportunity as the "helios" org has them, partner custom fields included. */
final class SalesforceSchema {

    static final String ACCOUNT = "Account";
    static final String CONTACT = "Contact";
    static final String OPPORTUNITY = "Opportunity";

    private final Map<String, SObjectType> typesByLowerName;

    SalesforceSchema() {
        typesByLowerName = Map.of(
                "account", new SObjectType(ACCOUNT, "001", List.of("Name"), withSystemFields(
                        writable("Name", STRING), writable("Website", STRING), writable("BillingCountry", STRING),
                        writable("Partner_Tier__c", STRING), writable("Partner_Type__c", STRING),
                        writable("IsPartner", BOOLEAN))),
                "contact", new SObjectType(CONTACT, "003", List.of("LastName"), withSystemFields(
                        lookup("AccountId", ACCOUNT), writable("FirstName", STRING), writable("LastName", STRING),
                        writable("Email", STRING), writable("Title", STRING),
                        // What the partner portal grants the person, kept up to date by the hub from the IdPs.
                        writable("Partner_Portal_Status__c", STRING), writable("Partner_Portal_Roles__c", STRING))),
                "opportunity", new SObjectType(OPPORTUNITY, "006", List.of("Name", "StageName", "CloseDate"),
                        withSystemFields(
                                writable("Name", STRING), lookup("PartnerAccountId", ACCOUNT),
                                writable("End_Customer__c", STRING), writable("Amount", NUMBER),
                                writable("CurrencyIsoCode", STRING), writable("StageName", STRING),
                                writable("CloseDate", DATE), writable("Description", STRING),
                                // Deal registration: the hub's id (an external id, for upserts), the channel
                                // team's decision and the end customer as the partner registered it.
                                SalesforceField.externalId("Accord_Registration_Id__c"),
                                writable("Registration_Status__c", STRING),
                                writable("Registration_Decision_Reason__c", STRING),
                                writable("Customer_Domain__c", STRING), writable("Customer_Country__c", STRING),
                                writable("Customer_Contact_Name__c", STRING),
                                writable("Customer_Contact_Email__c", STRING))));
    }

    Optional<SObjectType> type(String anyCase) {
        return Optional.ofNullable(typesByLowerName.get(anyCase.toLowerCase(Locale.ROOT)));
    }

    SObjectType require(String anyCase) {
        return type(anyCase).orElseThrow(() -> SalesforceApiException.invalidType(anyCase));
    }

    private static List<SalesforceField> withSystemFields(SalesforceField... own) {
        List<SalesforceField> fields = new ArrayList<>();
        fields.add(system("Id", ID));
        fields.addAll(List.of(own));
        fields.add(system("IsDeleted", BOOLEAN));
        fields.add(system("CreatedDate", DATETIME));
        fields.add(system("LastModifiedDate", DATETIME));
        fields.add(system("SystemModstamp", DATETIME));
        return fields;
    }
}
