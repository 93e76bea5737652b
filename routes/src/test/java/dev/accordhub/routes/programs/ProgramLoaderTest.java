package dev.accordhub.routes.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accordhub.model.EntityType;
import dev.accordhub.model.program.ProgramDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramLoaderTest {

    private final ProgramLoader loader = new ProgramLoader(text -> text.replace("${accord.sandbox.salesforce.url}",
            "http://127.0.0.1:1").replace("${accord.sandbox.hubspot.url}", "http://127.0.0.1:2"));

    @Test
    void loadsTheShippedProgramFiles() {
        List<ProgramDefinition> programs = new ProgramLoader(text -> text.replaceAll("\\$\\{[^}:]+:([^}]*)}", "$1")
                .replaceAll("\\$\\{[^}]+}", "http://127.0.0.1:1")).load(Path.of("../config/programs"));

        assertThat(programs).extracting(ProgramDefinition::id).contains("helios", "vantage");
        ProgramDefinition helios = programs.stream().filter(p -> p.id().equals("helios")).findFirst().orElseThrow();
        assertThat(helios.tiers()).containsEntry("Premier", "GOLD");
        assertThat(helios.entity(EntityType.DEAL).sourceField("partner")).isEqualTo("PartnerAccountId");
        assertThat(helios.connection("client-id")).isEqualTo("accord-demo");
    }

    @Test
    void namesTheFileAndEveryBadField(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("orbit.yaml"), """
                id: orbit
                system: dynamics
                default-currency: EURO
                entities:
                  partner:
                    object: Account
                    fields:
                      name: Name
                      colour: Colour__c
                tiers:
                  Premier: GOLDEN
                """);

        assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(ProgramConfigException.class)
                .hasMessageContaining("orbit.yaml is invalid")
                .hasMessageContaining("system: 'dynamics' is not one of")
                .hasMessageContaining("default-currency: 'EURO'")
                .hasMessageContaining("entities.partner.fields.tier: missing (required)")
                .hasMessageContaining("entities.partner.fields.colour: unknown canonical field")
                .hasMessageContaining("tiers.Premier: 'GOLDEN' is not one of");
    }

    @Test
    void badTransformsAndCodesAreNamed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("orbit.yaml"), """
                id: orbit
                system: salesforce
                default-currency: EUR
                entities:
                  partner:
                    object: Account
                    fields: {name: Name, tier: Level__c}
                    transforms:
                      name: {case: shouting}
                      closeDate: {date-format: "qqqq-bogus-{"}
                tiers: {Gold: GOLD}
                territories: {Deutschland: dach}
                """);

        assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(ProgramConfigException.class)
                .hasMessageContaining("entities.partner.transforms.name.case: 'shouting' is not upper or lower")
                .hasMessageContaining("entities.partner.transforms.closeDate: the field is not mapped")
                .hasMessageContaining("territories.Deutschland: 'dach' must be an upper-case code");
    }

    @Test
    void anErpSectionNamesItsSystemAndEveryMissingSetting(@TempDir Path dir) throws IOException {
        String program = """
                id: orbit
                system: salesforce
                default-currency: EUR
                entities:
                  partner:
                    object: Account
                    fields: {name: Name, tier: Level__c}
                tiers: {Gold: GOLD}
                """;
        Files.writeString(dir.resolve("orbit.yaml"), program + "erp: {system: sap-rfc}\n");
        assertThatThrownBy(() -> loader.load(dir)).hasMessageContaining("erp.system: 'sap-rfc' is not one of [odata, sql]");

        Files.writeString(dir.resolve("orbit.yaml"), program
                + "erp: {system: odata, service-uri: 'http://erp/data/', poll-interval-ms: soon}\n");
        assertThatThrownBy(() -> loader.load(dir))
                .hasMessageContaining("erp.token-uri: missing (required for an odata ERP)")
                .hasMessageContaining("erp.client-secret: missing")
                .hasMessageContaining("erp.poll-interval-ms: 'soon' must be a positive number");

        Files.writeString(dir.resolve("orbit.yaml"), program
                + "erp: {system: sql, jdbc-url: 'jdbc:h2:mem:x', username: sa, password: ''}\n");
        assertThatThrownBy(() -> loader.load(dir)).hasMessageContaining("erp.password: missing");

        Files.writeString(dir.resolve("orbit.yaml"), program
                + "erp: {system: sql, jdbc-url: 'jdbc:h2:mem:x', username: sa, password: secret}\n");
        assertThat(loader.load(dir).get(0).erp("jdbc-url")).isEqualTo("jdbc:h2:mem:x");
    }

    @Test
    void anUnknownKeyIsNamedWithItsPath(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("orbit.yaml"), """
                id: orbit
                system: hubspot
                tier-map:
                  Premier: GOLD
                """);

        assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(ProgramConfigException.class)
                .hasMessageContaining("orbit.yaml: tier-map");
    }

    @Test
    void theIdMustMatchTheFileName(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("orbit.yaml"), """
                id: helios
                system: hubspot
                default-currency: USD
                entities:
                  partner:
                    object: companies
                    fields: {name: name, tier: partner_tier}
                tiers: {Gold: GOLD}
                """);

        assertThatThrownBy(() -> loader.load(dir)).hasMessageContaining("must match the file name 'orbit.yaml'");
    }

    @Test
    void anEmptyDirectoryIsAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> loader.load(dir)).hasMessageContaining("No program files");
    }
}
