package dev.accordhub.portal.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Cursor paging: {@code limit} (default 50, capped at 200) and an opaque {@code cursor} from the previous page's
 * {@code nextCursor}. Items come in id order; the cursor holds the last id served.
 */
public record PageRequest(int limit, String afterId) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** Parses the query parameters; throws {@link IllegalArgumentException} with a message for the client. */
    public static PageRequest parse(String limit, String cursor) {
        int size = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                size = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("limit must be a whole number between 1 and " + MAX_LIMIT);
            }
            if (size < 1) {
                throw new IllegalArgumentException("limit must be a whole number between 1 and " + MAX_LIMIT);
            }
        }
        String after = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cursor is not one this API issued");
            }
        }
        return new PageRequest(Math.min(size, MAX_LIMIT), after);
    }

    public static String cursorAfter(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
    }
}
