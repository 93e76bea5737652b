package dev.accordhub.sandbox;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens issued by one sandbox; expiring them all lets a test force the client's re-login path. */
public final class TokenRegistry {

    private final SecureRandom random = new SecureRandom();
    private final Set<String> valid = ConcurrentHashMap.newKeySet();
    private final Set<String> permanent = ConcurrentHashMap.newKeySet();

    public String issue(String prefix) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = prefix + HexFormat.of().formatHex(bytes);
        valid.add(token);
        return token;
    }

    /** A token that survives {@link #expireAll()}, like a HubSpot private-app token. */
    public void addPermanent(String token) {
        permanent.add(token);
    }

    public boolean isValid(String token) {
        return valid.contains(token) || permanent.contains(token);
    }

    public void revoke(String token) {
        valid.remove(token);
    }

    public void expireAll() {
        valid.clear();
    }
}
