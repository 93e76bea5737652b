package dev.accordhub.model.registration;

import dev.accordhub.model.Deal;
import dev.accordhub.model.SourceRef;
import java.time.Instant;

/**
 * A change to a deal registration that the hub itself makes, applied by consolidation in order with the changes
 * the CRMs report (topic {@code accord.deal.commands}, keyed by deal id).
 *
 * <ul>
 *   <li>{@code SUBMIT}: a partner registered {@code deal} through the portal;</li>
 *   <li>{@code LINK}: the owning CRM now holds it as {@code crmRef}, written with the fields hashed in
 *       {@code writtenHash};</li>
 *   <li>{@code MARK_OVERDUE}: its review SLA passed without a decision.</li>
 * </ul>
 */
public record DealCommand(String id, Type type, String dealId, Deal deal, SourceRef crmRef, String writtenHash,
        Instant at) {

    public enum Type { SUBMIT, LINK, MARK_OVERDUE }

    public static DealCommand submit(Deal deal, Instant at) {
        return new DealCommand(deal.id() + ":submit", Type.SUBMIT, deal.id(), deal, null, null, at);
    }

    public static DealCommand link(String dealId, SourceRef crmRef, String writtenHash, Instant at) {
        return new DealCommand(dealId + ":link:" + writtenHash, Type.LINK, dealId, null, crmRef, writtenHash, at);
    }

    public static DealCommand markOverdue(String dealId, Instant at) {
        return new DealCommand(dealId + ":overdue", Type.MARK_OVERDUE, dealId, null, null, null, at);
    }
}
