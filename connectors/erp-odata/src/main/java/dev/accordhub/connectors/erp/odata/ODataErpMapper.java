package dev.accordhub.connectors.erp.odata;

import dev.accordhub.model.Money;
import dev.accordhub.model.incentive.ErpChange;
import dev.accordhub.model.incentive.FxRate;
import dev.accordhub.model.incentive.MdfClaim;
import dev.accordhub.model.incentive.MdfFund;
import dev.accordhub.model.incentive.MdfRequest;
import dev.accordhub.model.incentive.Payout;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.olingo.client.api.domain.ClientCollectionValue;
import org.apache.olingo.client.api.domain.ClientEntity;
import org.apache.olingo.client.api.domain.ClientObjectFactory;
import org.apache.olingo.client.api.domain.ClientProperty;
import org.apache.olingo.client.api.domain.ClientValue;
import org.apache.olingo.client.core.ODataClientFactory;
import org.apache.olingo.commons.api.edm.FullQualifiedName;

/**
 * Between the ERP's OData entities and the canonical MDF records: property names of the {@code Accord.Erp} model,
 * status words ("Submitted", "Approved", "Rejected", "Paid") to the canonical enums, amounts as {@link Money} in the
 * document's {@code CurrencyCode}, and the configured program stamped on every record.
 */
public final class ODataErpMapper {

    static final String NAMESPACE = "Accord.Erp";

    /** The entity set and the OData type of each kind of document. */
    static final Map<ErpChange.Kind, String> ENTITY_SETS = Map.of(
            ErpChange.Kind.FUND, "MdfFunds",
            ErpChange.Kind.REQUEST, "MdfRequests",
            ErpChange.Kind.CLAIM, "MdfClaims",
            ErpChange.Kind.PAYOUT, "Payouts",
            ErpChange.Kind.FX_RATE, "ExchangeRates");

    private final String program;
    private final ClientObjectFactory factory = ODataClientFactory.getClient().getObjectFactory();

    public ODataErpMapper(String program) {
        this.program = program;
    }

    /** One entity read from the set of {@code kind}, as a canonical change at its {@code ChangeSeq}. */
    public ErpChange toChange(ErpChange.Kind kind, ClientEntity entity) {
        long seq = Long.parseLong(text(entity, "ChangeSeq"));
        return switch (kind) {
            case FUND -> ErpChange.of(program, seq, toFund(entity));
            case REQUEST -> ErpChange.of(program, seq, toRequest(entity));
            case CLAIM -> ErpChange.of(program, seq, toClaim(entity));
            case PAYOUT -> ErpChange.of(program, seq, toPayout(entity));
            case FX_RATE -> ErpChange.of(program, seq, toRate(entity));
        };
    }

    public MdfFund toFund(ClientEntity e) {
        return new MdfFund(text(e, "FundId"), program, text(e, "PartnerAccount"), text(e, "Name"),
                date(e, "PeriodStart"), date(e, "PeriodEnd"), money(e, "AllocatedAmount"), instant(e, "ModifiedAt"));
    }

    public MdfRequest toRequest(ClientEntity e) {
        return new MdfRequest(text(e, "RequestId"), program, text(e, "FundId"), text(e, "PartnerAccount"),
                text(e, "Activity"), text(e, "Country"), money(e, "Amount"), requestStatus(text(e, "Status")),
                text(e, "DecisionReason"), text(e, "SubmittedBy"), instant(e, "ModifiedAt"));
    }

    public MdfClaim toClaim(ClientEntity e) {
        return new MdfClaim(text(e, "ClaimId"), program, text(e, "FundId"), text(e, "RequestId"),
                text(e, "PartnerAccount"), text(e, "InvoiceReference"), money(e, "Amount"),
                claimStatus(text(e, "Status")), text(e, "DecisionReason"), texts(e, "ProofReferences"),
                text(e, "SubmittedBy"), instant(e, "ModifiedAt"));
    }

    public Payout toPayout(ClientEntity e) {
        return new Payout(text(e, "PayoutId"), program, text(e, "ClaimId"), text(e, "FundId"), money(e, "Amount"),
                instant(e, "PaidAt"));
    }

    public FxRate toRate(ClientEntity e) {
        return new FxRate(program, text(e, "FromCurrency"), text(e, "ToCurrency"), decimal(e, "Rate"),
                instant(e, "ModifiedAt"));
    }

    /** A request as the ERP's create takes it: what the portal decided, none of the ERP's own fields. */
    public ClientEntity toEntity(MdfRequest request) {
        ClientEntity entity = factory.newEntity(new FullQualifiedName(NAMESPACE, "MdfRequest"));
        put(entity, "RequestId", request.id());
        put(entity, "FundId", request.fundId());
        put(entity, "PartnerAccount", request.partnerKey());
        put(entity, "Activity", request.activity());
        put(entity, "Country", request.country());
        put(entity, "CurrencyCode", request.amount().currency());
        putDecimal(entity, "Amount", request.amount().amount());
        put(entity, "SubmittedBy", request.submittedBy());
        return entity;
    }

    public ClientEntity toEntity(MdfClaim claim) {
        ClientEntity entity = factory.newEntity(new FullQualifiedName(NAMESPACE, "MdfClaim"));
        put(entity, "ClaimId", claim.id());
        put(entity, "FundId", claim.fundId());
        put(entity, "RequestId", claim.requestId());
        put(entity, "PartnerAccount", claim.partnerKey());
        put(entity, "InvoiceReference", claim.invoiceReference());
        ClientCollectionValue<ClientValue> proofs = factory.newCollectionValue("Collection(Edm.String)");
        claim.proofReferences().forEach(ref -> proofs.add(factory.newPrimitiveValueBuilder().buildString(ref)));
        entity.getProperties().add(factory.newCollectionProperty("ProofReferences", proofs));
        put(entity, "CurrencyCode", claim.amount().currency());
        putDecimal(entity, "Amount", claim.amount().amount());
        put(entity, "SubmittedBy", claim.submittedBy());
        return entity;
    }

    static MdfRequest.Status requestStatus(String word) {
        return switch (word == null ? "" : word) {
            case "Submitted" -> MdfRequest.Status.SUBMITTED;
            case "Approved" -> MdfRequest.Status.APPROVED;
            case "Rejected" -> MdfRequest.Status.REJECTED;
            default -> throw new IllegalArgumentException("Unknown request status '" + word + "'");
        };
    }

    static MdfClaim.Status claimStatus(String word) {
        return switch (word == null ? "" : word) {
            case "Submitted" -> MdfClaim.Status.SUBMITTED;
            case "Approved" -> MdfClaim.Status.APPROVED;
            case "Rejected" -> MdfClaim.Status.REJECTED;
            case "Paid" -> MdfClaim.Status.PAID;
            default -> throw new IllegalArgumentException("Unknown claim status '" + word + "'");
        };
    }

    private void put(ClientEntity entity, String name, String value) {
        if (value != null) {
            entity.getProperties().add(factory.newPrimitiveProperty(name,
                    factory.newPrimitiveValueBuilder().buildString(value)));
        }
    }

    private void putDecimal(ClientEntity entity, String name, BigDecimal value) {
        entity.getProperties().add(factory.newPrimitiveProperty(name,
                factory.newPrimitiveValueBuilder().buildDecimal(value)));
    }

    private static Money money(ClientEntity e, String amountProperty) {
        BigDecimal amount = decimal(e, amountProperty);
        String currency = text(e, "CurrencyCode");
        if (amount == null || currency == null) {
            throw new IllegalArgumentException(amountProperty + " and CurrencyCode must be set, got " + amount + " "
                    + currency);
        }
        return new Money(amount, currency);
    }

    /**
     * A primitive property as text. Without type annotations (odata.metadata=minimal) Olingo's client guesses the
     * Java type of a JSON number; its text form is exact for the amounts and sequences the ERP sends.
     */
    static String text(ClientEntity e, String name) {
        ClientProperty property = e.getProperty(name);
        if (property == null || property.hasNullValue() || !property.hasPrimitiveValue()) {
            return null;
        }
        Object value = property.getPrimitiveValue().toValue();
        return value == null ? null : value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }

    private static BigDecimal decimal(ClientEntity e, String name) {
        String text = text(e, name);
        return text == null ? null : new BigDecimal(text);
    }

    private static LocalDate date(ClientEntity e, String name) {
        String text = text(e, name);
        return text == null ? null : LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    }

    private static Instant instant(ClientEntity e, String name) {
        String text = text(e, name);
        return text == null ? null : OffsetDateTime.parse(text).toInstant();
    }

    private static List<String> texts(ClientEntity e, String name) {
        ClientProperty property = e.getProperty(name);
        List<String> texts = new ArrayList<>();
        if (property != null && property.hasCollectionValue()) {
            property.getCollectionValue().forEach(value -> texts.add(String.valueOf(value.asPrimitive().toValue())));
        }
        return texts;
    }
}
