package dev.accordhub.model.incentive;

/**
 * One program's ERP as the hub sees it: a feed of changed MDF documents (funds, requests, claims, payouts, exchange
 * rates) and the two commands a portal sends (a pre-approval request, a claim). Implemented per kind of ERP by the
 * connectors ({@code connectors/erp-odata}, {@code connectors/erp-sql}); the hub owns cursors, retries and
 * delivery.
 *
 * <p>Failures: {@link dev.accordhub.model.source.SourceUnavailableException} when the ERP cannot be reached or
 * answers 5xx (worth retrying), {@link dev.accordhub.model.source.SourceRateLimitedException} on throttling,
 * {@link ErpRejectedException} when the ERP refuses a document for good.
 */
public interface ErpClient {

    /**
     * Documents changed after {@code cursor} ({@link ErpCursor#START} for everything), oldest change first per
     * kind of document, at most {@code limit} per kind. The answer's cursor is where the next call starts.
     */
    ErpChanges changesAfter(ErpCursor cursor, int limit);

    /** Hands a request to the ERP. Idempotent: a request the ERP already has (same id) is left as it is. */
    void submit(MdfRequest request);

    /** Hands a claim to the ERP. Idempotent: a claim the ERP already has (same id) is left as it is. */
    void submit(MdfClaim claim);
}
