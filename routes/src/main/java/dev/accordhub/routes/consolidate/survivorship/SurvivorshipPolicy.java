package dev.accordhub.routes.consolidate.survivorship;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The survivorship configuration ({@code accord.consolidation.*}): a rule per golden field (by field name, e.g.
 * {@code name}, {@code tier}), a default for the others, the programs in priority order, and how close in time two
 * sources' edits must be to count as concurrent (a conflict) rather than one following the other.
 */
public record SurvivorshipPolicy(List<String> sourcePriority, SurvivorshipRule defaultRule,
        Map<String, SurvivorshipRule> fields, Duration conflictWindow) {

    public static final SurvivorshipPolicy MOST_RECENT_WINS =
            new SurvivorshipPolicy(List.of(), SurvivorshipRule.MOST_RECENT, Map.of(), Duration.ofMinutes(5));

    public SurvivorshipPolicy {
        sourcePriority = sourcePriority == null ? List.of() : List.copyOf(sourcePriority);
        defaultRule = defaultRule == null ? SurvivorshipRule.MOST_RECENT : defaultRule;
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        conflictWindow = conflictWindow == null ? Duration.ofMinutes(5) : conflictWindow;
    }

    public SurvivorshipRule ruleFor(String field) {
        return fields.getOrDefault(field, defaultRule);
    }

    /** Position of a program in the priority list; unlisted programs rank after every listed one. */
    public int priorityOf(String program) {
        int index = sourcePriority.indexOf(program);
        return index < 0 ? Integer.MAX_VALUE : index;
    }
}
