package dev.accordhub.sandbox.seed;

import static dev.accordhub.sandbox.seed.CompanyWords.pick;

import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/** Partner contacts with e-mail addresses unique across the whole demo, as both CRMs key people by e-mail. */
final class SeedPeople {

    private final Random random;
    private final Set<String> usedEmails = new HashSet<>();

    SeedPeople(Random random) {
        this.random = random;
    }

    SeedContact contact(String domain, Instant companyCreated, Instant modified) {
        String first = pick(CompanyWords.FIRST_NAMES, random);
        String last = pick(CompanyWords.LAST_NAMES, random);
        String local = DemoDataGenerator.slug(first) + "." + DemoDataGenerator.slug(last);
        String email = local + "@" + domain;
        for (int n = 2; !usedEmails.add(email); n++) {
            email = local + n + "@" + domain;
        }
        Instant created = companyCreated.isBefore(modified) ? companyCreated : modified;
        return new SeedContact(first, last, email, pick(CompanyWords.TITLES, random), created, modified);
    }
}
