package dev.accordhub.portal.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accordhub.portal.security.AccessDeniedException;
import dev.accordhub.portal.security.Caller;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortalModulesTest {

    static final PermissionProperties MATRIX = new PermissionProperties(List.of("partner-sales"), Map.of(
            "deal-registration", rule(null, null, null, List.of("partner-admin", "partner-sales")),
            "margin-tools", rule(List.of("reseller", "SI", "MSP"), null, null, null),
            "co-marketing-assets", rule(null, List.of("GOLD", "PLATINUM"), null, null),
            "emea-events", rule(null, null, List.of("EMEA"), null)));
    static final PortalModules MODULES = new PortalModules(MATRIX);

    @Test
    void eachModuleFollowsTypeTierTerritoryAndRole() {
        assertThat(MODULES.of(user("RESELLER", "PLATINUM", "EMEA", "partner-sales")))
                .containsExactly("co-marketing-assets", "deal-registration", "emea-events", "margin-tools");
        assertThat(MODULES.of(user("REFERRAL", "SILVER", "NA", "partner-sales")))
                .containsExactly("deal-registration");
        assertThat(MODULES.of(user("MSP", "ENTRY", "NA", "partner-marketing"))).containsExactly("margin-tools");
        assertThat(MODULES.of(Caller.operator("op", "op@accord.example"))).hasSize(4);
    }

    @Test
    void aRefusalSaysWhatKeepsTheCallerOut() {
        assertThatThrownBy(() -> MODULES.require(user("REFERRAL", "GOLD", "NA", "partner-sales"), "margin-tools"))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("REFERRAL");
        assertThatThrownBy(() -> MODULES.require(user("RESELLER", "GOLD", "NA", "partner-finance"),
                "deal-registration")).hasMessageContaining("[partner-finance]");
    }

    @Test
    void misspelledNamesStopTheStartWithTheProperty() {
        assertThatThrownBy(() -> new PermissionProperties(List.of("sales"), Map.of("mdf",
                rule(List.of("VAR"), List.of("TITANIUM"), null, List.of("boss")))))
                .hasMessageContaining("accord.permissions.default-roles: 'sales'")
                .hasMessageContaining("accord.permissions.modules.mdf.types: 'VAR'")
                .hasMessageContaining("accord.permissions.modules.mdf.tiers: 'TITANIUM'")
                .hasMessageContaining("accord.permissions.modules.mdf.roles: 'boss'");
    }

    private static PermissionProperties.ModuleRule rule(List<String> types, List<String> tiers,
            List<String> territories, List<String> roles) {
        return new PermissionProperties.ModuleRule(types, tiers, territories, null, roles);
    }

    private static Caller user(String type, String tier, String territory, String role) {
        return Caller.partnerUser("sub", "u@p.example", "u1", "p1", "helios:partner:1",
                new Caller.Profile("P", type, tier, territory, null, List.of(role)));
    }
}
