package dev.accordhub.routes.incentive;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code accord.integrity.*}: the incentive-integrity rules, each on or off, and the burst detector's numbers.
 *
 * @param doubleDipping the same invoice or proof of performance in two claims, across programs and partners
 * @param overBalance a claim (or request) above what is left of its fund
 * @param geographicGaming a deal registration or MDF activity for a customer outside the partner's territory
 * @param bulkNomination submissions in one {@code bulkWindow} at least {@code bulkFactor} times the partner's own
 *                       average per window over {@code bulkBaseline}, and at least {@code bulkMinimum}
 */
@ConfigurationProperties("accord.integrity")
public record IntegrityProperties(Boolean doubleDipping, Boolean overBalance, Boolean geographicGaming,
        Boolean bulkNomination, Duration bulkWindow, Duration bulkBaseline, Double bulkFactor, Integer bulkMinimum) {

    public IntegrityProperties {
        doubleDipping = doubleDipping == null || doubleDipping;
        overBalance = overBalance == null || overBalance;
        geographicGaming = geographicGaming == null || geographicGaming;
        bulkNomination = bulkNomination == null || bulkNomination;
        bulkWindow = bulkWindow == null ? Duration.ofHours(1) : bulkWindow;
        bulkBaseline = bulkBaseline == null ? Duration.ofDays(30) : bulkBaseline;
        bulkFactor = bulkFactor == null ? 5.0 : bulkFactor;
        bulkMinimum = bulkMinimum == null ? 10 : bulkMinimum;
        if (bulkWindow.isZero() || bulkWindow.isNegative() || bulkBaseline.compareTo(bulkWindow) <= 0) {
            throw new IllegalArgumentException("accord.integrity.bulk-baseline (" + bulkBaseline
                    + ") must be longer than accord.integrity.bulk-window (" + bulkWindow + "), which must be > 0");
        }
        if (bulkFactor <= 1.0 || bulkMinimum < 2) {
            throw new IllegalArgumentException("accord.integrity.bulk-factor must be > 1 and bulk-minimum >= 2");
        }
    }

    public static IntegrityProperties defaults() {
        return new IntegrityProperties(null, null, null, null, null, null, null, null);
    }
}
