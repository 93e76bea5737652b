package dev.accordhub.portal.scim;

import dev.accordhub.connectors.scim.ScimException;
import dev.accordhub.connectors.scim.ScimRequest;
import dev.accordhub.connectors.scim.ScimResponse;
import dev.accordhub.connectors.scim.ScimResponses;
import dev.accordhub.connectors.scim.ScimService;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code /scim/v2}: the SCIM 2.0 service provider the identity providers push partner users to. The bearer token
 * says which IdP is calling (each has its own, from {@code accord.scim}), and so which program's users it
 * manages; everything else is the protocol ({@link ScimService}).
 */
public class ScimRoutes extends RouteBuilder {

    static final String BASE = "/scim/v2";

    private final Map<String, ScimService> services;
    private final ScimProperties properties;

    public ScimRoutes(Map<String, ScimService> services, ScimProperties properties) {
        this.services = services;
        this.properties = properties;
    }

    @Override
    public void configure() {
        onException(Exception.class).handled(true)
                .log(LoggingLevel.ERROR, "SCIM request failed: ${exception.stacktrace}")
                .process(e -> write(e, ScimResponses.error(new ScimException(500, null,
                        "The request could not be served; the error is logged"))));

        from("platform-http:" + BASE + "?matchOnUriPrefix=true").routeId("scim")
                .convertBodyTo(String.class)
                .process(this::handle);
    }

    private void handle(Exchange exchange) {
        Message in = exchange.getMessage();
        String authorization = in.getHeader("Authorization", String.class);
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
        String idp = properties.identityProviderOf(token);
        if (idp == null) {
            ScimResponse refused = ScimResponses.error(new ScimException(401, null,
                    "A bearer token of a configured identity provider is required"));
            write(exchange, refused);
            in.setHeader("WWW-Authenticate", "Bearer realm=\"accord-scim\"");
            return;
        }
        String uri = in.getHeader(Exchange.HTTP_URI, String.class);
        String rawPath = uri == null ? "" : uri.replaceFirst("\\?.*$", "");
        int base = rawPath.indexOf(BASE);
        String path = URLDecoder.decode(base < 0 ? rawPath : rawPath.substring(base + BASE.length()),
                StandardCharsets.UTF_8);
        String url = in.getHeader(Exchange.HTTP_URL, String.class);
        String baseUrl = url == null ? BASE : url.substring(0, url.indexOf(BASE) + BASE.length());
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : new String[] {"If-Match", "If-None-Match", "Content-Type"}) {
            String value = in.getHeader(name, String.class);
            if (value != null) {
                headers.put(name, value);
            }
        }
        ScimRequest request = new ScimRequest(in.getHeader(Exchange.HTTP_METHOD, String.class),
                path.isEmpty() ? "/" : path, query(in.getHeader(Exchange.HTTP_QUERY, String.class)), headers,
                in.getBody(String.class), baseUrl);
        write(exchange, services.get(idp).handle(request));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            params.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static void write(Exchange exchange, ScimResponse response) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, response.status());
        response.headers().forEach(message::setHeader);
        message.setBody(response.body());
    }
}
