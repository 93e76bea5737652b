package dev.accordhub.connectors.scim;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A SCIM 2.0 service provider for Users and Groups (RFC 7643, RFC 7644), independent of the transport: the HTTP
 * layer turns each call below {@code /scim/v2} into a {@link ScimRequest} and sends back the {@link ScimResponse}.
 * Protocol errors come back as SCIM Error responses; failures of the store or the listener propagate.
 * Safe for concurrent requests: writes are serialised through {@link ScimStore#atomically}.
 */
public final class ScimService {

    private static final List<String> JSON_MEDIA_TYPES = List.of("application/scim+json", "application/json");

    private final ScimConfig config;
    private final List<ScimResourceEndpoint> endpoints;
    private final ScimDiscovery discovery;

    public ScimService(ScimStore store, ScimConfig config, ScimChangeListener listener) {
        this(store, config, listener, Clock.systemUTC());
    }

    public ScimService(ScimStore store, ScimConfig config, ScimChangeListener listener, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(clock, "clock");
        this.endpoints = List.of(
                new ScimResourceEndpoint(ScimCoreSchemas.userType(config.userExtension()), store, listener, clock,
                        config),
                new ScimResourceEndpoint(ScimCoreSchemas.groupType(), store, listener, clock, config));
        this.discovery = new ScimDiscovery(endpoints.stream().map(ScimResourceEndpoint::type).toList(), config);
    }

    public ScimResponse handle(ScimRequest request) {
        try {
            return route(request);
        } catch (ScimException e) {
            return ScimResponses.error(e);
        }
    }

    private ScimResponse route(ScimRequest request) {
        String[] segments = Arrays.stream(request.path().split("/")).filter(s -> !s.isEmpty())
                .toArray(String[]::new);
        String method = request.method();
        if (segments.length == 0) {
            throw ScimException.notFound("No SCIM endpoint at '" + request.path() + "'");
        }
        Optional<ScimResourceEndpoint> resources = endpoint(segments[0]);
        if (resources.isPresent()) {
            return resources(request, resources.get(), segments);
        }
        if (segments.length == 1 && segments[0].equals(".search")) {
            return method.equals("POST") ? search(request, endpoints) : ScimResponses.methodNotAllowed(method, "POST");
        }
        if (!method.equals("GET")) {
            return isDiscovery(segments) ? ScimResponses.methodNotAllowed(method, "GET")
                    : notFound(request);
        }
        return discovery(request, segments);
    }

    private ScimResponse resources(ScimRequest request, ScimResourceEndpoint endpoint, String[] segments) {
        String method = request.method();
        if (segments.length == 1) {
            return switch (method) {
                case "GET" -> list(request, endpoint);
                case "POST" -> endpoint.create(checkBody(request));
                default -> ScimResponses.methodNotAllowed(method, "GET POST");
            };
        }
        if (segments.length == 2 && segments[1].equals(".search")) {
            return method.equals("POST") ? search(request, List.of(endpoint))
                    : ScimResponses.methodNotAllowed(method, "POST");
        }
        if (segments.length > 2) {
            return notFound(request);
        }
        String id = segments[1];
        return switch (method) {
            case "GET" -> endpoint.get(request, id);
            case "PUT" -> endpoint.replace(checkBody(request), id);
            case "PATCH" -> endpoint.patch(checkBody(request), id);
            case "DELETE" -> endpoint.delete(request, id);
            default -> ScimResponses.methodNotAllowed(method, "GET PUT PATCH DELETE");
        };
    }

    private ScimResponse list(ScimRequest request, ScimResourceEndpoint endpoint) {
        ScimQuery query = ScimQuery.fromParameters(request);
        return ScimResponses.ok(ScimListQuery.listResponse(endpoint.candidates(request.baseUrl()),
                List.of(endpoint.type()), query, config));
    }

    private ScimResponse search(ScimRequest request, List<ScimResourceEndpoint> over) {
        ScimQuery query = ScimQuery.fromSearchRequest(ScimJson.parseObject(checkBody(request).body()));
        List<ScimListQuery.Candidate> candidates = new ArrayList<>();
        over.forEach(e -> candidates.addAll(e.candidates(request.baseUrl())));
        return ScimResponses.ok(ScimListQuery.listResponse(candidates,
                over.stream().map(ScimResourceEndpoint::type).toList(), query, config));
    }

    private ScimResponse discovery(ScimRequest request, String[] segments) {
        String base = request.baseUrl();
        String name = segments[0];
        if (segments.length == 1 && name.equalsIgnoreCase("ServiceProviderConfig")) {
            return ScimResponses.ok(discovery.serviceProviderConfig(base));
        }
        if (name.equalsIgnoreCase("ResourceTypes")) {
            if (segments.length == 1) {
                return ScimResponses.ok(ScimDiscovery.listOf(discovery.resourceTypes(base)));
            }
            return endpoints.stream().map(ScimResourceEndpoint::type)
                    .filter(t -> segments.length == 2 && t.name().equalsIgnoreCase(segments[1]))
                    .findFirst()
                    .map(t -> ScimResponses.ok(discovery.resourceType(t, base)))
                    .orElseGet(() -> notFound(request));
        }
        if (name.equalsIgnoreCase("Schemas")) {
            if (segments.length == 1) {
                return ScimResponses.ok(ScimDiscovery.listOf(discovery.schemas(base)));
            }
            return discovery.schemas(base).stream()
                    .filter(s -> segments.length == 2 && s.path("id").asText().equalsIgnoreCase(segments[1]))
                    .findFirst()
                    .map(ScimResponses::ok)
                    .orElseGet(() -> notFound(request));
        }
        return notFound(request);
    }

    /** 413 for a body over the limit, 415 for a media type other than SCIM's or plain JSON. */
    private ScimRequest checkBody(ScimRequest request) {
        String body = request.body();
        if (body != null && body.getBytes(StandardCharsets.UTF_8).length > config.maxBodyBytes()) {
            throw new ScimException(413, null,
                    "The request body is larger than " + config.maxBodyBytes() + " bytes");
        }
        String contentType = request.header("Content-Type");
        if (contentType != null) {
            String mediaType = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
            if (!JSON_MEDIA_TYPES.contains(mediaType)) {
                throw new ScimException(415, null,
                        "Content-Type must be application/scim+json or application/json, got " + contentType);
            }
        }
        return request;
    }

    private Optional<ScimResourceEndpoint> endpoint(String segment) {
        return endpoints.stream().filter(e -> e.type().endpoint().substring(1).equalsIgnoreCase(segment)).findFirst();
    }

    private static boolean isDiscovery(String[] segments) {
        return List.of("serviceproviderconfig", "resourcetypes", "schemas")
                .contains(segments[0].toLowerCase(Locale.ROOT));
    }

    private static ScimResponse notFound(ScimRequest request) {
        return ScimResponses.error(ScimException.notFound("No SCIM endpoint at '" + request.path() + "'"));
    }
}
