package dev.accordhub.portal.access;

import dev.accordhub.portal.security.AccessDeniedException;
import dev.accordhub.portal.security.Caller;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The permission matrix at work: which modules a caller has, and the check that refuses one they do not have,
 * saying which of their company's attributes or their roles keeps them out.
 */
public class PortalModules {

    public static final String DEALS = "deals";
    public static final String DEAL_REGISTRATION = "deal-registration";
    public static final String MDF = "mdf";

    private final Map<String, PermissionProperties.ModuleRule> modules;

    public PortalModules(PermissionProperties properties) {
        this.modules = new TreeMap<>(properties.modules());
    }

    /** The modules this caller has, by name; operators have all. */
    public List<String> of(Caller caller) {
        return modules.keySet().stream().filter(m -> reason(caller, m) == null).toList();
    }

    public void require(Caller caller, String module) {
        String why = reason(caller, module);
        if (why != null) {
            throw new AccessDeniedException("No access to " + module + ": " + why);
        }
    }

    /** Why the caller lacks the module, or null if they have it (a module nobody configured is open). */
    private String reason(Caller caller, String module) {
        PermissionProperties.ModuleRule rule = modules.get(module);
        if (caller.isOperator() || caller.isChannelManager() || rule == null) {
            return null;
        }
        Caller.Profile p = caller.profile();
        if (!rule.types().isEmpty() && !rule.types().contains(p.type())) {
            return "it is for partner types " + rule.types() + ", your company is " + p.type();
        }
        if (!rule.tiers().isEmpty() && !rule.tiers().contains(p.tier())) {
            return "it is for tiers " + rule.tiers() + ", your company is " + p.tier();
        }
        if (!rule.territories().isEmpty() && !rule.territories().contains(p.territory())) {
            return "it is for territories " + rule.territories() + ", your company is in " + p.territory();
        }
        if (!rule.verticals().isEmpty() && !rule.verticals().contains(p.vertical())) {
            return "it is for verticals " + rule.verticals() + ", your company is in " + p.vertical();
        }
        if (!rule.roles().isEmpty() && p.roles().stream().noneMatch(rule.roles()::contains)) {
            return "it is for the roles " + rule.roles() + ", you have " + p.roles();
        }
        return null;
    }
}
