package dev.accordhub.sandbox.erp.sql;

/** Where a request or claim stands in the ERP's outbound table, for assertions. */
public record SqlErpDocumentState(String id, String statusCode, String statusReason, long changeSeq) {
}
