package dev.accordhub.model;

/** Source keys identify one record in one program: {@code <program>:<entity>:<external id>}. */
public final class SourceKeys {

    private SourceKeys() {
    }

    public static String of(String program, EntityType entity, String externalId) {
        return program + ":" + entity.code() + ":" + externalId;
    }
}
