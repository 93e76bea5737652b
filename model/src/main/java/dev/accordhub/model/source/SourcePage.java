package dev.accordhub.model.source;

import java.util.List;

/** One page of changed records, oldest change first, and the cursor of the next page (null on the last one). */
public record SourcePage(List<SourceRecord> records, String nextCursor) {

    public boolean hasMore() {
        return nextCursor != null;
    }
}
