package dev.accordhub.routes.registration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import dev.accordhub.model.Deal;
import dev.accordhub.model.PartnerUser;
import dev.accordhub.routes.outbound.ContactWriteMapper;
import dev.accordhub.model.EntityType;
import dev.accordhub.model.program.ProgramDefinition;
import dev.accordhub.routes.ProgramConnectors;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes into a program's CRM what the hub owns there: a registration (the hash of what is written travels with it,
 * so the CRM's echo is recognised when ingest reads it back), or a contact as the identity providers have the
 * person.
 */
public class OutboundDealWriter {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OutboundDealWriter.class);

    private final Map<String, ProgramDefinition> programs;
    private final ProgramConnectors connectors;
    private final ObjectMapper json;

    public OutboundDealWriter(List<ProgramDefinition> programs, ProgramConnectors connectors, ObjectMapper json) {
        this.programs = programs.stream().collect(Collectors.toMap(ProgramDefinition::id, Function.identity()));
        this.connectors = connectors;
        this.json = json;
    }

    /** Writes a registration (a deal) or a contact ({@code {"contact": <partner user>}}) into its CRM. */
    public void write(String payload) throws JsonProcessingException {
        JsonNode tree = json.readTree(payload);
        if (tree.has("contact")) {
            writeContact(json.treeToValue(tree.path("contact"), PartnerUser.class));
            return;
        }
        Deal deal = json.treeToValue(tree, Deal.class);
        if (deal.registration() == null || deal.registration().program() == null) {
            throw new IllegalArgumentException("Deal " + deal.id() + " is no registration with an owning program");
        }
        ProgramDefinition program = programs.get(deal.registration().program());
        if (program == null) {
            throw new IllegalArgumentException("Program '" + deal.registration().program() + "' of registration "
                    + deal.id() + " is not configured");
        }
        long started = System.nanoTime();
        String crmId = connectors.dealWriter(program.id()).upsertDeal(program.entity(EntityType.DEAL), deal.id(),
                DealWriteMapper.fields(program, deal));
        LOG.debug("Registration {} written to {} as {} in {} ms", deal.id(), program.id(), crmId,
                (System.nanoTime() - started) / 1_000_000);
        // The CRM's report of the record, recognised by its hash, records the id in the golden model.
    }

    private void writeContact(PartnerUser user) {
        String programId = user.sources().get(0).program();
        ProgramDefinition program = programs.get(programId);
        if (program == null) {
            throw new IllegalArgumentException("Program '" + programId + "' of user " + user.email()
                    + " is not configured");
        }
        connectors.contactWriter(programId).upsertContact(program.entity(EntityType.USER), user.email(),
                ContactWriteMapper.fields(program, user));
    }
}
