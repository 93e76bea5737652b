package dev.accordhub.connectors.scim;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An attribute path (RFC 7644 §3.10 attrPath): optional schema URN, attribute, optional sub-attribute, as in
 * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value} or {@code name.familyName}.
 */
public record ScimPath(String schemaUrn, String attribute, String subAttribute) {

    private static final Pattern NAME = Pattern.compile("\\$?[A-Za-z][A-Za-z0-9_-]*");

    /** Parses an attrPath, or empty when {@code text} is not one. */
    public static Optional<ScimPath> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String urn = null;
        String rest = text;
        if (text.regionMatches(true, 0, "urn:", 0, 4)) {
            int colon = text.lastIndexOf(':');
            urn = text.substring(0, colon);
            rest = text.substring(colon + 1);
        }
        String[] names = rest.split("\\.", -1);
        if (names.length > 2 || !NAME.matcher(names[0]).matches()
                || names.length == 2 && !NAME.matcher(names[1]).matches()) {
            return Optional.empty();
        }
        return Optional.of(new ScimPath(urn, names[0], names.length == 2 ? names[1] : null));
    }

    public ScimPath withoutSubAttribute() {
        return new ScimPath(schemaUrn, attribute, null);
    }

    @Override
    public String toString() {
        String base = schemaUrn == null ? attribute : schemaUrn + ":" + attribute;
        return subAttribute == null ? base : base + "." + subAttribute;
    }
}
