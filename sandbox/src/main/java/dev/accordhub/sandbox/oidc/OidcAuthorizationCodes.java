package dev.accordhub.sandbox.oidc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Authorization codes of the code flow: random, short-lived, redeemable once (RFC 6749 §4.1.2), each bound to its
 * client, redirect URI and PKCE challenge (RFC 7636, S256 only).
 */
final class OidcAuthorizationCodes {

    /** What a code stands for: who signed in, for which client, where the browser was sent, and the challenge. */
    record Grant(String clientId, String redirectUri, String codeChallenge, OidcUser user, String scope,
            String nonce, Instant expiresAt) {
    }

    /** RFC 7636 §4.1: 43 to 128 characters of the unreserved set. */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");
    /** The BASE64URL of a SHA-256 digest: 43 characters. */
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9\\-_]{43}");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Duration lifetime;
    private final Clock clock;

    OidcAuthorizationCodes(Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    static boolean isChallenge(String value) {
        return value != null && CHALLENGE.matcher(value).matches();
    }

    String issue(String clientId, String redirectUri, String codeChallenge, OidcUser user, String scope, String nonce) {
        Instant now = clock.instant();
        grants.values().removeIf(g -> g.expiresAt().isBefore(now));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String code = B64.encodeToString(bytes);
        grants.put(code, new Grant(clientId, redirectUri, codeChallenge, user, scope, nonce, now.plus(lifetime)));
        return code;
    }

    /**
     * Takes a code out, whatever happens next: a code is good for one attempt only, so a stolen code that was
     * already used, or one tried with a wrong verifier, is worth nothing. Empty when unknown, used or expired.
     */
    Optional<Grant> redeem(String code) {
        Grant grant = code == null ? null : grants.remove(code);
        if (grant == null || grant.expiresAt().isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(grant);
    }

    /** Whether {@code verifier} is the secret behind the S256 {@code challenge}. */
    static boolean verifies(String verifier, String challenge) {
        if (verifier == null || !VERIFIER.matcher(verifier).matches()) {
            return false;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return MessageDigest.isEqual(B64.encodeToString(digest).getBytes(StandardCharsets.US_ASCII),
                    challenge.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("No SHA-256 on this JVM", e);
        }
    }
}
