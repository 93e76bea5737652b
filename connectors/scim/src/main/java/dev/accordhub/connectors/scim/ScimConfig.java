package dev.accordhub.connectors.scim;

/**
 * Settings of a {@link ScimService}.
 *
 * @param defaultCount        page size of a list when the client gives no {@code count}
 * @param maxResults          the largest page served; a larger {@code count} is cut to it
 * @param maxBodyBytes        request bodies larger than this (UTF-8 bytes) get 413
 * @param maxPatchOperations  a PatchOp with more operations gets 400 tooMany
 * @param userExtension       one caller-defined User extension schema besides the enterprise one, or null
 */
public record ScimConfig(int defaultCount, int maxResults, int maxBodyBytes, int maxPatchOperations,
                         ScimSchema userExtension) {

    public ScimConfig {
        require(defaultCount >= 1, "defaultCount must be at least 1");
        require(maxResults >= 1, "maxResults must be at least 1");
        require(defaultCount <= maxResults, "defaultCount must not exceed maxResults");
        require(maxBodyBytes >= 1024, "maxBodyBytes must be at least 1024");
        require(maxPatchOperations >= 1, "maxPatchOperations must be at least 1");
    }

    public static ScimConfig defaults() {
        return new ScimConfig(100, 200, 1024 * 1024, 1000, null);
    }

    public ScimConfig withMaxResults(int max) {
        return new ScimConfig(Math.min(defaultCount, max), max, maxBodyBytes, maxPatchOperations, userExtension);
    }

    public ScimConfig withMaxBodyBytes(int bytes) {
        return new ScimConfig(defaultCount, maxResults, bytes, maxPatchOperations, userExtension);
    }

    public ScimConfig withMaxPatchOperations(int operations) {
        return new ScimConfig(defaultCount, maxResults, maxBodyBytes, operations, userExtension);
    }

    public ScimConfig withUserExtension(ScimSchema extension) {
        return new ScimConfig(defaultCount, maxResults, maxBodyBytes, maxPatchOperations, extension);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("SCIM configuration: " + message);
        }
    }
}
