package dev.accordhub.routes.incentive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accordhub.model.incentive.ErpChange;
import dev.accordhub.model.incentive.ErpClient;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands one queued MDF submission (an {@link ErpChange} of a request or claim) to its program's ERP. The connectors
 * make a second delivery of the same document a no-op, so Artemis redelivering after a failure is safe. Exceptions
 * go to the route's error handler: retried with back-off, then dead-lettered with the reason.
 */
public class ErpWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ErpWriter.class);

    private final Map<String, ErpClient> clients;
    private final ObjectMapper json;

    public ErpWriter(Map<String, ErpClient> clients, ObjectMapper json) {
        this.clients = Map.copyOf(clients);
        this.json = json;
    }

    public void write(String body) throws JsonProcessingException {
        ErpChange change = json.readValue(body, ErpChange.class);
        ErpClient client = clients.get(change.program());
        if (client == null) {
            throw new IllegalStateException("Program " + change.program() + " has no ERP configured");
        }
        switch (change.kind()) {
            case REQUEST -> client.submit(change.request());
            case CLAIM -> client.submit(change.claim());
            default -> throw new IllegalArgumentException("Only requests and claims are written to an ERP, not "
                    + change.kind());
        }
        LOG.info("{} {} handed to the ERP of {}", change.kind(), change.documentId(), change.program());
    }
}
