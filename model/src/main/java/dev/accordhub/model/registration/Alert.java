package dev.accordhub.model.registration;

import java.time.Instant;
import java.util.List;

/**
 * Something the channel team or an operator should look at, published on {@code accord.alerts}: a channel
 * conflict between registrations of different partners, or a registration past its review deadline.
 *
 * @param subject the deal the alert is about
 * @param related the other deals involved (the conflicting registrations)
 */
public record Alert(String id, Type type, String subject, List<String> related, String detail, Instant time) {

    public enum Type { CHANNEL_CONFLICT, REVIEW_OVERDUE }

    public Alert {
        related = related == null ? List.of() : List.copyOf(related);
    }
}
