package dev.accordhub.connectors.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accordhub.connectors.scim.ScimAttribute.Mutability;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static dev.accordhub.connectors.scim.ScimException.INVALID_PATH;
import static dev.accordhub.connectors.scim.ScimException.INVALID_VALUE;
import static dev.accordhub.connectors.scim.ScimException.MUTABILITY;
import static dev.accordhub.connectors.scim.ScimException.NO_TARGET;

/** Resolves a PATCH path against a resource and changes what it selects. */
final class ScimPatchTarget {

    /** {@code container} is the resource or its extension object; null when removing from an absent extension. */
    record Target(ObjectNode container, ScimAttribute attribute, ScimAttribute sub, ScimFilter filter,
                  Predicate<JsonNode> matches) {
    }

    private final ScimResourceType type;
    private final ScimFilterEvaluator evaluator;

    ScimPatchTarget(ScimResourceType type) {
        this.type = type;
        this.evaluator = new ScimFilterEvaluator(type);
    }

    Target resolve(ObjectNode resource, String text, boolean create) {
        ScimPatchPath path = ScimPatchPath.parse(text);
        if (path.schemaUrn() != null && !type.isSchemaUrn(path.schemaUrn())) {
            throw ScimException.badRequest(INVALID_PATH, "Unknown schema in path '" + text + "'");
        }
        ScimAttribute attribute = type.attribute(path.schemaUrn(), path.attribute())
                .orElseThrow(() -> ScimException.badRequest(INVALID_PATH, "Unknown attribute in path '" + text + "'"));
        ScimAttribute sub = path.subAttribute() == null ? null : attribute.subAttribute(path.subAttribute())
                .orElseThrow(() -> ScimException.badRequest(INVALID_PATH, "Unknown attribute in path '" + text + "'"));
        if (path.filter() != null && !(attribute.isComplex() && attribute.multiValued())) {
            throw ScimException.badRequest(INVALID_PATH,
                    "'" + attribute.name() + "' is not multi-valued and complex: it takes no [filter]");
        }
        if (attribute.isReadOnly() || sub != null && sub.isReadOnly()) {
            throw ScimException.badRequest(MUTABILITY, "'" + text + "' is readOnly");
        }
        ObjectNode container = resource;
        if (path.schemaUrn() != null && !path.schemaUrn().equalsIgnoreCase(type.schema().id())) {
            String key = type.extension(path.schemaUrn()).orElseThrow().id();
            container = create ? objectAt(resource, key) : (ObjectNode) resource.get(key);
        }
        Predicate<JsonNode> matches = path.filter() == null ? null
                : evaluator.compileElement(path.filter(), attribute);
        return new Target(container, attribute, sub, path.filter(), matches);
    }

    /** add or replace at a path with a sub-attribute, a filter, or both. */
    void set(Target target, JsonNode value, boolean replace, String path, ScimResourceValidator validator) {
        ScimAttribute attribute = target.attribute();
        ScimAttribute sub = target.sub();
        if (target.filter() == null) {
            JsonNode checked = validator.element(sub, value, path);
            if (checked == null && !replace) {
                throw ScimException.badRequest(INVALID_VALUE, "add to '" + path + "' needs a value");
            }
            if (!attribute.multiValued()) {
                ObjectNode values = objectAt(target.container(), attribute.name());
                checkImmutable(sub, values.get(sub.name()), checked);
                setOrRemove(values, sub, checked);
                return;
            }
            ArrayNode values = arrayAt(target.container(), attribute.name());
            if (values.isEmpty() && checked != null) {
                values.addObject().set(sub.name(), checked);
            }
            values.forEach(element -> setOrRemove((ObjectNode) element, sub, checked));
            return;
        }
        ArrayNode values = arrayAt(target.container(), attribute.name());
        List<ObjectNode> matched = matching(values, target.matches());
        if (matched.isEmpty()) {
            // Entra ID adds emails[type eq "work"].value before any work address exists: seed it from the filter
            ObjectNode seed = seed(target.filter(), attribute).orElseThrow(() -> ScimException.badRequest(
                    NO_TARGET, "No value of '" + attribute.name() + "' matches '" + path + "'"));
            values.add(seed);
            matched = List.of(seed);
        }
        for (ObjectNode element : matched) {
            if (sub != null) {
                setOrRemove(element, sub, validator.element(sub, value, path));
            } else {
                JsonNode checked = validator.element(attribute, value, path);
                if (checked == null) {
                    throw ScimException.badRequest(INVALID_VALUE, "'" + path + "' needs a value");
                }
                element.setAll((ObjectNode) checked);
            }
            if (ScimMultiValues.isPrimary(element)) {
                ScimMultiValues.keepOnlyPrimary(values, element);
            }
        }
        JsonNode checked = validator.value(attribute, values, attribute.name());
        setOrRemove(target.container(), attribute, checked);
    }

    void remove(Target target) {
        ScimAttribute attribute = target.attribute();
        JsonNode existing = target.container().get(attribute.name());
        ScimAttribute sub = target.sub();
        if (target.filter() == null && sub == null) {
            target.container().remove(attribute.name());
            return;
        }
        List<JsonNode> selected = target.filter() == null ? ScimJson.values(existing)
                : List.copyOf(matching((ArrayNode) existing, target.matches()));
        for (JsonNode element : selected) {
            if (sub == null) {
                removeElement((ArrayNode) existing, element);
            } else {
                checkImmutable(attribute.multiValued() ? null : sub, element.get(sub.name()), null);
                ((ObjectNode) element).remove(sub.name());
            }
        }
    }

    /** Entra ID removes members by listing them in {@code value} under the path {@code members}. */
    void removeListed(Target target, JsonNode listed) {
        ArrayNode values = (ArrayNode) target.container().get(target.attribute().name());
        boolean caseExact = target.attribute().subAttribute("value").map(ScimAttribute::caseExact).orElse(true);
        for (JsonNode element : List.copyOf(ScimJson.values(values))) {
            for (JsonNode gone : listed) {
                if (element.equals(gone) || sameValue(element, gone, caseExact)) {
                    removeElement(values, element);
                    break;
                }
            }
        }
    }

    static void checkImmutable(ScimAttribute attribute, JsonNode existing, JsonNode replacement) {
        if (attribute != null && attribute.mutability() == Mutability.IMMUTABLE && existing != null
                && !existing.equals(replacement)) {
            throw ScimException.badRequest(MUTABILITY, "'" + attribute.name() + "' is immutable");
        }
    }

    static ObjectNode objectAt(ObjectNode container, String name) {
        JsonNode existing = container.get(name);
        return existing instanceof ObjectNode object ? object : container.putObject(name);
    }

    /** Drops empty arrays and objects, which are unassigned values (RFC 7643 §2.5), left by the operations. */
    static void prune(ObjectNode node) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            JsonNode value = it.next().getValue();
            if (value instanceof ObjectNode object) {
                prune(object);
            } else if (value instanceof ArrayNode array) {
                array.forEach(e -> {
                    if (e instanceof ObjectNode object) {
                        prune(object);
                    }
                });
                for (int i = array.size() - 1; i >= 0; i--) {
                    if (array.get(i).isNull() || array.get(i).isContainerNode() && array.get(i).isEmpty()) {
                        array.remove(i);
                    }
                }
            }
            if (value.isNull() || value.isContainerNode() && value.isEmpty()) {
                it.remove();
            }
        }
    }

    private static Optional<ObjectNode> seed(ScimFilter filter, ScimAttribute attribute) {
        if (filter instanceof ScimFilter.Compare compare && compare.operator() == ScimFilter.Operator.EQ
                && !compare.value().isNull()) {
            ScimAttribute sub = attribute.subAttribute(compare.path().attribute()).orElseThrow();
            ObjectNode seed = ScimJson.object();
            seed.set(sub.name(), compare.value());
            return Optional.of(seed);
        }
        if (filter instanceof ScimFilter.And and) {
            return seed(and.left(), attribute).flatMap(left -> seed(and.right(), attribute).map(left::setAll));
        }
        return Optional.empty();
    }

    private static List<ObjectNode> matching(ArrayNode values, Predicate<JsonNode> matches) {
        List<ObjectNode> matched = new ArrayList<>();
        for (JsonNode element : ScimJson.values(values)) {
            if (element instanceof ObjectNode object && matches.test(object)) {
                matched.add(object);
            }
        }
        return matched;
    }

    private static ArrayNode arrayAt(ObjectNode container, String name) {
        JsonNode existing = container.get(name);
        return existing instanceof ArrayNode array ? array : container.putArray(name);
    }

    private static void setOrRemove(ObjectNode container, ScimAttribute attribute, JsonNode value) {
        if (value == null) {
            container.remove(attribute.name());
        } else {
            container.set(attribute.name(), value);
        }
    }

    private static void removeElement(ArrayNode values, JsonNode element) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == element) {
                values.remove(i);
                return;
            }
        }
    }

    private static boolean sameValue(JsonNode element, JsonNode gone, boolean caseExact) {
        if (!element.path("value").isTextual() || !gone.path("value").isTextual()) {
            return false;
        }
        String a = element.get("value").textValue();
        String b = gone.get("value").textValue();
        return caseExact ? a.equals(b) : a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }
}
