package dev.accordhub.routes.reconcile;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code accord.reconciliation.*}: how often every source is compared with the golden model, and how gently.
 *
 * @param enabled             the scheduled run (an operator can always start one through the API)
 * @param interval            between scheduled runs; the first comes one interval after start
 * @param callsPerSecond      the most calls a run makes to one source per second, on top of the pollers' own, so a
 *                            run spends a small, known part of the source's API budget
 * @param minRemainingBudget  a run stops reading a source whose reported remaining API budget falls below this
 *                            share of its limit (0.2: keep 20% for the pollers and the business)
 * @param maxRateLimitWait    how long a run waits out a source's 429s in all before giving that source up
 * @param repair              send what drifted back through the ingest path (false: report only)
 * @param keepRuns            reports kept for the API
 */
@ConfigurationProperties("accord.reconciliation")
public record ReconciliationProperties(Boolean enabled, Duration interval, Double callsPerSecond,
        Double minRemainingBudget, Duration maxRateLimitWait, Boolean repair, Integer keepRuns) {

    public ReconciliationProperties {
        enabled = enabled == null || enabled;
        interval = interval == null ? Duration.ofHours(6) : interval;
        callsPerSecond = callsPerSecond == null ? 5.0 : callsPerSecond;
        minRemainingBudget = minRemainingBudget == null ? 0.2 : minRemainingBudget;
        maxRateLimitWait = maxRateLimitWait == null ? Duration.ofMinutes(2) : maxRateLimitWait;
        repair = repair == null || repair;
        keepRuns = keepRuns == null ? 20 : keepRuns;
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("accord.reconciliation.interval must be at least 1s, was " + interval);
        }
        if (!(callsPerSecond > 0)) {
            throw new IllegalArgumentException("accord.reconciliation.calls-per-second must be > 0, was "
                    + callsPerSecond);
        }
        if (minRemainingBudget < 0 || minRemainingBudget >= 1) {
            throw new IllegalArgumentException("accord.reconciliation.min-remaining-budget must be in [0, 1), was "
                    + minRemainingBudget);
        }
        if (keepRuns < 1) {
            throw new IllegalArgumentException("accord.reconciliation.keep-runs must be at least 1, was " + keepRuns);
        }
    }
}
