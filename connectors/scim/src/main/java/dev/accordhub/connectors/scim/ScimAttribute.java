package dev.accordhub.connectors.scim;

import java.util.List;
import java.util.Optional;

/**
 * One attribute definition of a SCIM schema (RFC 7643 §7). The same definitions validate requests, drive filters
 * and PATCH paths, and are served by {@code /Schemas}.
 */
public record ScimAttribute(String name, Type type, boolean multiValued, boolean required, boolean caseExact,
                            Mutability mutability, Returned returned, Uniqueness uniqueness,
                            List<ScimAttribute> subAttributes, List<String> canonicalValues,
                            List<String> referenceTypes, String description) {

    public enum Type {
        STRING("string"), BOOLEAN("boolean"), DECIMAL("decimal"), INTEGER("integer"), DATE_TIME("dateTime"),
        REFERENCE("reference"), BINARY("binary"), COMPLEX("complex");

        private final String scimName;

        Type(String scimName) {
            this.scimName = scimName;
        }

        public String scimName() {
            return scimName;
        }

        public boolean isText() {
            return this == STRING || this == REFERENCE || this == BINARY || this == DATE_TIME;
        }
    }

    public enum Mutability {
        READ_ONLY("readOnly"), READ_WRITE("readWrite"), IMMUTABLE("immutable"), WRITE_ONLY("writeOnly");

        private final String scimName;

        Mutability(String scimName) {
            this.scimName = scimName;
        }

        public String scimName() {
            return scimName;
        }
    }

    public enum Returned {
        ALWAYS("always"), NEVER("never"), DEFAULT("default"), REQUEST("request");

        private final String scimName;

        Returned(String scimName) {
            this.scimName = scimName;
        }

        public String scimName() {
            return scimName;
        }
    }

    public enum Uniqueness {
        NONE("none"), SERVER("server"), GLOBAL("global");

        private final String scimName;

        Uniqueness(String scimName) {
            this.scimName = scimName;
        }

        public String scimName() {
            return scimName;
        }
    }

    public ScimAttribute {
        subAttributes = List.copyOf(subAttributes);
        canonicalValues = List.copyOf(canonicalValues);
        referenceTypes = List.copyOf(referenceTypes);
        description = description == null ? "" : description;
    }

    public static ScimAttribute of(String name, Type type) {
        return new ScimAttribute(name, type, false, false, false, Mutability.READ_WRITE, Returned.DEFAULT,
                Uniqueness.NONE, List.of(), List.of(), List.of(), "");
    }

    public static ScimAttribute string(String name) {
        return of(name, Type.STRING);
    }

    public static ScimAttribute complex(String name, ScimAttribute... subAttributes) {
        return of(name, Type.COMPLEX).withSubAttributes(List.of(subAttributes));
    }

    public ScimAttribute asMultiValued() {
        return new ScimAttribute(name, type, true, required, caseExact, mutability, returned, uniqueness,
                subAttributes, canonicalValues, referenceTypes, description);
    }

    public ScimAttribute asRequired() {
        return new ScimAttribute(name, type, multiValued, true, caseExact, mutability, returned, uniqueness,
                subAttributes, canonicalValues, referenceTypes, description);
    }

    public ScimAttribute asCaseExact() {
        return new ScimAttribute(name, type, multiValued, required, true, mutability, returned, uniqueness,
                subAttributes, canonicalValues, referenceTypes, description);
    }

    public ScimAttribute withMutability(Mutability value) {
        return new ScimAttribute(name, type, multiValued, required, caseExact, value, returned, uniqueness,
                subAttributes, canonicalValues, referenceTypes, description);
    }

    public ScimAttribute withReturned(Returned value) {
        return new ScimAttribute(name, type, multiValued, required, caseExact, mutability, value, uniqueness,
                subAttributes, canonicalValues, referenceTypes, description);
    }

    public ScimAttribute withUniqueness(Uniqueness value) {
        return new ScimAttribute(name, type, multiValued, required, caseExact, mutability, returned, value,
                subAttributes, canonicalValues, referenceTypes, description);
    }

    public ScimAttribute withSubAttributes(List<ScimAttribute> value) {
        return new ScimAttribute(name, type, multiValued, required, caseExact, mutability, returned, uniqueness,
                value, canonicalValues, referenceTypes, description);
    }

    public ScimAttribute withCanonicalValues(String... values) {
        return new ScimAttribute(name, type, multiValued, required, caseExact, mutability, returned, uniqueness,
                subAttributes, List.of(values), referenceTypes, description);
    }

    public ScimAttribute withReferenceTypes(String... values) {
        return new ScimAttribute(name, type, multiValued, required, caseExact, mutability, returned, uniqueness,
                subAttributes, canonicalValues, List.of(values), description);
    }

    public ScimAttribute withDescription(String value) {
        return new ScimAttribute(name, type, multiValued, required, caseExact, mutability, returned, uniqueness,
                subAttributes, canonicalValues, referenceTypes, value);
    }

    public Optional<ScimAttribute> subAttribute(String subName) {
        return subAttributes.stream().filter(a -> a.name.equalsIgnoreCase(subName)).findFirst();
    }

    public boolean isComplex() {
        return type == Type.COMPLEX;
    }

    public boolean isReadOnly() {
        return mutability == Mutability.READ_ONLY;
    }
}
