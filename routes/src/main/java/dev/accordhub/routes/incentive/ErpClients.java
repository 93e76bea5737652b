package dev.accordhub.routes.incentive;

import dev.accordhub.connectors.erp.odata.ODataErpClient;
import dev.accordhub.connectors.erp.odata.ODataErpConfig;
import dev.accordhub.connectors.erp.sql.SqlErpClient;
import dev.accordhub.connectors.erp.sql.SqlErpConfig;
import dev.accordhub.model.incentive.ErpClient;
import dev.accordhub.model.program.ProgramDefinition;
import java.util.Map;
import org.apache.camel.CamelContext;

/** The ERP connectors by program id, and how one is made from a program's {@code erp:} section. */
public record ErpClients(Map<String, ErpClient> all) {

    public ErpClients {
        all = Map.copyOf(all);
    }

    public ErpClient get(String program) {
        ErpClient client = all.get(program);
        if (client == null) {
            throw new IllegalArgumentException("Program " + program + " has no ERP configured");
        }
        return client;
    }

    static ErpClient connect(ProgramDefinition program, CamelContext camel, int pageSize) {
        return switch (program.erp("system")) {
            case "odata" -> new ODataErpClient(new ODataErpConfig(program.id(), program.erp("service-uri"),
                    program.erp("token-uri"), program.erp("client-id"), program.erp("client-secret"),
                    program.erp("scope"), pageSize), camel);
            case "sql" -> new SqlErpClient(camel, SqlErpConfig.of(program.id(), program.erp("jdbc-url"),
                    program.erp("username"), program.erp("password")).withPageSize(pageSize));
            default -> throw new IllegalStateException("No ERP connector for system '" + program.erp("system")
                    + "' (program " + program.id() + ")");
        };
    }
}
