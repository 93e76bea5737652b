package dev.accordhub.model;

/** Source keys identify one record in one program: {@code <program>:<entity>:<external id>}. */
public final class SourceKeys {

    private SourceKeys() {
    }

    public static String of(String program, EntityType entity, String externalId) {
        return program + ":" + entity.code() + ":" + externalId;
    }

    public static String program(String sourceKey) {
        int colon = sourceKey.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("Not a source key: '" + sourceKey + "'");
        }
        return sourceKey.substring(0, colon);
    }
}
