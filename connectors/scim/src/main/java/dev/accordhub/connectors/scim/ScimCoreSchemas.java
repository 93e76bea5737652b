package dev.accordhub.connectors.scim;

import dev.accordhub.connectors.scim.ScimAttribute.Mutability;
import dev.accordhub.connectors.scim.ScimAttribute.Returned;
import dev.accordhub.connectors.scim.ScimAttribute.Type;
import dev.accordhub.connectors.scim.ScimAttribute.Uniqueness;

import java.util.ArrayList;
import java.util.List;

import static dev.accordhub.connectors.scim.ScimAttribute.complex;
import static dev.accordhub.connectors.scim.ScimAttribute.of;
import static dev.accordhub.connectors.scim.ScimAttribute.string;

/**
 * The User and Group schemas of RFC 7643 §4 as far as the identity providers we serve send them, the enterprise
 * User extension, and the Accord User extension the hub registers through {@link ScimConfig#userExtension()}.
 */
public final class ScimCoreSchemas {

    public static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public static final String ACCORD_USER = "urn:ietf:params:scim:schemas:extension:accord:2.0:User";
    public static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public static final String SEARCH_REQUEST = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";
    public static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
    public static final String SERVICE_PROVIDER_CONFIG =
            "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    public static final String RESOURCE_TYPE = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
    public static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";

    /** RFC 7643 §3.1: on every resource, not part of any schema's attribute list. */
    public static final List<ScimAttribute> COMMON_ATTRIBUTES = List.of(
            string("id").asCaseExact().withMutability(Mutability.READ_ONLY).withReturned(Returned.ALWAYS)
                    .withUniqueness(Uniqueness.SERVER),
            string("externalId").asCaseExact(),
            complex("meta",
                    string("resourceType").asCaseExact().withMutability(Mutability.READ_ONLY),
                    of("created", Type.DATE_TIME).withMutability(Mutability.READ_ONLY),
                    of("lastModified", Type.DATE_TIME).withMutability(Mutability.READ_ONLY),
                    of("location", Type.REFERENCE).asCaseExact().withMutability(Mutability.READ_ONLY)
                            .withReferenceTypes("uri"),
                    string("version").asCaseExact().withMutability(Mutability.READ_ONLY))
                    .withMutability(Mutability.READ_ONLY));

    public static final ScimSchema USER_SCHEMA = new ScimSchema(USER, "User", "User Account", List.of(
            string("userName").asRequired().withUniqueness(Uniqueness.SERVER)
                    .withDescription("Unique identifier for the User, typically used to sign in"),
            complex("name",
                    string("formatted"), string("familyName"), string("givenName"), string("middleName"),
                    string("honorificPrefix"), string("honorificSuffix")),
            string("displayName"),
            string("nickName"),
            of("profileUrl", Type.REFERENCE).withReferenceTypes("external"),
            string("title"),
            string("userType"),
            string("preferredLanguage"),
            string("locale"),
            string("timezone"),
            of("active", Type.BOOLEAN),
            string("password").withMutability(Mutability.WRITE_ONLY).withReturned(Returned.NEVER)
                    .withDescription("Accepted and discarded: the hub signs nobody in with it"),
            typedValues("emails", "work", "home", "other"),
            typedValues("phoneNumbers", "work", "mobile", "fax", "pager", "home", "other"),
            complex("addresses",
                    string("formatted"), string("streetAddress"), string("locality"), string("region"),
                    string("postalCode"), string("country"),
                    string("type").withCanonicalValues("work", "home", "other"), of("primary", Type.BOOLEAN))
                    .asMultiValued(),
            complex("groups",
                    string("value").withMutability(Mutability.READ_ONLY),
                    of("$ref", Type.REFERENCE).withReferenceTypes("Group").withMutability(Mutability.READ_ONLY),
                    string("display").withMutability(Mutability.READ_ONLY),
                    string("type").withCanonicalValues("direct", "indirect").withMutability(Mutability.READ_ONLY))
                    .asMultiValued().withMutability(Mutability.READ_ONLY)
                    .withDescription("Groups the User is a member of, derived from the Groups' members"),
            typedValues("roles"),
            typedValues("entitlements")));

    public static final ScimSchema GROUP_SCHEMA = new ScimSchema(GROUP, "Group", "Group", List.of(
            string("displayName").asRequired(),
            complex("members",
                    string("value").asRequired().asCaseExact().withMutability(Mutability.IMMUTABLE),
                    of("$ref", Type.REFERENCE).asCaseExact().withReferenceTypes("User", "Group")
                            .withMutability(Mutability.IMMUTABLE),
                    string("display"),
                    string("type").withCanonicalValues("User", "Group").withMutability(Mutability.IMMUTABLE))
                    .asMultiValued()));

    public static final ScimSchema ENTERPRISE_USER_SCHEMA = new ScimSchema(ENTERPRISE_USER, "EnterpriseUser",
            "Enterprise User", List.of(
            string("employeeNumber"),
            string("costCenter"),
            string("organization"),
            string("division"),
            string("department"),
            complex("manager",
                    string("value").asCaseExact(),
                    of("$ref", Type.REFERENCE).withReferenceTypes("User"),
                    string("displayName").withMutability(Mutability.READ_ONLY))));

    /** What the hub passes to {@link ScimConfig#withUserExtension}: the partner company in the IdP's program. */
    public static final ScimSchema ACCORD_USER_SCHEMA = new ScimSchema(ACCORD_USER, "AccordUser",
            "Accord partner program membership", List.of(
            string("partnerId").asCaseExact()
                    .withDescription("Id of the user's partner company in the identity provider's program")));

    private ScimCoreSchemas() {
    }

    public static ScimResourceType userType(ScimSchema customExtension) {
        List<ScimSchema> extensions = new ArrayList<>(List.of(ENTERPRISE_USER_SCHEMA));
        if (customExtension != null) {
            if (customExtension.id().equalsIgnoreCase(ENTERPRISE_USER)) {
                throw new IllegalArgumentException("the enterprise extension is always registered");
            }
            extensions.add(customExtension);
        }
        return new ScimResourceType("User", "/Users", "User Account", USER_SCHEMA, extensions);
    }

    public static ScimResourceType groupType() {
        return new ScimResourceType("Group", "/Groups", "Group", GROUP_SCHEMA, List.of());
    }

    private static ScimAttribute typedValues(String name, String... types) {
        return complex(name,
                string("value"), string("display"), string("type").withCanonicalValues(types),
                of("primary", Type.BOOLEAN))
                .asMultiValued();
    }
}
