package dev.accordhub.model.source;

import dev.accordhub.model.program.EntityMapping;
import java.util.Map;

/**
 * Writes a partner user into a program's CRM as the contact with that e-mail address: updated if there is one,
 * created otherwise. Failures are classified as for {@link DealWriter}.
 */
public interface ContactWriter {

    /** @return the CRM's id of the contact */
    String upsertContact(EntityMapping mapping, String email, Map<String, Object> fields);
}
