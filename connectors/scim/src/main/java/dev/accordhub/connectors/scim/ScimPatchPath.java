package dev.accordhub.connectors.scim;

import java.util.Optional;

/**
 * The {@code path} of a PATCH operation (RFC 7644 §3.5.2): {@code attrPath}, {@code attrPath[valFilter]} or
 * {@code attrPath[valFilter].subAttr}, e.g. {@code members[value eq "2819c223"]} or
 * {@code emails[type eq "work"].value}.
 */
record ScimPatchPath(String schemaUrn, String attribute, ScimFilter filter, String subAttribute) {

    static ScimPatchPath parse(String text) {
        int open = text.indexOf('[');
        if (open < 0) {
            ScimPath path = ScimPath.parse(text).orElseThrow(() -> invalid(text));
            return new ScimPatchPath(path.schemaUrn(), path.attribute(), null, path.subAttribute());
        }
        int close = text.lastIndexOf(']');
        ScimPath path = ScimPath.parse(text.substring(0, open)).orElseThrow(() -> invalid(text));
        if (close < open || path.subAttribute() != null) {
            throw invalid(text);
        }
        String rest = text.substring(close + 1);
        String sub = null;
        if (!rest.isEmpty()) {
            sub = Optional.of(rest).filter(r -> r.startsWith(".")).flatMap(r -> ScimPath.parse(r.substring(1)))
                    .filter(p -> p.subAttribute() == null && p.schemaUrn() == null)
                    .map(ScimPath::attribute)
                    .orElseThrow(() -> invalid(text));
        }
        ScimFilter filter = new ScimFilterParser(text.substring(open + 1, close), open + 1).parseValueFilter();
        return new ScimPatchPath(path.schemaUrn(), path.attribute(), filter, sub);
    }

    ScimPath attributePath() {
        return new ScimPath(schemaUrn, attribute, null);
    }

    private static ScimException invalid(String text) {
        return ScimException.badRequest(ScimException.INVALID_PATH, "Invalid PATCH path '" + text + "'");
    }
}
