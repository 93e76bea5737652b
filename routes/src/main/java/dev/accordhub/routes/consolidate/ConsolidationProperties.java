package dev.accordhub.routes.consolidate;

import dev.accordhub.routes.consolidate.survivorship.SurvivorshipPolicy;
import dev.accordhub.routes.consolidate.survivorship.SurvivorshipRule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code accord.consolidation.*}: which program wins a field. Example:
 * <pre>
 * accord.consolidation:
 *   source-priority: [helios, vantage]
 *   default-rule: most-recent
 *   fields: { tier: source-priority, name: most-complete }
 *   conflict-window: 5m
 * </pre>
 */
@ConfigurationProperties("accord.consolidation")
public record ConsolidationProperties(List<String> sourcePriority, SurvivorshipRule defaultRule,
        Map<String, SurvivorshipRule> fields, Duration conflictWindow) {

    public SurvivorshipPolicy policy() {
        return new SurvivorshipPolicy(sourcePriority, defaultRule, fields, conflictWindow);
    }
}
