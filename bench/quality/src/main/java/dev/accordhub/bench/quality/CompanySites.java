package dev.accordhub.bench.quality;

import dev.accordhub.bench.quality.SyntheticCompany.LookAlike;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Where the true companies are: each has a head office and some have more sites, each a city and postal code of
 * its country. Cities are drawn by size (the i-th largest of a country's 40 is i times rarer than the largest), so
 * unrelated companies share a city as often as they do in a real country; a city has one postal code per 100,000
 * notional inhabitants. Drawn from a random stream of its own, so adding addresses leaves every other generated
 * value as it was.
 *
 * <p>Sites: one (85%), two (10%) or three (5%), in other cities of the same country. 3% of companies moved: their
 * old address is still on some programs' records. Look-alikes: a division sits at its parent's site (40%) or in
 * its city (20%); a namesake, a near name or the same brand in another business is placed like any company,
 * which puts some in the same city as the company they resemble.
 */
final class CompanySites {

    record Site(String city, String postalCode) {
    }

    /** A company's sites, head office first, and its address before it moved (or null). */
    record Sites(List<Site> sites, Site previous) {
    }

    private static final int CITIES_PER_COUNTRY = 40;

    private final Random random;
    private final Map<String, List<String>> cities = new HashMap<>();
    private final Map<String, double[]> cumulative = new HashMap<>();

    private CompanySites(Random random) {
        this.random = random;
    }

    static Sites[] generate(List<SyntheticCompany> companies, Random random) {
        CompanySites generator = new CompanySites(random);
        Sites[] sites = new Sites[companies.size()];
        for (SyntheticCompany company : companies) {
            sites[company.entityId()] = generator.sitesOf(company, company.baseId() < 0 ? null
                    : sites[company.baseId()]);
        }
        return sites;
    }

    private Sites sitesOf(SyntheticCompany company, Sites base) {
        String country = company.country();
        List<Site> sites = new ArrayList<>(3);
        if (company.lookAlike() == LookAlike.DIVISION_ON_SHARED_DOMAIN && base != null) {
            double draw = random.nextDouble();
            Site head = base.sites().get(0);
            sites.add(draw < 0.4 ? head : draw < 0.6 ? new Site(head.city(), postalCode(country, head.city()))
                    : site(country));
        } else {
            sites.add(site(country));
        }
        double more = random.nextDouble();
        int count = more < 0.85 ? 1 : more < 0.95 ? 2 : 3;
        while (sites.size() < count) {
            Site next = site(country);
            if (sites.stream().noneMatch(s -> s.city().equals(next.city()))) {
                sites.add(next);
            }
        }
        return new Sites(List.copyOf(sites), random.nextDouble() < 0.03 ? site(country) : null);
    }

    private Site site(String country) {
        String city = city(country);
        return new Site(city, postalCode(country, city));
    }

    private String city(String country) {
        List<String> names = cities.computeIfAbsent(country, c -> {
            List<String> made = new ArrayList<>(CITIES_PER_COUNTRY);
            while (made.size() < CITIES_PER_COUNTRY) {
                String name = capitalise(pick(NameParts.SYLLABLES) + pick(NameParts.SYLLABLES)
                        + pick(List.of("burg", "ton", "ville", "stad", "heim", "field", "port", "dorf", "haven", "a")));
                if (!made.contains(name)) {
                    made.add(random.nextDouble() < 0.15 ? name + " " + pick(List.of("am See", "on Sea", "Nord")) : name);
                }
            }
            return made;
        });
        double[] weights = cumulative.computeIfAbsent(country, c -> {
            double[] sum = new double[CITIES_PER_COUNTRY];
            double total = 0;
            for (int i = 0; i < CITIES_PER_COUNTRY; i++) {
                total += 1.0 / (i + 1);
                sum[i] = total;
            }
            return sum;
        });
        double draw = random.nextDouble() * weights[CITIES_PER_COUNTRY - 1];
        int i = 0;
        while (weights[i] < draw) {
            i++;
        }
        return names.get(i);
    }

    /** Five digits: the city's own two-digit prefix, then a district; large cities have more districts. */
    private String postalCode(String country, String city) {
        int rank = cities.get(country).indexOf(city);
        int districts = Math.max(2, 100 / (rank + 1));
        int prefix = 10 + 2 * rank;
        return String.format("%02d%03d", prefix, random.nextInt(districts) * 7 % 1000);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
