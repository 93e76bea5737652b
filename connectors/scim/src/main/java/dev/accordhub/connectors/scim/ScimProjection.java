package dev.accordhub.connectors.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accordhub.connectors.scim.ScimAttribute.Returned;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which attributes a response carries (RFC 7644 §3.4.2.5, RFC 7643 §7 "returned"): {@code attributes} names the
 * only ones wanted, {@code excludedAttributes} removes some of the default set; {@code always} attributes stay and
 * {@code never} ones go regardless. Names the schema does not know are ignored.
 */
final class ScimProjection {

    private final ScimResourceType type;
    private final Set<String> included;
    private final Set<String> excluded;

    private ScimProjection(ScimResourceType type, Set<String> included, Set<String> excluded) {
        this.type = type;
        this.included = included;
        this.excluded = excluded;
    }

    static ScimProjection of(ScimResourceType type, String attributes, String excludedAttributes) {
        return new ScimProjection(type, keys(type, attributes), keys(type, excludedAttributes));
    }

    ObjectNode apply(ObjectNode resource) {
        ObjectNode out = ScimJson.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = resource.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            if (name.equals("schemas")) {
                out.set(name, field.getValue());
            } else if (type.extension(name).isPresent()) {
                ScimSchema extension = type.extension(name).get();
                ObjectNode values = ScimJson.object();
                field.getValue().fields().forEachRemaining(e -> extension.attribute(e.getKey()).ifPresent(a ->
                        project(values, key(extension.id(), a.name()), a, e.getValue())));
                if (!values.isEmpty()) {
                    out.set(name, values);
                }
            } else {
                type.attribute(null, name).ifPresent(a -> project(out, key("", a.name()), a, field.getValue()));
            }
        }
        return out;
    }

    private void project(ObjectNode out, String key, ScimAttribute attribute, JsonNode value) {
        if (attribute.returned() == Returned.NEVER) {
            return;
        }
        if (attribute.returned() == Returned.ALWAYS || included.contains(key) || includesWholeSchemaOf(key)) {
            out.set(attribute.name(), value);
            return;
        }
        Set<String> subs = subKeys(included, key);
        if (!included.isEmpty()) {
            if (!subs.isEmpty()) {
                out.set(attribute.name(), keepSubAttributes(value, subs, true));
            }
            return;
        }
        if (attribute.returned() == Returned.REQUEST || excluded.contains(key)) {
            return;
        }
        Set<String> excludedSubs = subKeys(excluded, key);
        out.set(attribute.name(), excludedSubs.isEmpty() ? value : keepSubAttributes(value, excludedSubs, false));
    }

    private boolean includesWholeSchemaOf(String key) {
        return included.contains(key.substring(0, key.indexOf('|')) + "|");
    }

    private static JsonNode keepSubAttributes(JsonNode value, Set<String> subs, boolean keep) {
        if (value instanceof ArrayNode array) {
            ArrayNode out = ScimJson.MAPPER.createArrayNode();
            array.forEach(element -> out.add(keepSubAttributes(element, subs, keep)));
            return out;
        }
        ObjectNode out = ScimJson.object();
        value.fields().forEachRemaining(e -> {
            if (subs.contains(e.getKey().toLowerCase(Locale.ROOT)) == keep) {
                out.set(e.getKey(), e.getValue());
            }
        });
        return out;
    }

    private static Set<String> subKeys(Set<String> keys, String key) {
        Set<String> subs = new HashSet<>();
        keys.stream().filter(k -> k.startsWith(key + ".")).forEach(k -> subs.add(k.substring(key.length() + 1)));
        return subs;
    }

    /** Keys like {@code |name.givenname}, {@code urn:…:enterprise:2.0:user|department}, {@code urn:…:user|}. */
    private static Set<String> keys(ScimResourceType type, String list) {
        Set<String> keys = new HashSet<>();
        if (list == null || list.isBlank()) {
            return keys;
        }
        for (String item : Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            if (type.extension(item).isPresent()) {
                keys.add(key(type.extension(item).get().id(), ""));
                continue;
            }
            ScimPath.parse(item).ifPresent(path -> {
                String container = path.schemaUrn() == null || path.schemaUrn().equalsIgnoreCase(type.schema().id())
                        ? "" : path.schemaUrn();
                String attribute = key(container, path.attribute());
                keys.add(path.subAttribute() == null ? attribute : attribute + "." + path.subAttribute()
                        .toLowerCase(Locale.ROOT));
            });
        }
        return keys;
    }

    private static String key(String container, String attribute) {
        return (container + "|" + attribute).toLowerCase(Locale.ROOT);
    }
}
