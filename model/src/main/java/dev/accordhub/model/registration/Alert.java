package dev.accordhub.model.registration;

import java.time.Instant;
import java.util.List;

/**
 * Something the channel team or an operator should look at, published on {@code accord.alerts}: a channel
 * conflict between registrations of different partners, a registration past its review deadline, or an
 * incentive-integrity finding (the same invoice or proof claimed twice, a claim above the remaining balance, a deal
 * or claim outside the partner's territory, a burst of submissions far above the partner's own baseline).
 *
 * @param id stable per finding, so a replay or a second detection raises nothing new
 * @param subject the deal, claim, request or partner the alert is about
 * @param related the other records involved (the conflicting registrations, the other claims of an invoice)
 */
public record Alert(String id, Type type, String subject, List<String> related, String detail, Instant time) {

    public enum Type {
        CHANNEL_CONFLICT, REVIEW_OVERDUE, DOUBLE_DIPPING, OVER_BALANCE, GEOGRAPHIC_GAMING, BULK_NOMINATION
    }

    public Alert {
        related = related == null ? List.of() : List.copyOf(related);
    }
}
