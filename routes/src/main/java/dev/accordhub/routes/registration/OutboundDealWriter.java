package dev.accordhub.routes.registration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import dev.accordhub.model.Deal;
import dev.accordhub.model.PartnerUser;
import dev.accordhub.routes.outbound.ContactWriteMapper;
import dev.accordhub.model.EntityType;
import dev.accordhub.model.SourceRef;
import dev.accordhub.model.program.ProgramDefinition;
import dev.accordhub.model.registration.DealCommand;
import dev.accordhub.routes.ProgramConnectors;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes into a program's CRM what the hub owns there: a registration (answering the {@code LINK} command that
 * records the CRM's id and the hash of what was written, so the CRM's echo of it is recognised), or a contact as
 * the identity providers have the person.
 */
public class OutboundDealWriter {

    private final Map<String, ProgramDefinition> programs;
    private final ProgramConnectors connectors;
    private final ObjectMapper json;
    private final Clock clock;

    public OutboundDealWriter(List<ProgramDefinition> programs, ProgramConnectors connectors, ObjectMapper json,
            Clock clock) {
        this.programs = programs.stream().collect(Collectors.toMap(ProgramDefinition::id, Function.identity()));
        this.connectors = connectors;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @return for a deal, the LINK command as JSON for {@code accord.deal.commands}; for a contact
     *         ({@code {"contact": <partner user>}}), null: the CRM's report of it comes back through ingest
     */
    public String write(String payload) throws JsonProcessingException {
        JsonNode tree = json.readTree(payload);
        if (tree.has("contact")) {
            writeContact(json.treeToValue(tree.path("contact"), PartnerUser.class));
            return null;
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
        String crmId = connectors.dealWriter(program.id()).upsertDeal(program.entity(EntityType.DEAL), deal.id(),
                DealWriteMapper.fields(program, deal));
        // The CRM's own version is not known yet; the epoch lets its first report of the record count as newer.
        SourceRef ref = new SourceRef(program.system(), program.id(), crmId, Instant.EPOCH);
        return json.writeValueAsString(DealCommand.link(deal.id(), ref, RegistrationEcho.hash(deal), clock.instant()));
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
