package dev.accordhub.routes.registration;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code accord.registration.*}: the review SLA (with per-tier overrides), how channel conflicts are found and
 * settled, and how hard the hub tries to write a registration into its CRM before dead-lettering it.
 *
 * @param reviewSla        how long the channel team has to decide, from submission
 * @param reviewSlaByTier  canonical tier (ENTRY, SILVER, GOLD, PLATINUM) → its own SLA
 * @param conflictWindow   registrations of the same customer by other partners submitted this close are conflicts
 * @param conflictPolicy   manual-review (flag both, the channel team decides) or first-come-wins (the later one is
 *                         rejected at once)
 * @param slaCheckInterval how often undecided registrations are checked against their SLA
 * @param writeAttempts    attempts to write a registration into its CRM before it becomes a dead letter
 * @param writeBackoff     the first wait between attempts; it doubles up to {@code writeMaxBackoff}
 */
@ConfigurationProperties("accord.registration")
public record RegistrationProperties(
        @DefaultValue("48h") Duration reviewSla,
        Map<String, Duration> reviewSlaByTier,
        @DefaultValue("90d") Duration conflictWindow,
        @DefaultValue("manual-review") String conflictPolicy,
        @DefaultValue("30s") Duration slaCheckInterval,
        @DefaultValue("8") int writeAttempts,
        @DefaultValue("500ms") Duration writeBackoff,
        @DefaultValue("30s") Duration writeMaxBackoff,
        @DefaultValue("4") int writeConsumers) {

    public enum ConflictPolicy { MANUAL_REVIEW, FIRST_COME_WINS }

    public RegistrationProperties {
        reviewSlaByTier = reviewSlaByTier == null ? Map.of() : Map.copyOf(reviewSlaByTier);
        policy(conflictPolicy);
        if (writeAttempts < 1) {
            throw new IllegalArgumentException("accord.registration.write-attempts must be at least 1");
        }
    }

    public ConflictPolicy policy() {
        return policy(conflictPolicy);
    }

    /** The review SLA of a partner of this canonical tier. */
    public Duration reviewSla(String tier) {
        return tier == null ? reviewSla : reviewSlaByTier.getOrDefault(tier, reviewSla);
    }

    private static ConflictPolicy policy(String text) {
        try {
            return ConflictPolicy.valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("accord.registration.conflict-policy: '" + text
                    + "' is not manual-review or first-come-wins");
        }
    }
}
