package dev.accordhub.sandbox.hubspot;

/**
 * A refusal in HubSpot's words, answered as {@code {"status":"error","message","correlationId","category"}}. The
 * sandbox's Java helpers throw it too, so a test sees what a client over HTTP would.
 */
public final class HubSpotApiException extends RuntimeException {

    private final int status;
    private final String category;

    public HubSpotApiException(int status, String category, String message) {
        super(message);
        this.status = status;
        this.category = category;
    }

    static HubSpotApiException validation(String message) {
        return new HubSpotApiException(400, "VALIDATION_ERROR", message);
    }

    static HubSpotApiException notFound() {
        return new HubSpotApiException(404, "OBJECT_NOT_FOUND", "Object not found.  objectId are usually numeric.");
    }

    public int status() {
        return status;
    }

    public String category() {
        return category;
    }
}
