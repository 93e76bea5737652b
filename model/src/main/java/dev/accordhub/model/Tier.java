package dev.accordhub.model;

/** The consolidated partner tier. Each program maps its own tier names onto these in config/programs/*.yaml. */
public enum Tier {
    ENTRY, SILVER, GOLD, PLATINUM
}
