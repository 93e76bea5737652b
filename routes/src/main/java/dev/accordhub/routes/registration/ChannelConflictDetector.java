package dev.accordhub.routes.registration;

import dev.accordhub.model.Deal;
import dev.accordhub.model.DealRegistration;
import dev.accordhub.routes.consolidate.match.CompanyNameNormaliser;
import dev.accordhub.routes.consolidate.match.DomainNormaliser;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Finds channel conflicts: open registrations by <em>other</em> partners (in any program) for the same end
 * customer — the same web domain, or the same normalised company name in the same country — submitted within the
 * window before or after this one. The same partner registering the same customer twice is a duplicate, refused
 * at submission, not a conflict.
 */
public final class ChannelConflictDetector {

    private final Duration window;

    public ChannelConflictDetector(Duration window) {
        this.window = window;
    }

    /**
     * @param partnerOf the golden partner id of a deal (through the cross-reference, so merged partners count as
     *                  one)
     */
    public List<Deal> conflicts(Deal registration, Collection<Deal> candidates, Function<Deal, String> partnerOf) {
        String partner = partnerOf.apply(registration);
        return candidates.stream()
                .filter(other -> !other.id().equals(registration.id()))
                .filter(other -> other.registration() != null && other.registration().stillOpen())
                .filter(other -> !Objects.equals(partnerOf.apply(other), partner))
                .filter(other -> sameCustomer(registration, other))
                .filter(other -> withinWindow(registration.registration(), other.registration()))
                .toList();
    }

    public static boolean sameCustomer(Deal a, Deal b) {
        String domainA = domain(a);
        String domainB = domain(b);
        if (domainA != null && domainA.equals(domainB)) {
            return true;
        }
        String nameA = nameKey(a);
        return nameA != null && nameA.equals(nameKey(b));
    }

    public static String domain(Deal deal) {
        String domain = deal.registration() == null ? null : deal.registration().customerDomain();
        return domain == null || domain.isBlank() ? null : DomainNormaliser.normalise(domain);
    }

    public static String nameKey(Deal deal) {
        return nameKey(deal.customerName(), country(deal));
    }

    /** The normalised company name and the country, {@code name|CC}; null without a usable name. */
    public static String nameKey(String customerName, String country) {
        if (customerName == null || customerName.isBlank()) {
            return null;
        }
        String key = CompanyNameNormaliser.normalise(customerName);
        return key == null || key.isBlank() ? null : key + "|" + (country == null ? "" : country);
    }

    private static String country(Deal deal) {
        return deal.registration() == null ? null : deal.registration().customerCountry();
    }

    private boolean withinWindow(DealRegistration a, DealRegistration b) {
        if (a.submittedAt() == null || b.submittedAt() == null) {
            return true;
        }
        return Duration.between(a.submittedAt(), b.submittedAt()).abs().compareTo(window) <= 0;
    }
}
