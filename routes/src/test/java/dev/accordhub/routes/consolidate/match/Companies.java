package dev.accordhub.routes.consolidate.match;

/** Test records: {@code Companies.in("helios", "h1").named("Acme Inc").web("acme.com").country("US")}. */
final class Companies {

    private final String program;
    private final String id;
    private String name;
    private String website;
    private boolean verified;
    private String country;
    private String taxId;
    private String duns;
    private String city;
    private String postalCode;

    private Companies(String program, String id) {
        this.program = program;
        this.id = id;
    }

    static Companies in(String program, String id) {
        return new Companies(program, id);
    }

    Companies named(String value) {
        name = value;
        return this;
    }

    Companies web(String value) {
        website = value;
        return this;
    }

    Companies verifiedWeb(String value) {
        website = value;
        verified = true;
        return this;
    }

    Companies country(String value) {
        country = value;
        return this;
    }

    Companies taxId(String value) {
        taxId = value;
        return this;
    }

    Companies duns(String value) {
        duns = value;
        return this;
    }

    /** The record's city and postal code, either may be null. */
    Companies at(String cityValue, String postalCodeValue) {
        city = cityValue;
        postalCode = postalCodeValue;
        return this;
    }

    CompanyCandidate build() {
        return CompanyCandidate.of(program + ":partner:" + id, program, name, website, verified, country, taxId, duns,
                city, postalCode);
    }
}
