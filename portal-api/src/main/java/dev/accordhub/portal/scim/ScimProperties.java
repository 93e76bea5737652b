package dev.accordhub.portal.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code accord.scim.identity-providers.<name>}: each acquired program's identity provider pushes its users to
 * {@code /scim/v2} with a bearer token of its own. {@code program} says whose partner companies its users'
 * {@code partnerId} names (the id of the company in that program's CRM).
 */
@ConfigurationProperties("accord.scim")
public record ScimProperties(Map<String, IdentityProvider> identityProviders) {

    public record IdentityProvider(String program, String token) {
    }

    public ScimProperties {
        identityProviders = identityProviders == null ? Map.of() : Map.copyOf(identityProviders);
        List<String> problems = new ArrayList<>();
        identityProviders.forEach((name, idp) -> {
            if (!name.matches("[a-z][a-z0-9-]*")) {
                problems.add("accord.scim.identity-providers." + name + ": the name must be lower-case letters, "
                        + "digits and dashes");
            }
            if (idp.program() == null || idp.program().isBlank()) {
                problems.add("accord.scim.identity-providers." + name + ".program is required");
            }
            if (idp.token() == null || idp.token().length() < 16) {
                problems.add("accord.scim.identity-providers." + name + ".token must be at least 16 characters");
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** The identity provider this bearer token belongs to, or null. */
    public String identityProviderOf(String token) {
        if (token == null) {
            return null;
        }
        for (var entry : identityProviders.entrySet()) {
            if (java.security.MessageDigest.isEqual(entry.getValue().token().getBytes(
                    java.nio.charset.StandardCharsets.UTF_8), token.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                return entry.getKey();
            }
        }
        return null;
    }
}
