package dev.accordhub.sandbox.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accordhub.sandbox.JsonHttp;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.UUID;

/**
 * RS256 JSON Web Tokens with one RSA key generated at start: signs tokens and publishes the public half as a JWK,
 * which is all a resource server needs to check them (RFC 7515, 7517, 7518).
 */
final class JwtSigner {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;
    private final String keyId = UUID.randomUUID().toString();

    JwtSigner() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No RSA on this JVM", e);
        }
    }

    String sign(JsonNode claims) {
        ObjectNode header = JsonHttp.object().put("alg", "RS256").put("typ", "JWT").put("kid", keyId);
        String signingInput = B64.encodeToString(JsonHttp.bytes(header)) + "."
                + B64.encodeToString(JsonHttp.bytes(claims));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
    }

    /** The JWK Set document: the public key with its id, use and algorithm. */
    JsonNode jwks() {
        RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();
        ObjectNode key = JsonHttp.object().put("kty", "RSA").put("kid", keyId).put("use", "sig").put("alg", "RS256")
                .put("n", unsigned(publicKey.getModulus())).put("e", unsigned(publicKey.getPublicExponent()));
        ObjectNode set = JsonHttp.object();
        set.putArray("keys").add(key);
        return set;
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return B64.encodeToString(bytes);
    }
}
