package dev.accordhub.sandbox.erp.odata;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.olingo.commons.api.data.Entity;
import org.apache.olingo.commons.api.data.Property;
import org.apache.olingo.commons.api.data.ValueType;

/** The store's rows as Olingo entities, and a posted entity as a draft row for the store to check. */
final class ODataErpEntities {

    private ODataErpEntities() {
    }

    static Entity of(MdfFundRow row) {
        return entity(ODataErpSchema.FUNDS, row.fundId(), row.fundId(), row.partnerAccount(), row.name(),
                row.periodStart(), row.periodEnd(), row.currencyCode(), row.allocatedAmount(), row.modifiedAt(),
                row.changeSeq());
    }

    static Entity of(MdfRequestRow row) {
        return entity(ODataErpSchema.REQUESTS, row.requestId(), row.requestId(), row.fundId(), row.partnerAccount(),
                row.activity(), row.country(), row.currencyCode(), row.amount(), row.status(), row.decisionReason(),
                row.submittedBy(), row.modifiedAt(), row.changeSeq());
    }

    static Entity of(MdfClaimRow row) {
        return entity(ODataErpSchema.CLAIMS, row.claimId(), row.claimId(), row.fundId(), row.requestId(),
                row.partnerAccount(), row.invoiceReference(), row.proofReferences(), row.currencyCode(),
                row.amount(), row.status(), row.decisionReason(), row.submittedBy(), row.modifiedAt(),
                row.changeSeq());
    }

    static Entity of(PayoutRow row) {
        return entity(ODataErpSchema.PAYOUTS, row.payoutId(), row.payoutId(), row.claimId(), row.fundId(),
                row.currencyCode(), row.amount(), row.paidAt(), row.changeSeq());
    }

    static Entity of(ExchangeRateRow row) {
        return entity(ODataErpSchema.RATES, row.fromCurrency(), row.fromCurrency(), row.toCurrency(), row.rate(),
                row.modifiedAt(), row.changeSeq());
    }

    static MdfRequestRow requestDraft(Entity posted) {
        return new MdfRequestRow(string(posted, "RequestId"), string(posted, "FundId"),
                string(posted, "PartnerAccount"), string(posted, "Activity"), string(posted, "Country"),
                string(posted, "CurrencyCode"), decimal(posted, "Amount"), null, null, string(posted, "SubmittedBy"),
                null, 0);
    }

    static MdfClaimRow claimDraft(Entity posted) {
        return new MdfClaimRow(string(posted, "ClaimId"), string(posted, "FundId"), string(posted, "RequestId"),
                string(posted, "PartnerAccount"), string(posted, "InvoiceReference"), strings(posted,
                "ProofReferences"), string(posted, "CurrencyCode"), decimal(posted, "Amount"), null, null,
                string(posted, "SubmittedBy"), null, 0);
    }

    /** The value of a property the filter or ordering compares, as stored (String, BigDecimal, Long, dates). */
    static Object value(Entity entity, String property) {
        Property p = entity.getProperty(property);
        return p == null ? null : p.getValue();
    }

    private static Entity entity(String set, String key, Object... values) {
        ODataErpSchema.EntitySetDef def = ODataErpSchema.set(set);
        Entity entity = new Entity();
        entity.setType(def.type().getFullQualifiedNameAsString());
        for (int i = 0; i < values.length; i++) {
            ODataErpSchema.Prop prop = def.properties().get(i);
            Object value = values[i];
            if (value instanceof java.time.Instant instant) {
                // Olingo writes DateTimeOffset from a Timestamp at full precision, in UTC.
                value = java.sql.Timestamp.from(instant);
            }
            entity.addProperty(new Property(null, prop.name(),
                    prop.collection() ? ValueType.COLLECTION_PRIMITIVE : ValueType.PRIMITIVE, value));
        }
        entity.setId(URI.create(set + "('" + key.replace("'", "''") + "')"));
        return entity;
    }

    private static String string(Entity entity, String property) {
        Object value = value(entity, property);
        return value == null ? null : value.toString();
    }

    private static BigDecimal decimal(Entity entity, String property) {
        Object value = value(entity, property);
        return value == null ? null : new BigDecimal(value.toString());
    }

    private static List<String> strings(Entity entity, String property) {
        Object value = value(entity, property);
        List<String> strings = new ArrayList<>();
        if (value instanceof Iterable<?> items) {
            items.forEach(item -> strings.add(String.valueOf(item)));
        }
        return strings;
    }
}
