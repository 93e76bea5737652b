package dev.accordhub.sandbox.seed;

import java.time.Instant;
import java.util.List;

/**
 * A partner company as one program holds it. {@code tier}, {@code partnerType} and deal stages are in that
 * program's own words; {@code website} is the program's raw value and {@code domain} its plain form.
 */
public record SeedCompany(
        String name,
        String domain,
        String website,
        String country,
        String tier,
        String partnerType,
        Instant createdAt,
        Instant modifiedAt,
        List<SeedContact> contacts,
        List<SeedDeal> deals) {

    public SeedCompany {
        contacts = List.copyOf(contacts);
        deals = List.copyOf(deals);
    }
}
