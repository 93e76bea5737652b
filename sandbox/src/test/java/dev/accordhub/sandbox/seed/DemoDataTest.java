package dev.accordhub.sandbox.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoDataTest {

    private static final Instant ANCHOR = Instant.parse("2026-11-25T10:00:00Z");
    private final DemoData data = DemoData.generate(42, DemoData.DEFAULT_PARTNERS_PER_PROGRAM, ANCHOR);

    @Test
    void sameSeedAndAnchorGiveEqualData() {
        assertThat(DemoData.generate(42, 200, ANCHOR)).isEqualTo(data);
        assertThat(DemoData.generate(43, 200, ANCHOR)).isNotEqualTo(data);
    }

    @Test
    void eachProgramHasTwoHundredPartnersWithContactsAndDeals() {
        for (List<SeedCompany> program : List.of(data.helios(), data.vantage())) {
            assertThat(program).hasSize(200);
            assertThat(program).allSatisfy(company -> {
                assertThat(company.contacts()).hasSizeBetween(1, 2);
                assertThat(company.deals()).hasSizeBetween(1, 3);
            });
            assertThat(DemoData.recordCount(program)).isBetween(600, 1200);
        }
    }

    @Test
    void aboutThirtyPercentOfPartnersShareADomainUnderAnotherName() {
        Set<String> shared = data.sharedDomains();

        assertThat(shared).hasSize(60);
        for (String domain : shared) {
            String heliosName = data.heliosByDomain(domain).orElseThrow().name();
            String vantageName = data.vantageByDomain(domain).orElseThrow().name();
            assertThat(heliosName).as(domain).isNotEqualTo(vantageName);
        }
    }

    @Test
    void domainsAreUniqueWithinEachProgram() {
        assertThat(data.helios().stream().map(SeedCompany::domain).distinct()).hasSize(200);
        assertThat(data.vantage().stream().map(SeedCompany::domain).distinct()).hasSize(200);
    }

    @Test
    void eachProgramUsesItsOwnVocabulary() {
        assertThat(data.helios()).extracting(SeedCompany::tier)
                .containsAnyElementsOf(ProgramVocabulary.HELIOS.tiers())
                .isSubsetOf(ProgramVocabulary.HELIOS.tiers());
        assertThat(data.vantage()).extracting(SeedCompany::tier).isSubsetOf("Bronze", "Silver", "Gold", "Diamond");
        assertThat(data.helios()).extracting(SeedCompany::partnerType).isSubsetOf(ProgramVocabulary.HELIOS.partnerTypes());
        assertThat(data.vantage()).extracting(SeedCompany::partnerType).isSubsetOf("VAR", "Referral", "SI", "MSP");
        assertThat(deals(data.helios())).extracting(SeedDeal::stage).isSubsetOf(ProgramVocabulary.HELIOS.allStages());
        assertThat(deals(data.vantage())).extracting(SeedDeal::stage).isSubsetOf(ProgramVocabulary.VANTAGE.allStages());
    }

    @Test
    void salesforceWebsitesComeInVariedFormsOfTheDomain() {
        Set<String> forms = data.helios().stream()
                .map(c -> c.website().replace(c.domain(), "DOMAIN"))
                .collect(Collectors.toSet());

        assertThat(forms).contains("https://www.DOMAIN", "DOMAIN", "http://DOMAIN/");
        assertThat(data.vantage()).allSatisfy(c -> assertThat(c.website()).isEqualTo(c.domain()));
        assertThat(data.vantage()).extracting(SeedCompany::domain).noneMatch(d -> d.contains("/") || d.startsWith("www."));
    }

    @Test
    void countriesAreIsoAlpha2() {
        assertThat(data.helios()).extracting(SeedCompany::country).allMatch(c -> c.matches("[A-Z]{2}"))
                .contains("US", "DE", "GB");
    }

    @Test
    void dealsHaveRealisticAmountsAndCurrencies() {
        List<SeedDeal> deals = deals(data.helios());

        assertThat(deals).extracting(SeedDeal::currency).containsOnly("USD", "EUR", "GBP");
        assertThat(deals).allSatisfy(deal -> {
            assertThat(deal.amount()).isBetween(new BigDecimal("5000.00"), new BigDecimal("500000.00"));
            assertThat(deal.amount().scale()).isEqualTo(2);
        });
        assertThat(deals).anyMatch(SeedDeal::deleted).anyMatch(d -> !d.deleted());
    }

    @Test
    void modstampsFallInTheFewDaysBeforeTheAnchor() {
        assertThat(data.helios()).allSatisfy(company -> {
            assertThat(company.modifiedAt()).isBetween(ANCHOR.minus(Duration.ofDays(3)), ANCHOR);
            assertThat(company.createdAt()).isBefore(company.modifiedAt());
        });
    }

    @Test
    void contactEmailsAreUniqueInAProgramAndSometimesSharedAcrossPrograms() {
        List<String> heliosEmails = data.helios().stream()
                .flatMap(c -> c.contacts().stream()).map(SeedContact::email).toList();
        Set<String> vantageEmails = data.vantage().stream()
                .flatMap(c -> c.contacts().stream()).map(SeedContact::email).collect(Collectors.toSet());

        assertThat(heliosEmails).doesNotHaveDuplicates().allMatch(e -> e.matches("[a-z0-9.]+@[a-z0-9.-]+"));
        assertThat(heliosEmails).anyMatch(vantageEmails::contains);
    }

    private static List<SeedDeal> deals(List<SeedCompany> program) {
        return program.stream().flatMap(c -> c.deals().stream()).toList();
    }
}
