package dev.accordhub.sandbox.salesforce;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 18-character record ids like Salesforce's: key prefix, pod "5g", a base-62 counter, and the 3-character
 * case-safe suffix computed the way Salesforce does, so clients that check or shorten ids work unchanged.
 */
final class SalesforceIds {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String SUFFIX_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();

    String next(String keyPrefix) {
        long n = counters.computeIfAbsent(keyPrefix, k -> new AtomicLong(1_000_000)).incrementAndGet();
        return withSuffix(keyPrefix + "5g0" + base62(n, 9));
    }

    static String withSuffix(String id15) {
        StringBuilder id = new StringBuilder(id15);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = id15.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            id.append(SUFFIX_CHARS.charAt(bits));
        }
        return id.toString();
    }

    private static String base62(long value, int width) {
        StringBuilder digits = new StringBuilder();
        for (long v = value; v > 0; v /= 62) {
            digits.insert(0, BASE62.charAt((int) (v % 62)));
        }
        while (digits.length() < width) {
            digits.insert(0, '0');
        }
        return digits.toString();
    }
}
