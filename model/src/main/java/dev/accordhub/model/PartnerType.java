package dev.accordhub.model;

public enum PartnerType {
    RESELLER, REFERRAL, SI, MSP
}
