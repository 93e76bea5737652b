package dev.accordhub.routes.registration;

import dev.accordhub.model.Deal;
import dev.accordhub.model.registration.Alert;
import java.util.List;

/**
 * What a registration command or a CRM-reported registration change produced: golden deals to publish, alerts to
 * raise, and deals to write into their owning CRM; and for the portal's copies of registrations whose submission is
 * not applied yet, those to keep across a restart ({@code held}: a CRM report reached them first) and those no
 * longer needed ({@code released}: ids whose submission has been applied).
 */
public record RegistrationOutcome(List<Deal> changed, List<Alert> alerts, List<Deal> writes, List<Deal> held,
        List<String> released) {

    public RegistrationOutcome {
        changed = List.copyOf(changed);
        alerts = List.copyOf(alerts);
        writes = List.copyOf(writes);
        held = List.copyOf(held);
        released = List.copyOf(released);
    }

    public RegistrationOutcome(List<Deal> changed, List<Alert> alerts, List<Deal> writes) {
        this(changed, alerts, writes, List.of(), List.of());
    }
}
