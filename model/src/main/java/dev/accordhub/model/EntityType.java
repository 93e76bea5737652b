package dev.accordhub.model;

/** The kinds of canonical record the hub consolidates. The code names Kafka topics and source keys. */
public enum EntityType {
    PARTNER("partner"),
    USER("user"),
    DEAL("deal");

    private final String code;

    EntityType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static EntityType fromCode(String code) {
        for (EntityType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown entity type '" + code + "'");
    }
}
