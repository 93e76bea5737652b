package dev.accordhub.routes.registration;

import dev.accordhub.model.Deal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Recognises the CRM reporting back what the hub wrote into it. The hash covers the fields a registration write
 * sets, normalised the way the mapper reads them back (trimmed text, amount at the currency's scale, stage and
 * status as canonical codes), so the echo hashes equal and a real edit in the CRM does not.
 */
public final class RegistrationEcho {

    private RegistrationEcho() {
    }

    public static String hash(Deal deal) {
        var registration = deal.registration();
        String canonical = String.join("\u001f",
                text(deal.name()), text(deal.customerName()),
                deal.amount() == null ? "" : deal.amount().amount().toPlainString() + " " + deal.amount().currency(),
                deal.stage() == null ? "" : deal.stage().name(),
                deal.closeDate() == null ? "" : deal.closeDate().toString(),
                registration == null || registration.status() == null ? "" : registration.status().name(),
                registration == null ? "" : text(registration.decisionReason()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
