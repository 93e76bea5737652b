package dev.accordhub.sandbox.erp.sql;

/** What the ERP made of an inbound row: NEW (not taken in yet), DONE, or ERROR with the message. */
public record SqlErpInboundState(String id, String processStatus, String errorMessage) {
}
