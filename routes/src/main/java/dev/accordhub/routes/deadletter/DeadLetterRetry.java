package dev.accordhub.routes.deadletter;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accordhub.connectors.hubspot.HubSpotRecordReader;
import dev.accordhub.connectors.salesforce.SalesforceRecordReader;
import dev.accordhub.model.ChangeEvent;
import dev.accordhub.model.DeadLetter;
import dev.accordhub.model.EntityType;
import dev.accordhub.model.program.MappingException;
import dev.accordhub.model.program.ProgramDefinition;
import dev.accordhub.model.program.ProgramRecordMapper;
import dev.accordhub.model.source.SourceRecord;
import dev.accordhub.routes.Topics;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What retrying a dead letter means, by the stage that gave up. A consolidation letter's payload is an ingest event:
 * it goes back on its topic. An ingest letter's payload is the source record as received: it is mapped again with
 * the program's current configuration (after, say, a tier was added to the map) and, if it maps now, delivered as
 * an ingest event; if it still does not, the retry is refused with the reason and the letter stays open.
 */
public class DeadLetterRetry {

    /** A record to publish: topic, key, JSON. */
    public record Republish(String topic, String key, String value) {
    }

    private final Map<String, ProgramDefinition> programs;
    private final ObjectMapper json;

    public DeadLetterRetry(List<ProgramDefinition> programs, ObjectMapper json) {
        this.programs = programs.stream().collect(Collectors.toMap(ProgramDefinition::id, Function.identity()));
        this.json = json;
    }

    public Republish plan(DeadLetter letter) throws Exception {
        if (letter.stage() != null && letter.stage().startsWith("erp.")) {
            throw new MappingException("An ERP document the hub could not read is not retried from here: fix it in "
                    + "the ERP (" + letter.reason() + "); its next change is read like any other. Discard this letter "
                    + "then");
        }
        if (letter.stage() != null && letter.stage().startsWith("ingest.")) {
            return remap(letter);
        }
        if (letter.source() == null || !letter.source().startsWith("accord.")) {
            throw new MappingException("Dead letter " + letter.id() + " names no topic to send it back to");
        }
        return new Republish(letter.source(), letter.key(), letter.payload());
    }

    private Republish remap(DeadLetter letter) throws Exception {
        String[] where = letter.source().split(":");
        ProgramDefinition program = programs.get(where[0]);
        if (program == null) {
            throw new MappingException("Program '" + where[0] + "' is no longer configured");
        }
        EntityType entity = EntityType.fromCode(where[1]);
        SourceRecord record = decode(program.system(), letter.payload());
        ProgramRecordMapper mapper = new ProgramRecordMapper(program);
        Object data = switch (entity) {
            case PARTNER -> mapper.toPartner(record);
            case USER -> mapper.toUser(record);
            case DEAL -> mapper.toDeal(record);
        };
        var ref = new dev.accordhub.model.SourceRef(program.system(), program.id(), record.externalId(),
                record.version());
        ChangeEvent<Object> event = record.deleted() ? ChangeEvent.deleted(entity, ref, data)
                : ChangeEvent.upserted(entity, ref, data);
        return new Republish(Topics.ingest(entity), event.subject(), json.writeValueAsString(event));
    }

    /** The raw record back into a source record, with the system's own reader. */
    private SourceRecord decode(String system, String raw) {
        String page;
        List<SourceRecord> records;
        if ("salesforce".equals(system)) {
            page = "{\"done\":true,\"records\":[" + raw + "]}";
            records = new SalesforceRecordReader(json).read(page).records();
        } else {
            page = "{\"results\":[" + raw + "]}";
            records = new HubSpotRecordReader(json).read(page).records();
        }
        return records.get(0);
    }
}
