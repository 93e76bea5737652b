package dev.accordhub.sandbox.salesforce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accordhub.sandbox.FailureInjector;
import dev.accordhub.sandbox.JsonHttp;
import dev.accordhub.sandbox.SandboxRequest;
import dev.accordhub.sandbox.SandboxResponse;
import dev.accordhub.sandbox.TokenRegistry;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/** Sends each request to its API, after the checks Salesforce makes first: session, injected failures, usage. */
final class SalesforceRouter {

    static final long DAILY_API_REQUEST_MAX = 100_000;
    private static final Pattern API_VERSION = Pattern.compile("v\\d+\\.\\d+");

    private final SalesforceOAuth oauth;
    private final TokenRegistry tokens;
    private final FailureInjector failures;
    private final SalesforceQueryApi queries;
    private final SalesforceSObjectApi sobjects;
    private final SalesforceCollectionsApi collections;
    private final AtomicLong apiRequests = new AtomicLong();

    SalesforceRouter(SalesforceOAuth oauth, TokenRegistry tokens, FailureInjector failures,
                     SalesforceQueryApi queries, SalesforceSObjectApi sobjects,
                     SalesforceCollectionsApi collections) {
        this.oauth = oauth;
        this.tokens = tokens;
        this.failures = failures;
        this.queries = queries;
        this.sobjects = sobjects;
        this.collections = collections;
    }

    long apiRequestCount() {
        return apiRequests.get();
    }

    SandboxResponse route(SandboxRequest request) {
        try {
            if (request.startsWith("services", "oauth2")) {
                return oauth.handle(request);
            }
            if (request.startsWith("services", "data")) {
                return request.path().size() == 2 ? versions() : data(request);
            }
            if (request.startsWith("id") && request.path().size() == 3) {
                requireSession(request);
                return identity();
            }
            throw SalesforceApiException.notFound();
        } catch (SalesforceApiException e) {
            return SalesforceJson.error(e);
        }
    }

    private SandboxResponse data(SandboxRequest request) {
        String version = request.path().get(2);
        if (!API_VERSION.matcher(version).matches()) {
            throw SalesforceApiException.notFound();
        }
        requireSession(request);
        long used = apiRequests.incrementAndGet();
        SandboxResponse response;
        try {
            OptionalInt failure = failures.take(request);
            response = failure.isPresent()
                    ? injectedFailure(failure.getAsInt())
                    : dispatch(request, version, request.path().subList(3, request.path().size()));
        } catch (SalesforceApiException e) {
            response = SalesforceJson.error(e);
        }
        return response.withHeader("Sforce-Limit-Info", "api-usage=" + used + "/" + DAILY_API_REQUEST_MAX);
    }

    private SandboxResponse dispatch(SandboxRequest request, String version, List<String> rest) {
        if (rest.isEmpty()) {
            return resources(version);
        }
        List<String> tail = rest.subList(1, rest.size());
        return switch (rest.get(0)) {
            case "query" -> queries.handle(request, version, false, tail);
            case "queryAll" -> queries.handle(request, version, true, tail);
            case "sobjects" -> sobjects.handle(request, effectiveMethod(request), version, tail);
            case "composite" -> collections.handle(request, effectiveMethod(request), tail);
            case "limits" -> limits();
            default -> throw SalesforceApiException.notFound();
        };
    }

    private void requireSession(SandboxRequest request) {
        boolean valid = request.bearerToken().map(tokens::isValid).orElse(false);
        if (!valid) {
            throw new SalesforceApiException(401, "INVALID_SESSION_ID", "Session expired or invalid");
        }
    }

    /** Clients that cannot send PATCH post with {@code ?_HttpMethod=PATCH}, which Salesforce honours. */
    private static String effectiveMethod(SandboxRequest request) {
        return request.method().equals("POST") ? request.queryParam("_HttpMethod").orElse("POST") : request.method();
    }

    private static SandboxResponse injectedFailure(int status) {
        return switch (status) {
            case 401 -> SalesforceJson.errors(401, "INVALID_SESSION_ID", "Session expired or invalid", List.of());
            case 403 -> SalesforceJson.errors(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.", List.of());
            default -> SalesforceJson.errors(status, "SERVER_ERROR",
                    "Injected failure: the sandbox was told to fail this request", List.of());
        };
    }

    private SandboxResponse limits() {
        ObjectNode body = JsonHttp.object();
        body.putObject("DailyApiRequests")
                .put("Max", DAILY_API_REQUEST_MAX)
                .put("Remaining", Math.max(0, DAILY_API_REQUEST_MAX - apiRequests.get()));
        return SandboxResponse.json(200, body);
    }

    private static SandboxResponse versions() {
        var body = JsonHttp.array();
        body.addObject().put("label", "Winter '23").put("url", "/services/data/v56.0").put("version", "56.0");
        return SandboxResponse.json(200, body);
    }

    private static SandboxResponse resources(String version) {
        String base = "/services/data/" + version;
        ObjectNode body = JsonHttp.object()
                .put("limits", base + "/limits")
                .put("query", base + "/query")
                .put("queryAll", base + "/queryAll")
                .put("sobjects", base + "/sobjects")
                .put("composite", base + "/composite");
        return SandboxResponse.json(200, body);
    }

    private SandboxResponse identity() {
        ObjectNode body = JsonHttp.object()
                .put("id", oauth.identityUrl())
                .put("user_id", SalesforceOAuth.USER_ID)
                .put("organization_id", SalesforceOAuth.ORG_ID)
                .put("username", "integration@helios.sandbox");
        return SandboxResponse.json(200, body);
    }
}
