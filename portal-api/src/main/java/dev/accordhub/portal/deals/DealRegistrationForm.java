package dev.accordhub.portal.deals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accordhub.model.Money;
import dev.accordhub.model.program.Normalise;
import dev.accordhub.portal.common.FormFields;
import dev.accordhub.portal.common.FormFields.FieldError;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The short registration form, read and checked in one pass: every problem is reported with its field path, so a
 * partner fixes the form once.
 *
 * <pre>{
 *   "customer": {"companyName": "Northwind Traders", "domain": "northwind.example", "country": "DE",
 *                "contact": {"name": "Ana Silva", "email": "ana@northwind.example"}},
 *   "opportunityName": "Northwind data platform",
 *   "estimatedCloseDate": "2027-03-31",
 *   "estimatedAmount": 120000.00, "currency": "EUR",
 *   "notes": "optional"
 * }</pre>
 */
public record DealRegistrationForm(String customerName, String customerDomain, String customerCountry,
        String contactName, String contactEmail, String opportunityName, LocalDate closeDate, Money amount,
        String notes) {

    /** The form, or the list of what is wrong with it. */
    public record Parsed(DealRegistrationForm form, List<FieldError> errors) {
    }

    private static final Set<String> TOP = Set.of("customer", "opportunityName", "estimatedCloseDate",
            "estimatedAmount", "currency", "notes");
    private static final Set<String> CUSTOMER = Set.of("companyName", "domain", "country", "contact");
    private static final Set<String> CONTACT = Set.of("name", "email");

    public static Parsed parse(JsonNode body, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            return new Parsed(null, List.of(new FieldError("", "the body must be a JSON object")));
        }
        unknown(body, TOP, "", errors);
        JsonNode customer = body.path("customer");
        if (!customer.isObject()) {
            errors.add(new FieldError("customer", "is required (an object)"));
        } else {
            unknown(customer, CUSTOMER, "customer.", errors);
            if (customer.has("contact") && !customer.path("contact").isObject()) {
                errors.add(new FieldError("customer.contact", "must be an object"));
            } else if (customer.has("contact")) {
                unknown(customer.path("contact"), CONTACT, "customer.contact.", errors);
            }
        }
        String name = text(customer, "companyName", "customer.companyName", 2, 200, true, errors);
        String domain = domain(customer, errors);
        String country = country(customer, errors);
        JsonNode contact = customer.path("contact");
        String contactName = text(contact, "name", "customer.contact.name", 2, 200, true, errors);
        String email = email(contact, errors);
        String opportunity = text(body, "opportunityName", "opportunityName", 3, 120, true, errors);
        LocalDate close = closeDate(body, today, errors);
        Money amount = amount(body, errors);
        String notes = text(body, "notes", "notes", 0, 2000, false, errors);
        if (!errors.isEmpty()) {
            return new Parsed(null, List.copyOf(errors));
        }
        return new Parsed(new DealRegistrationForm(name, domain, country, contactName, email, opportunity, close,
                amount, notes), List.of());
    }

    private static void unknown(JsonNode node, Set<String> known, String prefix, List<FieldError> errors) {
        FormFields.unknown(node, known, prefix, "registration form", errors);
    }

    private static String text(JsonNode node, String field, String path, int min, int max, boolean required,
            List<FieldError> errors) {
        return FormFields.text(node, field, path, min, max, required, errors);
    }

    private static String domain(JsonNode customer, List<FieldError> errors) {
        String raw = text(customer, "domain", "customer.domain", 3, 253, false, errors);
        if (raw == null) {
            return null;
        }
        String domain = Normalise.domain(raw);
        if (domain == null || !domain.matches("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}")) {
            errors.add(new FieldError("customer.domain", "'" + raw + "' is not a web domain (e.g. northwind.example)"));
            return null;
        }
        return domain;
    }

    private static String country(JsonNode customer, List<FieldError> errors) {
        return FormFields.country(customer, "country", "customer.country", true, errors);
    }

    private static String email(JsonNode contact, List<FieldError> errors) {
        String email = text(contact, "email", "customer.contact.email", 3, 254, true, errors);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.add(new FieldError("customer.contact.email", "'" + email + "' is not an e-mail address"));
            return null;
        }
        return email == null ? null : email.toLowerCase(Locale.ROOT);
    }

    private static LocalDate closeDate(JsonNode body, LocalDate today, List<FieldError> errors) {
        String text = text(body, "estimatedCloseDate", "estimatedCloseDate", 10, 10, true, errors);
        if (text == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.isBefore(today)) {
                errors.add(new FieldError("estimatedCloseDate", "is in the past"));
            } else if (date.isAfter(today.plusYears(3))) {
                errors.add(new FieldError("estimatedCloseDate", "is more than three years ahead"));
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("estimatedCloseDate", "'" + text + "' is not a date (YYYY-MM-DD)"));
            return null;
        }
    }

    private static Money amount(JsonNode body, List<FieldError> errors) {
        return FormFields.amount(body, "estimatedAmount", errors);
    }
}
