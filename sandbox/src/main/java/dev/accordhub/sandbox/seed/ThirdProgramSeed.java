package dev.accordhub.sandbox.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The partners of program "nimbus", a third acquired company on a Salesforce org of its own: about a quarter are
 * companies vantage already has (same web domain, the name written another way), the rest its own. Tiers, types
 * and stages are in nimbus's words ({@link ProgramVocabulary#NIMBUS}).
 */
public final class ThirdProgramSeed {

    static final double SHARED_WITH_VANTAGE = 0.25;

    private ThirdProgramSeed() {
    }

    public static List<SeedCompany> nimbus(DemoData base, int partners) {
        Random random = new Random(base.seed() * 31 + 7);
        List<SeedCompany> companies = new ArrayList<>();
        int shared = (int) Math.round(partners * SHARED_WITH_VANTAGE);
        for (int i = 0; i < shared && i < base.vantage().size(); i++) {
            SeedCompany known = base.vantage().get(i);
            companies.add(translate(known, variant(known.name(), random), "https://" + known.domain(),
                    ProgramVocabulary.VANTAGE));
        }
        DemoData own = DemoData.generate(base.seed() + 1_000, partners - companies.size(), base.anchor());
        for (SeedCompany company : own.helios()) {
            if (companies.size() == partners) {
                break;
            }
            companies.add(translate(company, company.name(), company.website(), ProgramVocabulary.HELIOS));
        }
        return List.copyOf(companies);
    }

    /** Seed data a Salesforce sandbox loads as its org: it loads the {@code helios} list of what it is given. */
    public static DemoData asSalesforceOrg(DemoData base, int partners) {
        return new DemoData(base.seed(), base.anchor(), nimbus(base, partners), List.of());
    }

    private static SeedCompany translate(SeedCompany company, String name, String website, ProgramVocabulary from) {
        ProgramVocabulary to = ProgramVocabulary.NIMBUS;
        List<SeedDeal> deals = company.deals().stream().map(d -> new SeedDeal(d.name(), d.customerCompany(),
                d.amount(), d.currency(), to.allStages().get(from.allStages().indexOf(d.stage()) * to.allStages()
                .size() / from.allStages().size()), d.closeDate(), d.deleted(), d.createdAt(), d.modifiedAt())).toList();
        List<SeedContact> contacts = company.contacts().stream().map(c -> new SeedContact(c.firstName(),
                c.lastName(), c.email(), c.title(), c.createdAt(), c.modifiedAt())).toList();
        return new SeedCompany(name, company.domain(), website, company.country(),
                to.tiers().get(from.tiers().indexOf(company.tier())),
                to.partnerTypes().get(from.partnerTypes().indexOf(company.partnerType())),
                company.createdAt(), company.modifiedAt(), contacts, deals);
    }

    private static String variant(String name, Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> name.toUpperCase(Locale.ROOT);
            case 1 -> name.replaceAll("(?i)\\s+(Inc\\.?|GmbH|Ltd\\.?|LLC|S\\.r\\.l\\.|K\\.K\\.|B\\.V\\.)$", "");
            default -> name + " Group";
        };
    }
}
