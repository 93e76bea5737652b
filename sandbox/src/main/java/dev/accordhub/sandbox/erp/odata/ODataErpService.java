package dev.accordhub.sandbox.erp.odata;

import dev.accordhub.sandbox.SandboxRequest;
import dev.accordhub.sandbox.SandboxResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.http.HttpMethod;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataHandler;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ServiceMetadata;

/**
 * The Olingo OData v4 server behind the sandbox's HTTP server: a {@link SandboxRequest} under the service root
 * becomes an {@link ODataRequest} for Olingo's raw handler, and its answer a {@link SandboxResponse}.
 */
final class ODataErpService {

    private final OData odata = OData.newInstance();
    private final ServiceMetadata metadata;
    private final ODataErpStore store;
    private final ODataErpEntityCache entities = new ODataErpEntityCache();

    ODataErpService(ODataErpStore store) {
        this.store = store;
        this.metadata = odata.createServiceMetadata(new ODataErpSchema(), List.of());
        // Olingo's Edm caches its types lazily in plain maps: fill them before concurrent requests read them.
        for (EdmEntitySet set : metadata.getEdm().getEntityContainer().getEntitySets()) {
            set.getEntityType().getPropertyNames();
        }
    }

    /**
     * Serves one request; {@code serviceRoot} is the absolute URL of the service root without a trailing slash and
     * {@code odataPath} the raw path below it.
     */
    SandboxResponse serve(SandboxRequest request, String serviceRoot, String odataPath) {
        // The handler keeps per-request state, so each request gets its own; the metadata is shared.
        ODataHandler handler = odata.createRawHandler(metadata);
        handler.register(new ODataErpProcessor(store, entities));
        String rawQuery = rawQuery(request.query());
        ODataRequest odataRequest = new ODataRequest();
        odataRequest.setMethod(HttpMethod.valueOf(request.method()));
        odataRequest.setRawBaseUri(serviceRoot);
        odataRequest.setRawODataPath(odataPath);
        odataRequest.setRawQueryPath(rawQuery);
        odataRequest.setRawRequestUri(serviceRoot + odataPath + (rawQuery == null ? "" : "?" + rawQuery));
        odataRequest.setRawServiceResolutionUri(null);
        odataRequest.setProtocol("HTTP/1.1");
        request.headers().forEach(odataRequest::addHeader);
        odataRequest.setBody(new ByteArrayInputStream(request.body()));
        ODataResponse response = handler.process(odataRequest);
        Map<String, String> headers = new LinkedHashMap<>();
        response.getAllHeaders().forEach((name, values) -> headers.put(name, String.join(", ", values)));
        return new SandboxResponse(response.getStatusCode(), headers, body(response.getContent()));
    }

    /** The query as Olingo wants it raw; the sandbox's request already decoded it, so it is encoded again. */
    private static String rawQuery(Map<String, List<String>> query) {
        if (query.isEmpty()) {
            return null;
        }
        return query.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("%24", "$")
                .replace("%27", "'").replace("%28", "(").replace("%29", ")").replace("%2C", ",");
    }

    private static byte[] body(InputStream content) {
        if (content == null) {
            return new byte[0];
        }
        try (content) {
            return content.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Olingo's answer could not be read", e);
        }
    }
}
