package dev.accordhub.connectors.salesforce;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accordhub.model.program.EntityMapping;
import dev.accordhub.model.program.ProgramDefinition;
import dev.accordhub.model.source.ContactWriter;
import dev.accordhub.model.source.DealWriter;
import dev.accordhub.model.source.SourceClient;
import dev.accordhub.model.source.SourcePage;
import dev.accordhub.model.source.SourceRecord;
import dev.accordhub.model.source.SourceUnavailableException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.AuthenticationType;
import org.apache.camel.component.salesforce.SalesforceComponent;

/**
 * Reads one program's Salesforce org through camel-salesforce, and writes deal registrations into it. Each program gets its own component instance
 * ({@code salesforce-<program>}), configured from the program's {@code connection} block, so two orgs can be
 * read side by side and pointing a program at the real Salesforce is a matter of its login URL and credentials.
 */
public final class SalesforceConnector implements SourceClient, DealWriter, ContactWriter,
        dev.accordhub.model.source.SourceApiUsage {

    public static final String SYSTEM = "salesforce";

    private final String component;
    private final ProducerTemplate template;
    private final SalesforceRecordReader reader;
    private final ObjectMapper json;
    private final dev.accordhub.model.source.ApiUsageTracker usage = new dev.accordhub.model.source.ApiUsageTracker();

    public SalesforceConnector(CamelContext camel, ProgramDefinition program, ObjectMapper json) {
        this.component = "salesforce-" + program.id();
        camel.addComponent(component, configure(program));
        this.template = camel.createProducerTemplate();
        this.reader = new SalesforceRecordReader(json);
        this.json = json;
    }

    static SalesforceComponent configure(ProgramDefinition program) {
        SalesforceComponent sf = new SalesforceComponent();
        sf.setLoginUrl(required(program, "login-url"));
        sf.setClientId(required(program, "client-id"));
        sf.setClientSecret(required(program, "client-secret"));
        String auth = program.connection("authentication-type");
        AuthenticationType type = auth == null ? AuthenticationType.CLIENT_CREDENTIALS
                : AuthenticationType.valueOf(auth.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        sf.setAuthenticationType(type);
        if (type == AuthenticationType.USERNAME_PASSWORD) {
            sf.setUserName(required(program, "user-name"));
            sf.setPassword(required(program, "password"));
        }
        if (program.connection("instance-url") != null) {
            sf.setInstanceUrl(program.connection("instance-url"));
        }
        return sf;
    }

    private static String required(ProgramDefinition program, String key) {
        String value = program.connection(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Program '" + program.id() + "': connection." + key
                    + " is required for a Salesforce program");
        }
        return value;
    }

    @Override
    public SourcePage changedSince(EntityMapping mapping, Instant since) {
        // queryAll: deleted records (IsDeleted, in the recycle bin) are changes the hub must see too.
        return call(component + ":queryAll?rawPayload=true", SoqlBuilder.changedSince(mapping, since));
    }

    @Override
    public SourcePage nextPage(EntityMapping mapping, String cursor) {
        return call(component + ":queryMore?rawPayload=true", cursor);
    }

    /**
     * Upsert on the registration-id external id field ({@code PATCH sobjects/Opportunity/<field>/<id>}), so a
     * redelivered write updates the record it created before. Salesforce answers the new id on a create; on an
     * update it may answer nothing, and the id is then read back through the same external id.
     */
    @Override
    public String upsertDeal(EntityMapping mapping, String registrationId, Map<String, Object> fields) {
        String idField = mapping.sourceField("registrationId");
        Map<String, Object> body = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (!name.equals(idField)) {
                body.put(name, value instanceof java.time.LocalDate || value instanceof java.math.BigDecimal
                        ? value.toString() : value);
            }
        });
        try {
            String answer = request(component + ":upsertSObject?rawPayload=true",
                    json.writeValueAsString(body), Map.of("sObjectName", mapping.object(), "sObjectIdName", idField,
                            "sObjectIdValue", registrationId));
            String id = answer == null || answer.isBlank() ? null : json.readTree(answer).path("id").asText(null);
            return id != null ? id : idByExternalId(mapping, idField, registrationId);
        } catch (CamelExecutionException e) {
            throw SalesforceErrorClassifier.classify(e.getCause() == null ? e : e.getCause());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Salesforce answered an upsert with unreadable JSON: " + e.getMessage(), e);
        }
    }

    /** The contact with this e-mail (SOQL), updated; or a new one. */
    @Override
    public String upsertContact(EntityMapping mapping, String email, Map<String, Object> fields) {
        String emailField = mapping.sourceField("email");
        String soql = "SELECT Id FROM " + mapping.object() + " WHERE " + emailField + " = '"
                + email.replace("\\", "\\\\").replace("'", "\\'") + "' ORDER BY CreatedDate";
        List<SourceRecord> found = call(component + ":query?rawPayload=true", soql).records();
        try {
            String body = json.writeValueAsString(fields);
            if (found.isEmpty()) {
                String answer = request(component + ":createSObject?rawPayload=true", body,
                        Map.of("sObjectName", mapping.object()));
                return json.readTree(answer).path("id").asText();
            }
            String id = found.get(0).externalId();
            request(component + ":updateSObject?rawPayload=true", body,
                    Map.of("sObjectName", mapping.object(), "sObjectId", id));
            return id;
        } catch (CamelExecutionException e) {
            throw SalesforceErrorClassifier.classify(e.getCause() == null ? e : e.getCause());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Salesforce answered a contact write with unreadable JSON", e);
        }
    }

    private String idByExternalId(EntityMapping mapping, String idField, String value) {
        String soql = "SELECT Id FROM " + mapping.object() + " WHERE " + idField + " = '"
                + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
        List<SourceRecord> found = call(component + ":query?rawPayload=true", soql).records();
        if (found.isEmpty()) {
            throw new SourceUnavailableException("Salesforce upserted " + mapping.object() + " " + idField + "="
                    + value + " but cannot find it");
        }
        return found.get(0).externalId();
    }

    private SourcePage call(String uri, String body) {
        try {
            return reader.read(request(uri, body, Map.of()));
        } catch (CamelExecutionException e) {
            throw SalesforceErrorClassifier.classify(e.getCause() == null ? e : e.getCause());
        }
    }

    /**
     * One call through camel-salesforce, counted, with the allowance Salesforce reports on every answer
     * ({@code Sforce-Limit-Info: api-usage=used/limit}, copied onto the message by the component) kept.
     */
    private String request(String uri, String body, Map<String, Object> headers) {
        usage.called();
        org.apache.camel.Exchange done = template.request(uri, exchange -> {
            exchange.getMessage().setHeaders(new java.util.HashMap<>(headers));
            exchange.getMessage().setBody(body);
        });
        SalesforceLimitInfo.parse(done.getMessage().getHeader(SalesforceLimitInfo.HEADER, String.class))
                .ifPresent(a -> usage.reported(a.used(), a.limit(), java.time.Instant.now()));
        if (done.getException() != null) {
            throw new CamelExecutionException("Salesforce call failed: " + done.getException().getMessage(), done,
                    done.getException());
        }
        return done.getMessage().getBody(String.class);
    }

    @Override
    public long apiCalls() {
        return usage.apiCalls();
    }

    @Override
    public java.util.Optional<Allowance> apiAllowance() {
        return usage.apiAllowance();
    }
}
