package dev.accordhub.sandbox.seed;

import java.util.List;

/** The words each acquired program uses for the same things; the hub maps them onto one canonical set. */
public enum ProgramVocabulary {

    /** Program "helios", run on Salesforce. */
    HELIOS(
            List.of("Authorized", "Advanced", "Premier", "Elite"),
            List.of("Reseller", "Referral", "System Integrator", "Managed Service Provider"),
            List.of("Prospecting", "Qualification", "Proposal/Price Quote", "Negotiation/Review"),
            "Closed Won", "Closed Lost"),

    /** Program "vantage", run on HubSpot. */
    VANTAGE(
            List.of("Bronze", "Silver", "Gold", "Diamond"),
            List.of("VAR", "Referral", "SI", "MSP"),
            List.of("appointmentscheduled", "qualifiedtobuy", "presentationscheduled", "decisionmakerboughtin",
                    "contractsent"),
            "closedwon", "closedlost"),

    /** Program "nimbus", the third acquired company, run on a Salesforce org of its own. */
    NIMBUS(
            List.of("Registered", "Select", "Preferred", "Strategic"),
            List.of("Value Added Reseller", "Referral Agent", "Systems Integrator", "Managed Services"),
            List.of("Prospecting", "Qualification", "Proposal/Price Quote", "Negotiation/Review"),
            "Closed Won", "Closed Lost");

    private final List<String> tiers;
    private final List<String> partnerTypes;
    private final List<String> openStages;
    private final String wonStage;
    private final String lostStage;

    ProgramVocabulary(List<String> tiers, List<String> partnerTypes, List<String> openStages,
                      String wonStage, String lostStage) {
        this.tiers = tiers;
        this.partnerTypes = partnerTypes;
        this.openStages = openStages;
        this.wonStage = wonStage;
        this.lostStage = lostStage;
    }

    /** Tiers from lowest to highest, so rank i means the same level in both programs. */
    public List<String> tiers() {
        return tiers;
    }

    /** Partner types in the same order in both programs: index i is the same kind of partner. */
    public List<String> partnerTypes() {
        return partnerTypes;
    }

    public List<String> openStages() {
        return openStages;
    }

    public String wonStage() {
        return wonStage;
    }

    public String lostStage() {
        return lostStage;
    }

    public List<String> allStages() {
        return java.util.stream.Stream.concat(openStages.stream(), java.util.stream.Stream.of(wonStage, lostStage))
                .toList();
    }
}
