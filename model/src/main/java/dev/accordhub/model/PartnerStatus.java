package dev.accordhub.model;

public enum PartnerStatus {
    ACTIVE, INACTIVE
}
