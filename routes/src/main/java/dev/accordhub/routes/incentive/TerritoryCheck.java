package dev.accordhub.routes.incentive;

import dev.accordhub.model.program.ProgramDefinition;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Geographic gaming: whether a customer's (or an activity's) country lies outside the partner's territory, by the
 * owning program's own country → territory map. Countries the map does not know, and partners without a
 * territory, are not judged: an alert needs evidence.
 */
public class TerritoryCheck {

    private final Map<String, Map<String, String>> territoriesByProgram;

    public TerritoryCheck(List<ProgramDefinition> programs) {
        this.territoriesByProgram = programs.stream()
                .collect(Collectors.toMap(ProgramDefinition::id, ProgramDefinition::territories));
    }

    /** The country's territory when it differs from the partner's; null when inside or not decidable. */
    public String outside(String program, String partnerTerritory, String country) {
        if (partnerTerritory == null || country == null) {
            return null;
        }
        String territory = territoriesByProgram.getOrDefault(program, Map.of()).get(country.toUpperCase());
        return territory == null || territory.equals(partnerTerritory) ? null : territory;
    }
}
