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

import static dev.accordhub.connectors.scim.ScimException.INVALID_SYNTAX;
import static dev.accordhub.connectors.scim.ScimException.INVALID_VALUE;
import static dev.accordhub.connectors.scim.ScimException.MUTABILITY;
import static dev.accordhub.connectors.scim.ScimException.NO_TARGET;

/**
 * Applies a PatchOp (RFC 7644 §3.5.2) to a copy of a resource: all operations or none. Operation names are
 * case-insensitive because Entra ID sends "Replace"; see {@link ScimPatchTarget} for how paths are resolved.
 */
final class ScimPatch {

    private record Operation(String op, String path, JsonNode value, String where) {
    }

    private final ScimResourceType type;
    private final ScimResourceValidator validator;
    private final ScimPatchTarget targets;
    private final int maxOperations;

    ScimPatch(ScimResourceType type, int maxOperations) {
        this.type = type;
        this.validator = new ScimResourceValidator(type);
        this.targets = new ScimPatchTarget(type);
        this.maxOperations = maxOperations;
    }

    /** The patched copy of {@code current}, which is never modified; any error leaves nothing applied. */
    ObjectNode apply(ObjectNode current, JsonNode body) {
        List<Operation> operations = operations(body);
        ObjectNode resource = current.deepCopy();
        for (Operation operation : operations) {
            switch (operation.op()) {
                case "add" -> addOrReplace(resource, operation, false);
                case "replace" -> addOrReplace(resource, operation, true);
                default -> remove(resource, operation);
            }
        }
        ScimPatchTarget.prune(resource);
        validator.checkRequired(resource);
        return resource;
    }

    private List<Operation> operations(JsonNode body) {
        JsonNode schemas = ScimJson.field(body, "schemas");
        boolean patchOp = schemas != null && ScimJson.values(schemas).stream()
                .anyMatch(s -> s.asText().equalsIgnoreCase(ScimCoreSchemas.PATCH_OP));
        if (!patchOp) {
            throw ScimException.badRequest(INVALID_SYNTAX, "'schemas' must list " + ScimCoreSchemas.PATCH_OP);
        }
        JsonNode list = ScimJson.field(body, "Operations");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw ScimException.badRequest(INVALID_SYNTAX, "'Operations' must be a non-empty array");
        }
        if (list.size() > maxOperations) {
            throw ScimException.badRequest(ScimException.TOO_MANY,
                    "At most " + maxOperations + " operations are accepted in one PATCH, got " + list.size());
        }
        List<Operation> operations = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String where = "Operations[" + i + "]";
            JsonNode op = ScimJson.field(node, "op");
            String name = op != null && op.isTextual() ? op.textValue().toLowerCase(Locale.ROOT) : "";
            if (!List.of("add", "remove", "replace").contains(name)) {
                throw ScimException.badRequest(INVALID_SYNTAX, where + ".op must be add, remove or replace");
            }
            JsonNode path = ScimJson.field(node, "path");
            if (path != null && !path.isNull() && !path.isTextual()) {
                throw ScimException.badRequest(ScimException.INVALID_PATH, where + ".path must be a string");
            }
            String pathText = path == null || path.isNull() || path.textValue().isBlank() ? null : path.textValue();
            operations.add(new Operation(name, pathText, ScimJson.field(node, "value"), where));
        }
        return operations;
    }

    private void addOrReplace(ObjectNode resource, Operation operation, boolean replace) {
        JsonNode value = operation.value();
        if (operation.path() == null) {
            if (value == null || !value.isObject()) {
                throw ScimException.badRequest(INVALID_VALUE, operation.where() + " without path needs an object");
            }
            ObjectNode attributes = validator.attributes(value);
            if (replace) {
                clearUnassigned(resource, value);
            }
            mergeAttributes(resource, attributes, replace);
            return;
        }
        ScimPatchTarget.Target target = targets.resolve(resource, operation.path(), true);
        if (target.filter() == null && target.sub() == null) {
            ScimAttribute attribute = target.attribute();
            JsonNode wrapped = attribute.multiValued() && value != null && !value.isArray()
                    ? ScimJson.MAPPER.createArrayNode().add(value) : value;
            JsonNode checked = validator.value(attribute, wrapped, operation.path());
            if (checked == null) {
                requireValueUnless(replace, operation);
                ScimPatchTarget.checkImmutable(attribute, target.container().get(attribute.name()), null);
                target.container().remove(attribute.name());
            } else {
                merge(target.container(), attribute, checked, replace);
            }
            return;
        }
        targets.set(target, value, replace, operation.path(), validator);
    }

    private void mergeAttributes(ObjectNode resource, ObjectNode attributes, boolean replace) {
        for (Iterator<Map.Entry<String, JsonNode>> it = attributes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            var extension = type.extension(field.getKey());
            if (extension.isEmpty()) {
                merge(resource, type.attribute(null, field.getKey()).orElseThrow(), field.getValue(), replace);
                continue;
            }
            ObjectNode values = ScimPatchTarget.objectAt(resource, extension.get().id());
            field.getValue().fields().forEachRemaining(e ->
                    merge(values, extension.get().attribute(e.getKey()).orElseThrow(), e.getValue(), replace));
        }
    }

    /** A pathless replace with {@code null} or {@code []} for an attribute unassigns it (RFC 7643 §2.5). */
    private void clearUnassigned(ObjectNode resource, JsonNode value) {
        value.fields().forEachRemaining(field -> {
            var extension = type.extension(field.getKey());
            if (extension.isPresent() && field.getValue().isObject() && resource.get(extension.get().id())
                    instanceof ObjectNode values) {
                field.getValue().fields().forEachRemaining(e -> extension.get().attribute(e.getKey())
                        .filter(a -> isUnassigned(e.getValue()) && !a.isReadOnly())
                        .ifPresent(a -> values.remove(a.name())));
            } else if (isUnassigned(field.getValue())) {
                type.attribute(null, field.getKey()).filter(a -> !a.isReadOnly()).ifPresent(a -> {
                    ScimPatchTarget.checkImmutable(a, resource.get(a.name()), null);
                    resource.remove(a.name());
                });
            }
        });
    }

    private static boolean isUnassigned(JsonNode value) {
        return value.isNull() || value.isArray() && value.isEmpty();
    }

    /**
     * add appends to a multi-valued attribute and replace swaps the whole list; for a single complex attribute
     * both set the given sub-attributes and leave the others (RFC 7644 §3.5.2.1 and §3.5.2.3).
     */
    private static void merge(ObjectNode container, ScimAttribute attribute, JsonNode value, boolean replace) {
        JsonNode existing = container.get(attribute.name());
        if (attribute.multiValued()) {
            if (replace || existing == null) {
                container.set(attribute.name(), value);
                return;
            }
            ArrayNode values = (ArrayNode) existing;
            for (JsonNode element : value) {
                if (!ScimMultiValues.contains(attribute, values, element)) {
                    values.add(element);
                    if (ScimMultiValues.isPrimary(element)) {
                        ScimMultiValues.keepOnlyPrimary(values, element);
                    }
                }
            }
            return;
        }
        if (attribute.isComplex() && existing != null && existing.isObject()) {
            ObjectNode target = (ObjectNode) existing;
            value.fields().forEachRemaining(e -> {
                ScimAttribute sub = attribute.subAttribute(e.getKey()).orElseThrow();
                ScimPatchTarget.checkImmutable(sub, target.get(sub.name()), e.getValue());
                target.set(sub.name(), e.getValue());
            });
            return;
        }
        ScimPatchTarget.checkImmutable(attribute, existing, value);
        container.set(attribute.name(), value);
    }

    private void remove(ObjectNode resource, Operation operation) {
        if (operation.path() == null) {
            throw ScimException.badRequest(NO_TARGET, operation.where() + ": remove needs a path");
        }
        ScimPatchTarget.Target target = targets.resolve(resource, operation.path(), false);
        if (target.container() == null || !target.container().has(target.attribute().name())) {
            return;
        }
        ScimAttribute attribute = target.attribute();
        if (attribute.mutability() == Mutability.IMMUTABLE && target.sub() == null && target.filter() == null) {
            throw ScimException.badRequest(MUTABILITY, "'" + attribute.name() + "' is immutable");
        }
        JsonNode value = operation.value();
        if (target.filter() == null && target.sub() == null && attribute.multiValued()
                && value != null && !value.isNull()) {
            JsonNode wrapped = value.isArray() ? value : ScimJson.MAPPER.createArrayNode().add(value);
            JsonNode listed = validator.value(attribute, wrapped, operation.path());
            targets.removeListed(target, listed == null ? ScimJson.MAPPER.createArrayNode() : listed);
            return;
        }
        targets.remove(target);
    }

    private static void requireValueUnless(boolean replace, Operation operation) {
        if (!replace) {
            throw ScimException.badRequest(INVALID_VALUE, operation.where() + ": add needs a value");
        }
    }
}
