package dev.accordhub.portal.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.component.servlet.ServletComponent;
import org.apache.camel.component.servlet.ServletEndpoint;
import org.apache.camel.http.common.HttpConsumer;
import org.apache.camel.http.common.HttpRestServletResolveConsumerStrategy;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The servlet's operation index against Camel's own strategy, on real servlet consumers: for every request, the
 * same operation (or the same refusal), and the index itself answers the ordinary requests.
 */
class RestOperationIndexTest {

    private static final List<String> OPERATIONS = List.of(
            "GET /me", "GET /partners", "GET /partners/{id}", "GET /partners/me", "GET /partners/{id}/deals",
            "GET /deals/{id}", "POST /deals", "PUT /deals/{id}", "DELETE /deals/{id}",
            "GET /mdf/funds", "GET /mdf/funds/{fundId}", "POST /mdf/funds/{fundId}/claims",
            "GET /ops/dead-letters/{id}", "POST /ops/dead-letters/{id}/retry",
            // the OpenAPI document: Camel's REST API consumer takes every path that starts with its own
            "GET /openapi.json?matchOnUriPrefix=true",
            // a literal path for PUT only beside a GET template: Camel answers GET /things/special with 405
            "PUT /things/special", "GET /things/{id}",
            // two templates fit /a/b/c equally: Camel refuses it as ambiguous
            "GET /a/{x}/c", "GET /a/b/{y}",
            // the template with fewer parameters wins
            "GET /x/{a}/{b}", "GET /x/{a}/y", "GET,POST /multi/{id}",
            // PATCH has literal paths only, where Camel compares whole paths rather than segments
            "PATCH /settings", "PATCH /settings/mail", "PATCH /set?matchOnUriPrefix=true");

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

    private static final List<String> PATHS = List.of(
            "/me", "/ME", "/me/", "/partners", "/partners/", "/partners/p-1", "/partners/me", "/Partners/Me",
            "/partners/p-1/deals", "/partners/p-1/deals/", "/partners//deals", "/partners/p-1//", "//partners/p-1",
            "/deals/d-9", "/deals", "/deals/d-9/x", "/mdf/funds", "/mdf/funds/f-1", "/mdf/funds/f-1/claims",
            "/ops/dead-letters/7", "/ops/dead-letters/7/retry", "/openapi.json", "/openapi.JSON", "/things/special",
            "/things/other", "/a/b/c", "/a/z/c", "/a/b/z", "/x/1/y", "/x/1/2", "/multi/5", "/nothing", "/", "",
            "/partners/{id}", "/partners/p-1/deals/d-1", "/settings", "/settings/", "/settings//", "/settings//mail",
            "/settings/mail/", "/openapi.json/x", "/openapi.jsonx", "/settingsx", "/set", "/se");

    private final CamelContext camel = new DefaultCamelContext();
    private final Map<String, HttpConsumer> consumers = new LinkedHashMap<>();

    @BeforeEach
    void operations() throws Exception {
        camel.addComponent("servlet", new ServletComponent());
        camel.start();
        OPERATIONS.forEach(this::add);
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void answersEveryRequestAsCamelWould() {
        RestOperationIndex index = new RestOperationIndex("/api/v1");
        HttpRestServletResolveConsumerStrategy camelStrategy = new HttpRestServletResolveConsumerStrategy();
        List<String> compared = new ArrayList<>();
        for (String method : METHODS) {
            for (String path : PATHS) {
                MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/v1" + path);
                request.setPathInfo(path.isEmpty() ? null : path);
                assertThat(outcome(() -> index.resolve(request, consumers)))
                        .as("%s %s", method, path).isEqualTo(outcome(() -> camelStrategy.resolve(request, consumers)));
                assertThat(outcome(() -> index.isHttpMethodAllowed(request, method, consumers)))
                        .as("%s %s allowed", method, path)
                        .isEqualTo(outcome(() -> camelStrategy.isHttpMethodAllowed(request, method, consumers)));
                compared.add(method + " " + path);
            }
        }
        assertThat(compared).hasSize(METHODS.size() * PATHS.size());
    }

    @Test
    void answersTheOrdinaryRequestsItself() {
        RestOperationIndex index = new RestOperationIndex("/api/v1");
        assertThat(path(index.indexed("GET", "/partners/p-1", consumers))).isEqualTo("/partners/{id}");
        assertThat(path(index.indexed("GET", "/partners/me", consumers))).isEqualTo("/partners/me");
        assertThat(path(index.indexed("GET", "/PARTNERS/p-1/Deals/", consumers))).isEqualTo("/partners/{id}/deals");
        assertThat(path(index.indexed("POST", "/deals", consumers))).isEqualTo("/deals");
        assertThat(path(index.indexed("DELETE", "/deals/d-9", consumers))).isEqualTo("/deals/{id}");
        assertThat(path(index.indexed("GET", "/x/1/y", consumers))).isEqualTo("/x/{a}/y");
        assertThat(path(index.indexed("POST", "/multi/5", consumers))).isEqualTo("/multi/{id}");
        // left to Camel: 404, 405, ambiguity, OPTIONS, empty segments
        assertThat(index.indexed("GET", "/nothing", consumers)).isNull();
        assertThat(index.indexed("GET", "/things/special", consumers)).isNull();
        assertThat(index.indexed("GET", "/a/b/c", consumers)).isNull();
        assertThat(index.indexed("OPTIONS", "/deals", consumers)).isNull();
        assertThat(index.indexed("GET", "/partners//deals", consumers)).isNull();
    }

    @Test
    void seesAnOperationStartedAfterItsFirstRequest() {
        RestOperationIndex index = new RestOperationIndex("/api/v1");
        assertThat(index.indexed("GET", "/late/1", consumers)).isNull();

        add("GET /late/{id}");
        assertThat(index.indexed("GET", "/late/1", consumers)).as("not yet told").isNull();
        index.changed();
        assertThat(path(index.indexed("GET", "/late/1", consumers))).isEqualTo("/late/{id}");

        consumers.values().removeIf(c -> c.getPath().equals("/late/{id}"));
        index.changed();
        assertThat(index.indexed("GET", "/late/1", consumers)).isNull();
    }

    @Test
    void leavesEveryRequestToCamelWhileAnOperationHasAWildcard() {
        add("GET /files/*");
        RestOperationIndex index = new RestOperationIndex("/api/v1");
        assertThat(index.indexed("GET", "/partners/p-1", consumers)).isNull();

        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/partners/p-1");
        request.setPathInfo("/partners/p-1");
        assertThat(path(index.resolve(request, consumers))).isEqualTo("/partners/{id}");
    }

    @Test
    void leavesAMethodWithLiteralPathsOnlyToCamelBesideAPrefixOperation() {
        RestOperationIndex index = new RestOperationIndex("/api/v1");
        assertThat(index.indexed("PATCH", "/settings", consumers)).isNull();
        assertThat(path(index.indexed("GET", "/openapi.json", consumers))).isEqualTo("/openapi.json");
    }

    private void add(String operation) {
        String[] parts = operation.split(" ", 2);
        String uri = "servlet:" + parts[1] + (parts[1].contains("?") ? "&" : "?") + "httpMethodRestrict=" + parts[0];
        try {
            ServletEndpoint endpoint = camel.getEndpoint(uri, ServletEndpoint.class);
            HttpConsumer consumer = (HttpConsumer) endpoint.createConsumer(exchange -> { });
            consumers.put(endpoint.getEndpointUri(), consumer);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the consumer " + uri, e);
        }
    }

    private static String path(HttpConsumer consumer) {
        return consumer == null ? null : consumer.getPath();
    }

    /** What a resolution came to: a consumer's path and method, a yes/no, or the exception's type. */
    private static String outcome(java.util.concurrent.Callable<?> resolution) {
        try {
            Object result = resolution.call();
            return result instanceof HttpConsumer consumer
                    ? consumer.getEndpoint().getHttpMethodRestrict() + " " + consumer.getPath()
                    : String.valueOf(result);
        } catch (Exception e) {
            return e.getClass().getName();
        }
    }
}
