package dev.accordhub.portal.deals;

import dev.accordhub.portal.common.CommandQueues;
import dev.accordhub.routes.Topics;
import java.util.List;
import java.util.Map;

/**
 * A new registration on both of its queues in one transaction: the command for the golden model and the write for
 * the owning CRM, each in the deal's message group. The CRM write does not wait for consolidation, which applies
 * the command in parallel.
 */
public class RegistrationQueues {

    private final CommandQueues queues;

    public RegistrationQueues(CommandQueues queues) {
        this.queues = queues;
    }

    public void submit(String dealId, String command, String outboundQueue, String write) {
        Map<String, String> correlation = Map.of(Topics.CORRELATION_HEADER, dealId);
        queues.send(List.of(new CommandQueues.Queued(Topics.DEAL_COMMAND_QUEUE, dealId, correlation, command),
                new CommandQueues.Queued(outboundQueue, dealId, correlation, write)));
    }
}
