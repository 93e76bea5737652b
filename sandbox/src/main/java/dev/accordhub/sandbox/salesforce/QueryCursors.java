package dev.accordhub.sandbox.salesforce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Server-side query cursors. A query's rows are kept as they were when it ran, so paging through
 * {@code nextRecordsUrl} sees one snapshot even while records change, as Salesforce's query locators do.
 */
final class QueryCursors {

    /** One page of a query; {@code nextLocator} ("01g...-2000") is null on the last page. */
    record Page(List<ObjectNode> records, int totalSize, String nextLocator) {
    }

    private record Cursor(List<ObjectNode> rows, int batchSize) {
    }

    /** Salesforce keeps a limited number of open cursors per user too; the oldest go first. */
    private static final int MAX_OPEN_CURSORS = 200;

    private final SalesforceIds ids = new SalesforceIds();
    private final Map<String, Cursor> open = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cursor> eldest) {
            return size() > MAX_OPEN_CURSORS;
        }
    };

    synchronized Page firstPage(List<ObjectNode> rows, int batchSize) {
        if (rows.size() <= batchSize) {
            return new Page(rows, rows.size(), null);
        }
        String cursorId = ids.next("01g");
        open.put(cursorId, new Cursor(List.copyOf(rows), batchSize));
        return page(cursorId, 0);
    }

    /** The page a {@code nextRecordsUrl} locator points at. */
    synchronized Page page(String locator) {
        int dash = locator.lastIndexOf('-');
        if (dash < 0) {
            throw invalidLocator();
        }
        try {
            return page(locator.substring(0, dash), Integer.parseInt(locator.substring(dash + 1)));
        } catch (NumberFormatException e) {
            throw invalidLocator();
        }
    }

    private Page page(String cursorId, int offset) {
        Cursor cursor = open.get(cursorId);
        if (cursor == null || offset < 0 || offset >= cursor.rows().size()) {
            throw invalidLocator();
        }
        int end = Math.min(cursor.rows().size(), offset + cursor.batchSize());
        String next = end < cursor.rows().size() ? cursorId + "-" + end : null;
        return new Page(cursor.rows().subList(offset, end), cursor.rows().size(), next);
    }

    private static SalesforceApiException invalidLocator() {
        return new SalesforceApiException(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
    }
}
