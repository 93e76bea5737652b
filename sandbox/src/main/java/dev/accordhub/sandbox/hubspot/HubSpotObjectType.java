package dev.accordhub.sandbox.hubspot;

import static dev.accordhub.sandbox.hubspot.HubSpotProperty.datetime;
import static dev.accordhub.sandbox.hubspot.HubSpotProperty.enumeration;
import static dev.accordhub.sandbox.hubspot.HubSpotProperty.number;
import static dev.accordhub.sandbox.hubspot.HubSpotProperty.system;
import static dev.accordhub.sandbox.hubspot.HubSpotProperty.text;

import dev.accordhub.sandbox.seed.ProgramVocabulary;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CRM object types of program "vantage", with the properties the portal has, custom partner ones included.
 * Contacts name their last-modified stamp {@code lastmodifieddate}, the others {@code hs_lastmodifieddate}.
 */
enum HubSpotObjectType {

    COMPANIES("companies", "hs_lastmodifieddate", List.of(), null,
            List.of("name", "domain", "createdate", "hs_lastmodifieddate", "hs_object_id"),
            text("name"), text("domain"), text("country"),
            enumeration("partner_tier", ProgramVocabulary.VANTAGE.tiers()),
            enumeration("partner_type", ProgramVocabulary.VANTAGE.partnerTypes())),

    CONTACTS("contacts", "lastmodifieddate", List.of(), "email",
            List.of("firstname", "lastname", "email", "createdate", "lastmodifieddate", "hs_object_id"),
            text("email"), text("firstname"), text("lastname"), text("jobtitle"), number("associatedcompanyid"),
            // What the partner portal grants the person, kept up to date by the hub from the IdPs.
            text("partner_portal_status"), text("partner_portal_roles")),

    DEALS("deals", "hs_lastmodifieddate", List.of("dealname", "dealstage"), null,
            List.of("dealname", "amount", "dealstage", "closedate", "createdate", "hs_lastmodifieddate", "hs_object_id"),
            text("dealname"), number("amount"), text("deal_currency_code"),
            enumeration("dealstage", ProgramVocabulary.VANTAGE.allStages()),
            datetime("closedate"), text("partner_company_id"), text("customer_company_name"), text("description"),
            // Deal registration: the hub's id, the channel team's decision and the end customer as registered.
            text("accord_registration_id"),
            enumeration("registration_status", List.of("submitted", "approved", "rejected")),
            text("registration_decision_reason"), text("customer_domain"), text("customer_country"),
            text("customer_contact_name"), text("customer_contact_email"));

    /** Accepted on every type for the last-modified stamp, whichever name the type really uses. */
    static final List<String> LAST_MODIFIED_ALIASES = List.of("lastmodifieddate", "hs_lastmodifieddate");

    private final String path;
    private final String lastModifiedProperty;
    private final List<String> requiredOnCreate;
    private final String uniqueProperty;
    private final List<String> defaultProperties;
    private final Map<String, HubSpotProperty> properties = new LinkedHashMap<>();

    HubSpotObjectType(String path, String lastModifiedProperty, List<String> requiredOnCreate, String uniqueProperty,
                      List<String> defaultProperties, HubSpotProperty... own) {
        this.path = path;
        this.lastModifiedProperty = lastModifiedProperty;
        this.requiredOnCreate = requiredOnCreate;
        this.uniqueProperty = uniqueProperty;
        this.defaultProperties = defaultProperties;
        for (HubSpotProperty property : own) {
            properties.put(property.name(), property);
        }
        properties.put("createdate", datetime("createdate"));
        properties.put(lastModifiedProperty, system(lastModifiedProperty, HubSpotProperty.Type.DATETIME));
        properties.put("hs_object_id", system("hs_object_id", HubSpotProperty.Type.NUMBER));
    }

    static Optional<HubSpotObjectType> fromPath(String path) {
        return Arrays.stream(values()).filter(t -> t.path.equals(path)).findFirst();
    }

    String path() {
        return path;
    }

    String lastModifiedProperty() {
        return lastModifiedProperty;
    }

    List<String> requiredOnCreate() {
        return requiredOnCreate;
    }

    /** The property HubSpot keeps unique per portal (a contact's e-mail), or null. */
    String uniqueProperty() {
        return uniqueProperty;
    }

    /** What HubSpot returns when the client names no properties. */
    List<String> defaultProperties() {
        return defaultProperties;
    }

    /** The property under this name, the last-modified aliases resolved to this type's own name. */
    Optional<HubSpotProperty> property(String name) {
        String canonical = LAST_MODIFIED_ALIASES.contains(name) ? lastModifiedProperty : name;
        return Optional.ofNullable(properties.get(canonical));
    }
}
