package dev.accordhub.routes.registration;

import dev.accordhub.model.Deal;
import dev.accordhub.model.registration.Alert;
import java.util.List;

/**
 * What a registration command or a CRM-reported registration change produced: golden deals to publish, alerts to
 * raise, and deals to write into their owning CRM.
 */
public record RegistrationOutcome(List<Deal> changed, List<Alert> alerts, List<Deal> writes) {

    public RegistrationOutcome {
        changed = List.copyOf(changed);
        alerts = List.copyOf(alerts);
        writes = List.copyOf(writes);
    }
}
