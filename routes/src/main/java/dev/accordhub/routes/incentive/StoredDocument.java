package dev.accordhub.routes.incentive;

import dev.accordhub.model.incentive.ErpChange;
import java.util.List;
import java.util.Locale;

/**
 * An MDF document as the hub keeps it in Hazelcast: the latest change of it (from its ERP, or the portal's
 * submission before the ERP has reported it: {@code seq} 0), and the attributes the portal and the integrity rules
 * look documents up by (indexed in hazelcast.yaml).
 *
 * @param partnerRef {@code <program>:<the partner's CRM id>}, null for payouts and rates
 * @param fundRef {@code <program>:<fund id>}, null for rates
 * @param invoiceKey the claim's invoice reference, normalised, for double-dipping; null for other documents
 * @param proofKeys the claim's proof references, normalised
 * @param firstSeen when the hub first had the document: a submission's time, which the burst rule counts
 */
public record StoredDocument(ErpChange change, String partnerRef, String fundRef, String invoiceKey,
        List<String> proofKeys, java.time.Instant firstSeen) {

    public StoredDocument {
        proofKeys = proofKeys == null ? List.of() : List.copyOf(proofKeys);
    }

    /** The document of a change, first seen at {@code firstSeen} (kept from its earlier version, if any). */
    public static StoredDocument of(ErpChange change, java.time.Instant firstSeen) {
        String program = change.program();
        return switch (change.kind()) {
            case FUND -> new StoredDocument(change, program + ":" + change.fund().partnerKey(),
                    program + ":" + change.fund().id(), null, null, firstSeen);
            case REQUEST -> new StoredDocument(change, program + ":" + change.request().partnerKey(),
                    program + ":" + change.request().fundId(), null, null, firstSeen);
            case CLAIM -> new StoredDocument(change, program + ":" + change.claim().partnerKey(),
                    program + ":" + change.claim().fundId(), referenceKey(change.claim().invoiceReference()),
                    change.claim().proofReferences().stream().map(StoredDocument::referenceKey)
                            .filter(java.util.Objects::nonNull).toList(), firstSeen);
            case PAYOUT -> new StoredDocument(change, null, program + ":" + change.payout().fundId(), null, null,
                    firstSeen);
            case FX_RATE -> new StoredDocument(change, null, null, null, null, firstSeen);
        };
    }

    /**
     * An invoice or proof reference as compared across programs: case, spaces and punctuation do not make a second
     * invoice ("INV-2026/0042" and "inv 2026 0042" are one).
     */
    public static String referenceKey(String reference) {
        if (reference == null) {
            return null;
        }
        String key = reference.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
        return key.isEmpty() ? null : key;
    }

    public long seq() {
        return change.seq();
    }
}
