package dev.accordhub.sandbox.oidc;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A public client of the authorization-code flow (a browser page: no secret, PKCE instead) and the redirect URIs
 * registered for it. A redirect URI must equal a registered one, except that a registered loopback URI
 * ({@code http://127.0.0.1/ops/}, {@code http://localhost/ops/}, {@code http://[::1]/ops/}) allows any port, as
 * RFC 8252 §7.3 asks: the hub may run on any port on the operator's machine.
 */
public record OidcPublicClient(String clientId, List<String> redirectUris) {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

    public OidcPublicClient {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("A public client needs a client id");
        }
        if (redirectUris == null || redirectUris.isEmpty()) {
            throw new IllegalArgumentException("Public client " + clientId + " needs at least one redirect URI");
        }
        for (String uri : redirectUris) {
            URI parsed = parse(uri);
            if (parsed == null || !parsed.isAbsolute() || parsed.getFragment() != null || parsed.getHost() == null) {
                throw new IllegalArgumentException("Public client " + clientId + ": redirect URI '" + uri
                        + "' must be an absolute http(s) URI without a fragment");
            }
        }
        redirectUris = List.copyOf(redirectUris);
    }

    /** Whether the authorization server may send the browser, with a code, to this URI. */
    public boolean allowsRedirect(String candidate) {
        URI uri = parse(candidate);
        if (uri == null || !uri.isAbsolute() || uri.getFragment() != null || uri.getHost() == null
                || uri.getUserInfo() != null) {
            return false;
        }
        for (String registered : redirectUris) {
            if (registered.equals(candidate)) {
                return true;
            }
            URI known = parse(registered);
            if (isLoopback(known) && "http".equals(uri.getScheme())
                    && host(known).equals(host(uri)) && known.getRawPath().equals(uri.getRawPath())
                    && java.util.Objects.equals(known.getRawQuery(), uri.getRawQuery())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a page served from this origin ({@code scheme://host[:port]}) may read the issuer's answers (CORS). */
    public boolean allowsOrigin(String origin) {
        URI uri = parse(origin);
        if (uri == null || uri.getHost() == null || (uri.getRawPath() != null && !uri.getRawPath().isEmpty())) {
            return false;
        }
        for (String registered : redirectUris) {
            URI known = parse(registered);
            boolean sameHost = known.getScheme().equals(uri.getScheme()) && host(known).equals(host(uri));
            if (sameHost && (isLoopback(known) || known.getPort() == uri.getPort())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLoopback(URI uri) {
        return "http".equals(uri.getScheme()) && LOOPBACK.contains(host(uri));
    }

    private static String host(URI uri) {
        return uri.getHost().toLowerCase(Locale.ROOT);
    }

    private static URI parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
