package dev.accordhub.portal.incentives;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accordhub.model.Money;
import dev.accordhub.portal.common.FormFields;
import dev.accordhub.portal.common.FormFields.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The two MDF forms, each read and checked in one pass.
 *
 * <pre>
 * request: {"fundId": "HEL-0001", "activity": "Joint webinar, Q1", "country": "DE", "amount": 2500, "currency": "EUR"}
 * claim:   {"requestId": "...", "invoiceReference": "INV-2026-0042", "amount": 2400.00, "currency": "EUR",
 *           "proofReferences": ["https://dam.example/webinar-attendees.pdf", "doc:7f3a"]}
 * </pre>
 * Proof of performance is attached by reference (an https URL or a document id of the partner's document store),
 * never inline: the hub does not keep files.
 */
public final class MdfForms {

    public record RequestForm(String fundId, String program, String activity, String country, Money amount) {
    }

    public record ClaimForm(String requestId, String invoiceReference, Money amount, List<String> proofReferences) {
    }

    public record Parsed<T>(T form, List<FieldError> errors) {
    }

    static final int MAX_PROOFS = 20;
    private static final Set<String> REQUEST_FIELDS = Set.of("fundId", "program", "activity", "country", "amount",
            "currency");
    private static final Set<String> CLAIM_FIELDS = Set.of("requestId", "invoiceReference", "amount", "currency",
            "proofReferences");
    /** An https URL, or a document id such as {@code doc:7f3a} / {@code DMS-2026-00042}. */
    private static final Pattern REFERENCE = Pattern.compile("https://[^\\s]{3,500}|[A-Za-z0-9][A-Za-z0-9._:/-]{1,199}");

    private MdfForms() {
    }

    public static Parsed<RequestForm> request(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            return new Parsed<>(null, List.of(new FieldError("", "the body must be a JSON object")));
        }
        FormFields.unknown(body, REQUEST_FIELDS, "", "MDF request form", errors);
        String fund = FormFields.text(body, "fundId", "fundId", 1, 100, true, errors);
        String program = FormFields.text(body, "program", "program", 1, 50, false, errors);
        String activity = FormFields.text(body, "activity", "activity", 3, 500, true, errors);
        String country = FormFields.country(body, "country", "country", true, errors);
        Money amount = FormFields.amount(body, "amount", errors);
        return errors.isEmpty() ? new Parsed<>(new RequestForm(fund, program, activity, country, amount), List.of())
                : new Parsed<>(null, List.copyOf(errors));
    }

    public static Parsed<ClaimForm> claim(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            return new Parsed<>(null, List.of(new FieldError("", "the body must be a JSON object")));
        }
        FormFields.unknown(body, CLAIM_FIELDS, "", "MDF claim form", errors);
        String request = FormFields.text(body, "requestId", "requestId", 1, 100, true, errors);
        String invoice = FormFields.text(body, "invoiceReference", "invoiceReference", 1, 100, true, errors);
        Money amount = FormFields.amount(body, "amount", errors);
        List<String> proofs = proofs(body.path("proofReferences"), errors);
        return errors.isEmpty() ? new Parsed<>(new ClaimForm(request, invoice, amount, proofs), List.of())
                : new Parsed<>(null, List.copyOf(errors));
    }

    private static List<String> proofs(JsonNode node, List<FieldError> errors) {
        if (node.isMissingNode() || node.isNull() || (node.isArray() && node.isEmpty())) {
            errors.add(new FieldError("proofReferences", "at least one proof of performance is required, by "
                    + "reference (an https URL or a document id)"));
            return null;
        }
        if (!node.isArray()) {
            errors.add(new FieldError("proofReferences", "must be a list of references"));
            return null;
        }
        if (node.size() > MAX_PROOFS) {
            errors.add(new FieldError("proofReferences", "at most " + MAX_PROOFS + " references"));
            return null;
        }
        List<String> proofs = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String path = "proofReferences[" + i + "]";
            if (!item.isTextual()) {
                errors.add(new FieldError(path, "must be text"));
            } else if (item.asText().startsWith("data:") || item.asText().length() > 500) {
                errors.add(new FieldError(path, "attach proofs by reference (an https URL or a document id), not "
                        + "inline content"));
            } else if (!REFERENCE.matcher(item.asText().trim()).matches()) {
                errors.add(new FieldError(path, "'" + item.asText() + "' is neither an https URL nor a document id"));
            } else {
                proofs.add(item.asText().trim());
            }
        }
        return proofs;
    }
}
