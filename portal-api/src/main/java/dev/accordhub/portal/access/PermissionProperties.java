package dev.accordhub.portal.access;

import dev.accordhub.model.PartnerType;
import dev.accordhub.model.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code accord.permissions}: which portal modules each kind of partner user gets. A module lists the partner
 * types, tiers, territories, verticals and user roles it is for; a dimension left out means any. A partner user
 * has the module when their company and their roles fit every listed dimension. Users without roles from their
 * identity provider get {@code default-roles}. Names are checked at start-up.
 */
@ConfigurationProperties("accord.permissions")
public record PermissionProperties(List<String> defaultRoles, Map<String, ModuleRule> modules) {

    public static final Set<String> ROLES = Set.of("partner-admin", "partner-sales", "partner-marketing",
            "partner-finance");

    /** Who a module is for; null or empty lists mean anyone. */
    public record ModuleRule(List<String> types, List<String> tiers, List<String> territories,
            List<String> verticals, List<String> roles) {

        public ModuleRule {
            types = upper(types);
            tiers = upper(tiers);
            territories = territories == null ? List.of() : List.copyOf(territories);
            verticals = verticals == null ? List.of() : List.copyOf(verticals);
            roles = roles == null ? List.of() : roles.stream().map(r -> r.toLowerCase(Locale.ROOT)).toList();
        }
    }

    public PermissionProperties {
        defaultRoles = defaultRoles == null ? List.of("partner-sales")
                : defaultRoles.stream().map(r -> r.toLowerCase(Locale.ROOT)).toList();
        modules = modules == null ? Map.of() : Map.copyOf(modules);
        List<String> problems = new ArrayList<>();
        defaultRoles.stream().filter(r -> !ROLES.contains(r)).forEach(r -> problems.add(
                "accord.permissions.default-roles: '" + r + "' is not one of " + ROLES));
        modules.forEach((name, rule) -> {
            String at = "accord.permissions.modules." + name;
            check(problems, at + ".types", rule.types(), names(PartnerType.values()));
            check(problems, at + ".tiers", rule.tiers(), names(Tier.values()));
            check(problems, at + ".roles", rule.roles(), ROLES);
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    private static void check(List<String> problems, String at, List<String> given, Set<String> known) {
        given.stream().filter(v -> !known.contains(v)).forEach(v -> problems.add(at + ": '" + v
                + "' is not one of " + known.stream().sorted().toList()));
    }

    private static Set<String> names(Enum<?>[] values) {
        return Stream.of(values).map(Enum::name).collect(Collectors.toSet());
    }

    private static List<String> upper(List<String> values) {
        return values == null ? List.of() : values.stream().map(v -> v.toUpperCase(Locale.ROOT)).toList();
    }
}
