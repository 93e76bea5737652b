package dev.accordhub.sandbox.seed;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The partner records of the two acquired programs: "helios" (Salesforce) and "vantage" (HubSpot). About 30% of the
 * partner companies are in both, under the same web domain but a slightly different name, which is what the hub's
 * matching has to find. Everything is drawn from {@code new Random(seed)}; timestamps are offsets before
 * {@code anchor}, so the same seed and anchor give equal data.
 */
public record DemoData(long seed, Instant anchor, List<SeedCompany> helios, List<SeedCompany> vantage) {

    public static final int DEFAULT_PARTNERS_PER_PROGRAM = 200;
    /** Share of each program's partner companies that are also in the other program. */
    public static final double SHARED_PARTNER_SHARE = 0.30;

    public DemoData {
        helios = List.copyOf(helios);
        vantage = List.copyOf(vantage);
    }

    public static DemoData generate(long seed) {
        return generate(seed, DEFAULT_PARTNERS_PER_PROGRAM);
    }

    /** Anchored at the current hour, so modstamps are "the past few days" whenever the demo runs. */
    public static DemoData generate(long seed, int partnersPerProgram) {
        return generate(seed, partnersPerProgram, Instant.now().truncatedTo(ChronoUnit.HOURS));
    }

    public static DemoData generate(long seed, int partnersPerProgram, Instant anchor) {
        return new DemoDataGenerator(seed, anchor).generate(partnersPerProgram);
    }

    /** Domains of the partner companies present in both programs. */
    public Set<String> sharedDomains() {
        Set<String> shared = domains(helios);
        shared.retainAll(domains(vantage));
        return shared;
    }

    public Optional<SeedCompany> heliosByDomain(String domain) {
        return helios.stream().filter(c -> c.domain().equals(domain)).findFirst();
    }

    public Optional<SeedCompany> vantageByDomain(String domain) {
        return vantage.stream().filter(c -> c.domain().equals(domain)).findFirst();
    }

    /** Companies, contacts and deals together, deleted deals included. */
    public static int recordCount(List<SeedCompany> program) {
        return program.stream().mapToInt(c -> 1 + c.contacts().size() + c.deals().size()).sum();
    }

    private static Set<String> domains(List<SeedCompany> companies) {
        Set<String> domains = new TreeSet<>();
        companies.forEach(c -> domains.add(c.domain()));
        return domains;
    }
}
