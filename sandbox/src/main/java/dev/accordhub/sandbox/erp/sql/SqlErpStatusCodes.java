package dev.accordhub.sandbox.erp.sql;

/** The ERP's own codes in STATUS_CODE of the *_OUT tables and PROCESS_STATUS of the *_IN tables. */
public final class SqlErpStatusCodes {

    /** Entered (by the ERP's users or from an inbound row), not decided yet. */
    public static final String PENDING = "PENDING";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";
    /** Claims only: a payout row exists. */
    public static final String PAID = "PAID";

    public static final String INBOUND_NEW = "NEW";
    public static final String INBOUND_DONE = "DONE";
    public static final String INBOUND_ERROR = "ERROR";

    private SqlErpStatusCodes() {
    }
}
