package dev.accordhub.routes;

import dev.accordhub.model.EntityType;

/** The hub's Kafka topics. Ingest and golden topics are compacted by key: they are the hub's durable record. */
public final class Topics {

    public static final String CHECKPOINTS = "accord.checkpoints";
    public static final String DEAD_LETTER = "accord.deadletter";
    /** Operators' handling of each dead letter (retried, discarded), keyed by letter id (compacted). */
    public static final String DEAD_LETTER_STATUS = "accord.deadletter.status";
    /** Concurrent edits of one golden field in two sources, with the winner. */
    public static final String CONFLICTS = "accord.conflicts";
    /** Operators' merge/unmerge/accept/reject commands, in order with source changes; kept as the audit log. */
    public static final String IDENTITY_COMMANDS = "accord.identity.commands";
    /** The outcome of every identity command, keyed by command id (compacted). */
    public static final String XREF_HISTORY = "accord.xref.history";
    /** Stewardship tasks (possible duplicates), keyed by task id (compacted). */
    public static final String STEWARDSHIP = "accord.stewardship";

    /** Registration commands (submit, CRM link, SLA overdue), keyed by deal id; kept as the audit log. */
    public static final String DEAL_COMMANDS = "accord.deal.commands";
    /**
     * The portal's copies of registrations whose CRM report reached consolidation before their submission did, with
     * what the CRM said (its record id, an early decision), keyed by deal id (compacted; a tombstone once the
     * submission is applied). A rebuild puts them back in the grid, as the reports are not read again.
     */
    public static final String REGISTRATIONS_HELD = "accord.registrations.held";
    /** Channel conflicts and overdue registrations, for the channel team and operators. */
    public static final String ALERTS = "accord.alerts";
    /** The Artemis queue deal registrations from the portal arrive on. */
    public static final String DEAL_COMMAND_QUEUE = "accord.commands.deals";

    /** The ERPs' MDF documents (funds, requests, claims, payouts, rates), keyed by {@code program:KIND:id} (compacted). */
    public static final String ERP_CHANGES = "accord.erp.changes";
    /** MDF requests and claims submitted in the portal, keyed like {@link #ERP_CHANGES}; kept as the audit log. */
    public static final String MDF_COMMANDS = "accord.mdf.commands";
    /** The Artemis queue MDF submissions from the portal arrive on. */
    public static final String MDF_COMMAND_QUEUE = "accord.commands.mdf";

    /** What the identity providers provisioned over SCIM, keyed by {@code <idp>/<type>/<id>} (compacted). */
    public static final String SCIM_RESOURCES = "accord.scim.resources";

    /**
     * The message header (Kafka header, JMS property) that carries one change's correlation id from where it
     * entered the hub (an ingest event's id, a registration id, an MDF document key) to the golden model and the
     * write-back; Camel puts it into the logs' MDC.
     */
    public static final String CORRELATION_HEADER = "accordCorrelation";

    private Topics() {
    }

    /** Source snapshots, keyed by source key ({@code program:entity:externalId}). */
    public static String ingest(EntityType entity) {
        return "accord.ingest." + entity.code();
    }

    /**
     * The Artemis queue of writes into one program's CRM, as a Camel endpoint URI (consolidation publishes to
     * Kafka topics and to these alike).
     */
    public static String outbound(String program) {
        return "jms:queue:" + outboundQueue(program);
    }

    public static String outboundQueue(String program) {
        return "accord.outbound." + program;
    }

    /** The Artemis queue of MDF requests and claims going into one program's ERP (message group = fund). */
    public static String erpOutboundQueue(String program) {
        return "accord.outbound.erp." + program;
    }

    /** Consolidated records, keyed by golden id. */
    public static String golden(EntityType entity) {
        return "accord.golden." + entity.code();
    }
}
