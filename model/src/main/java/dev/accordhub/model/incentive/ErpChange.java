package dev.accordhub.model.incentive;

import java.util.Objects;

/**
 * One changed ERP document, in canonical form, with the ERP's change sequence. Exactly one of the documents is
 * set, the one {@code kind} names.
 */
public record ErpChange(String program, Kind kind, long seq, MdfFund fund, MdfRequest request, MdfClaim claim,
        Payout payout, FxRate rate) {

    public enum Kind { FUND, REQUEST, CLAIM, PAYOUT, FX_RATE }

    public ErpChange {
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(kind, "kind");
        Object document = switch (kind) {
            case FUND -> fund;
            case REQUEST -> request;
            case CLAIM -> claim;
            case PAYOUT -> payout;
            case FX_RATE -> rate;
        };
        long set = java.util.stream.Stream.of(fund, request, claim, payout, rate).filter(Objects::nonNull).count();
        if (document == null || set != 1) {
            throw new IllegalArgumentException("An ERP change of kind " + kind + " carries exactly one " + kind
                    + " document");
        }
    }

    public static ErpChange of(String program, long seq, MdfFund fund) {
        return new ErpChange(program, Kind.FUND, seq, fund, null, null, null, null);
    }

    public static ErpChange of(String program, long seq, MdfRequest request) {
        return new ErpChange(program, Kind.REQUEST, seq, null, request, null, null, null);
    }

    public static ErpChange of(String program, long seq, MdfClaim claim) {
        return new ErpChange(program, Kind.CLAIM, seq, null, null, claim, null, null);
    }

    public static ErpChange of(String program, long seq, Payout payout) {
        return new ErpChange(program, Kind.PAYOUT, seq, null, null, null, payout, null);
    }

    public static ErpChange of(String program, long seq, FxRate rate) {
        return new ErpChange(program, Kind.FX_RATE, seq, null, null, null, null, rate);
    }

    /** The document's id within its program and kind (the currency for a rate). */
    public String documentId() {
        return switch (kind) {
            case FUND -> fund.id();
            case REQUEST -> request.id();
            case CLAIM -> claim.id();
            case PAYOUT -> payout.id();
            case FX_RATE -> rate.currency();
        };
    }

    /** The Kafka key: one compacted entry per document, e.g. {@code helios:CLAIM:c-123}. */
    public String key() {
        return program + ":" + kind + ":" + documentId();
    }
}
