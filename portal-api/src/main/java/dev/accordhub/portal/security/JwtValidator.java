package dev.accordhub.portal.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks an OIDC access token the way a resource server must: a JWS whose algorithm is on the allow-list (RS256;
 * never {@code none}, never an HMAC keyed with a public key), signed by a key of the issuer's JWKS (found through
 * its discovery document, refetched when a new key id appears), from the expected issuer, for the expected
 * audience, not expired and already valid (with a small clock skew). Returns the claims or throws
 * {@link InvalidTokenException} saying what is wrong, never the token itself.
 *
 * <p>A token that passed is remembered until it expires (at most {@link #MAX_REMEMBERED} of them): a portal session
 * sends the same token with every request, and checking its RSA signature again each time was the largest part of
 * what a cached read cost. The time claims are still checked on every use, so a remembered token is refused once
 * it expires; a token that differs in any character is a different token and is checked in full. Like any resource
 * server that keeps its issuer's keys, a token signed by a key the issuer later withdraws stays accepted until it
 * expires.
 */
public class JwtValidator {

    private static final Set<String> ALLOWED_ALGORITHMS = Set.of("RS256");
    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final Duration REFETCH_AFTER = Duration.ofSeconds(30);
    private static final Base64.Decoder B64 = Base64.getUrlDecoder();
    /** Tokens remembered as valid at most; beyond, the expired ones are forgotten, and then all if need be. */
    static final int MAX_REMEMBERED = 10_000;

    private final String issuer;
    private final String audience;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();
    private java.time.Instant lastFetch;
    /** Tokens whose signature, issuer and audience passed, with their claims (read-only to callers). */
    private final Map<String, JsonNode> remembered = new ConcurrentHashMap<>();
    private final int maxRemembered;

    public JwtValidator(String issuer, String audience, ObjectMapper json, Clock clock) {
        this(issuer, audience, json, clock, MAX_REMEMBERED);
    }

    JwtValidator(String issuer, String audience, ObjectMapper json, Clock clock, int maxRemembered) {
        this.maxRemembered = maxRemembered;
        this.issuer = issuer;
        this.audience = audience;
        this.json = json;
        this.clock = clock;
    }

    /** The token's claims, if it is valid now; they are shared, so callers must not change them. */
    public JsonNode validate(String token) {
        if (token == null || token.isBlank()) {
            throw InvalidTokenException.missing();
        }
        JsonNode known = remembered.get(token);
        if (known != null) {
            try {
                checkTime(known);
            } catch (InvalidTokenException e) {
                remembered.remove(token);
                throw e;
            }
            return known;
        }
        JsonNode claims = check(token);
        remember(token, claims);
        return claims;
    }

    /** How many valid tokens are remembered now. */
    int remembered() {
        return remembered.size();
    }

    private void remember(String token, JsonNode claims) {
        if (remembered.size() >= maxRemembered) {
            long now = clock.instant().getEpochSecond();
            remembered.values().removeIf(c -> c.path("exp").asLong() + SKEW.toSeconds() < now);
            if (remembered.size() >= maxRemembered) {
                remembered.clear();
            }
        }
        remembered.put(token, claims);
    }

    private JsonNode check(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidTokenException("Not a signed JWT (expected three parts)");
        }
        JsonNode header = decode(parts[0], "header");
        String alg = header.path("alg").asText("");
        if (!ALLOWED_ALGORITHMS.contains(alg)) {
            throw new InvalidTokenException("Algorithm '" + alg + "' is not accepted");
        }
        verify(parts, key(header.path("kid").asText(null)));
        JsonNode claims = decode(parts[1], "claims");
        checkClaims(claims);
        return claims;
    }

    private void checkClaims(JsonNode claims) {
        if (!issuer.equals(claims.path("iss").asText(null))) {
            throw new InvalidTokenException("Token from another issuer");
        }
        JsonNode aud = claims.path("aud");
        boolean forUs = aud.isArray() ? containsText(aud, audience) : audience.equals(aud.asText(null));
        if (!forUs) {
            throw new InvalidTokenException("Token for another audience");
        }
        checkTime(claims);
    }

    private void checkTime(JsonNode claims) {
        long now = clock.instant().getEpochSecond();
        if (!claims.hasNonNull("exp") || claims.path("exp").asLong() + SKEW.toSeconds() < now) {
            throw new InvalidTokenException("Token expired");
        }
        if (claims.hasNonNull("nbf") && claims.path("nbf").asLong() - SKEW.toSeconds() > now) {
            throw new InvalidTokenException("Token not valid yet");
        }
    }

    private void verify(String[] parts, PublicKey key) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(B64.decode(parts[2]))) {
                throw new InvalidTokenException("Bad signature");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidTokenException("Bad signature");
        }
    }

    private PublicKey key(String kid) {
        if (kid == null) {
            throw new InvalidTokenException("Token names no signing key (kid)");
        }
        PublicKey key = keys.get(kid);
        if (key == null) {
            loadKeys();
            key = keys.get(kid);
        }
        if (key == null) {
            throw new InvalidTokenException("Signing key '" + kid + "' is not one of the issuer's");
        }
        return key;
    }

    private synchronized void loadKeys() {
        // A token naming an unknown key id must not make every request a round trip to the issuer.
        java.time.Instant now = clock.instant();
        if (lastFetch != null && now.isBefore(lastFetch.plus(REFETCH_AFTER))) {
            return;
        }
        lastFetch = now;
        // Some issuers' identifiers end in a slash (Auth0); the discovery path is appended to it all the same.
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        JsonNode discovery = fetch(base + "/.well-known/openid-configuration");
        JsonNode jwks = fetch(discovery.path("jwks_uri").asText());
        for (JsonNode jwk : jwks.path("keys")) {
            if ("RSA".equals(jwk.path("kty").asText()) && jwk.hasNonNull("kid")) {
                try {
                    keys.put(jwk.path("kid").asText(), KeyFactory.getInstance("RSA").generatePublic(
                            new RSAPublicKeySpec(new BigInteger(1, B64.decode(jwk.path("n").asText())),
                                    new BigInteger(1, B64.decode(jwk.path("e").asText())))));
                } catch (GeneralSecurityException | IllegalArgumentException e) {
                    // A key we cannot read cannot have signed a token we accept; the others still count.
                }
            }
        }
    }

    private JsonNode fetch(String url) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new InvalidTokenException("Issuer answered " + answer.statusCode() + " for " + url);
            }
            return json.readTree(answer.body());
        } catch (IOException e) {
            throw new InvalidTokenException("Issuer unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidTokenException("Interrupted while fetching the issuer's keys");
        }
    }

    private JsonNode decode(String part, String what) {
        try {
            return json.readTree(B64.decode(part));
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidTokenException("Unreadable token " + what);
        }
    }

    private static boolean containsText(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (value.equals(item.asText())) {
                return true;
            }
        }
        return false;
    }
}
