package dev.accordhub.sandbox.erp.odata;

/** The words the ERP writes into {@code Status}: what its finance users see, not the hub's enums. */
public final class ODataErpStatus {

    public static final String SUBMITTED = "Submitted";
    public static final String APPROVED = "Approved";
    public static final String REJECTED = "Rejected";
    public static final String PAID = "Paid";

    private ODataErpStatus() {
    }
}
