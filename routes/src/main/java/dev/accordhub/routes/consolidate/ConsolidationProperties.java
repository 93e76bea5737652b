package dev.accordhub.routes.consolidate;

import dev.accordhub.routes.consolidate.match.MatchPolicy;
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
 *   on-source-delete: deactivate   # or remove
 *   merge-threshold: 0.91          # fuzzy score that merges; from review-threshold up, a steward decides
 *   review-threshold: 0.80
 * </pre>
 */
@ConfigurationProperties("accord.consolidation")
public record ConsolidationProperties(List<String> sourcePriority, SurvivorshipRule defaultRule,
        Map<String, SurvivorshipRule> fields, Duration conflictWindow, OnSourceDelete onSourceDelete,
        Double mergeThreshold, Double reviewThreshold, Boolean splitWeakerMembers) {

    /**
     * Whether a golden record may give up a member a newcomer fits better (default yes); records a steward or an
     * operator decided on are never split automatically.
     */
    public boolean splitsWeakerMembers() {
        return splitWeakerMembers == null || splitWeakerMembers;
    }

    /** The fuzzy matcher's policy: defaults, with the thresholds from config when set. */
    public MatchPolicy matchPolicy() {
        MatchPolicy defaults = MatchPolicy.defaults();
        return defaults.withThresholds(mergeThreshold == null ? defaults.mergeThreshold() : mergeThreshold,
                reviewThreshold == null ? defaults.reviewThreshold() : reviewThreshold);
    }

    /** What a partner or user deleted in one source does to its golden record. Deleted deals are always removed. */
    public enum OnSourceDelete {
        /** Keep the source on the record, inactive; the record is inactive once no source has it active. */
        DEACTIVATE,
        /** Drop the source from the record; drop the record with its last source. */
        REMOVE
    }

    public boolean removeDeletedSources() {
        return onSourceDelete == OnSourceDelete.REMOVE;
    }

    public SurvivorshipPolicy policy() {
        return new SurvivorshipPolicy(sourcePriority, defaultRule, fields, conflictWindow);
    }
}
