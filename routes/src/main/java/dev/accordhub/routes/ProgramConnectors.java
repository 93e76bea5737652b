package dev.accordhub.routes;

import dev.accordhub.model.source.DealWriter;
import dev.accordhub.model.source.SourceClient;
import java.util.Map;

/** The connector of each program (reads its CRM; writes registrations into it), by program id. */
public record ProgramConnectors(Map<String, SourceClient> byProgram) {

    public ProgramConnectors {
        byProgram = Map.copyOf(byProgram);
    }

    public SourceClient client(String program) {
        SourceClient client = byProgram.get(program);
        if (client == null) {
            throw new IllegalArgumentException("No program '" + program + "' is configured");
        }
        return client;
    }

    public dev.accordhub.model.source.ContactWriter contactWriter(String program) {
        if (client(program) instanceof dev.accordhub.model.source.ContactWriter writer) {
            return writer;
        }
        throw new IllegalStateException("The connector of program '" + program + "' cannot write contacts");
    }

    public DealWriter dealWriter(String program) {
        if (client(program) instanceof DealWriter writer) {
            return writer;
        }
        throw new IllegalStateException("The connector of program '" + program + "' cannot write deals");
    }
}
