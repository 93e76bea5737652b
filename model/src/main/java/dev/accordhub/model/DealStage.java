package dev.accordhub.model;

/** Canonical opportunity stages; each program maps its CRM's stage names onto these. */
public enum DealStage {
    PROSPECTING, QUALIFICATION, PROPOSAL, NEGOTIATION, CLOSED_WON, CLOSED_LOST;

    public boolean isClosed() {
        return this == CLOSED_WON || this == CLOSED_LOST;
    }
}
