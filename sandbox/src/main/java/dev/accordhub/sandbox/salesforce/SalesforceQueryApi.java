package dev.accordhub.sandbox.salesforce;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accordhub.sandbox.JsonHttp;
import dev.accordhub.sandbox.SandboxRequest;
import dev.accordhub.sandbox.SandboxResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code query/?q=}, {@code queryAll/?q=} and the {@code query/<locator>} pages behind {@code nextRecordsUrl}. */
final class SalesforceQueryApi {

    /** Salesforce's bounds for the batchSize a client may ask for. */
    static final int MIN_BATCH_SIZE = 200;
    static final int MAX_BATCH_SIZE = 2000;
    private static final Pattern BATCH_SIZE_OPTION = Pattern.compile("batchSize\\s*=\\s*(\\d{1,9})", Pattern.CASE_INSENSITIVE);

    private final SoqlExecutor executor;
    private final QueryCursors cursors = new QueryCursors();
    private final int defaultBatchSize;

    SalesforceQueryApi(SalesforceStore store, int defaultBatchSize) {
        this.executor = new SoqlExecutor(store);
        this.defaultBatchSize = defaultBatchSize;
    }

    /**
     * @param rest       the path after {@code query} or {@code queryAll}: empty, or the locator of a next page
     * @param apiVersion e.g. "v56.0", echoed in every URL the answer holds
     */
    SandboxResponse handle(SandboxRequest request, String apiVersion, boolean includeDeleted, List<String> rest) {
        if (!request.method().equals("GET")) {
            return SalesforceJson.errors(405, "METHOD_NOT_ALLOWED",
                    "HTTP Method '" + request.method() + "' not allowed. Allowed are GET,HEAD", List.of());
        }
        if (rest.size() == 1) {
            return answer(cursors.page(rest.get(0)), apiVersion);
        }
        if (!rest.isEmpty()) {
            throw SalesforceApiException.notFound();
        }
        SoqlQuery query = SoqlParser.parse(request.queryParam("q").orElse(null));
        SoqlExecutor.Result result = executor.execute(query, includeDeleted);
        List<ObjectNode> rows = result.rows().stream()
                .map(row -> SalesforceJson.record(result.type(), row.id(), row.fields(), apiVersion))
                .toList();
        return answer(cursors.firstPage(rows, batchSize(request)), apiVersion);
    }

    private int batchSize(SandboxRequest request) {
        return request.header("Sforce-Query-Options")
                .map(BATCH_SIZE_OPTION::matcher)
                .filter(Matcher::find)
                .map(m -> Math.max(MIN_BATCH_SIZE, Math.min(MAX_BATCH_SIZE, Integer.parseInt(m.group(1)))))
                .orElse(defaultBatchSize);
    }

    private static SandboxResponse answer(QueryCursors.Page page, String apiVersion) {
        ObjectNode body = JsonHttp.object()
                .put("totalSize", page.totalSize())
                .put("done", page.nextLocator() == null);
        if (page.nextLocator() != null) {
            body.put("nextRecordsUrl", "/services/data/" + apiVersion + "/query/" + page.nextLocator());
        }
        ArrayNode records = body.putArray("records");
        page.records().forEach(records::add);
        return SandboxResponse.json(200, body);
    }
}
