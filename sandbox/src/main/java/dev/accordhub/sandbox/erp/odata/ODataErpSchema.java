package dev.accordhub.sandbox.erp.odata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.apache.olingo.commons.api.edm.provider.CsdlAbstractEdmProvider;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainer;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainerInfo;
import org.apache.olingo.commons.api.edm.provider.CsdlEntitySet;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityType;
import org.apache.olingo.commons.api.edm.provider.CsdlProperty;
import org.apache.olingo.commons.api.edm.provider.CsdlPropertyRef;
import org.apache.olingo.commons.api.edm.provider.CsdlSchema;

/**
 * The ERP's OData model, shaped like a Dynamics 365 Finance data entity set: five entity sets in namespace
 * {@code Accord.Erp}, every document carrying the ERP-wide {@code ChangeSeq} a client polls on. The first property of
 * each type is its key.
 */
final class ODataErpSchema extends CsdlAbstractEdmProvider {

    static final String NAMESPACE = "Accord.Erp";
    static final FullQualifiedName CONTAINER = new FullQualifiedName(NAMESPACE, "Container");

    static final String FUNDS = "MdfFunds";
    static final String REQUESTS = "MdfRequests";
    static final String CLAIMS = "MdfClaims";
    static final String PAYOUTS = "Payouts";
    static final String RATES = "ExchangeRates";

    /** One property of an entity type. */
    record Prop(String name, EdmPrimitiveTypeKind type, boolean collection) {
        CsdlProperty csdl(boolean key) {
            CsdlProperty property = new CsdlProperty().setName(name).setType(type.getFullQualifiedName())
                    .setCollection(collection).setNullable(!key);
            if (type == EdmPrimitiveTypeKind.Decimal) {
                // Amounts carry at most 6 decimals, as in D365; rates need more (0.0066125 USD per JPY).
                property.setPrecision(32).setScale(name.equals("Rate") ? 12 : 6);
            }
            return property;
        }
    }

    /** One entity set and its type. */
    record EntitySetDef(String setName, String typeName, List<Prop> properties) {
        FullQualifiedName type() {
            return new FullQualifiedName(NAMESPACE, typeName);
        }

        String key() {
            return properties.get(0).name();
        }
    }

    private static final EdmPrimitiveTypeKind STRING = EdmPrimitiveTypeKind.String;
    private static final EdmPrimitiveTypeKind DECIMAL = EdmPrimitiveTypeKind.Decimal;
    private static final EdmPrimitiveTypeKind DATE = EdmPrimitiveTypeKind.Date;
    private static final EdmPrimitiveTypeKind STAMP = EdmPrimitiveTypeKind.DateTimeOffset;
    private static final EdmPrimitiveTypeKind INT64 = EdmPrimitiveTypeKind.Int64;

    static final Map<String, EntitySetDef> SETS = Map.of(
            FUNDS, new EntitySetDef(FUNDS, "MdfFund", List.of(p("FundId", STRING), p("PartnerAccount", STRING),
                    p("Name", STRING), p("PeriodStart", DATE), p("PeriodEnd", DATE), p("CurrencyCode", STRING),
                    p("AllocatedAmount", DECIMAL), p("ModifiedAt", STAMP), p("ChangeSeq", INT64))),
            REQUESTS, new EntitySetDef(REQUESTS, "MdfRequest", List.of(p("RequestId", STRING), p("FundId", STRING),
                    p("PartnerAccount", STRING), p("Activity", STRING), p("Country", STRING),
                    p("CurrencyCode", STRING), p("Amount", DECIMAL), p("Status", STRING), p("DecisionReason", STRING),
                    p("SubmittedBy", STRING), p("ModifiedAt", STAMP), p("ChangeSeq", INT64))),
            CLAIMS, new EntitySetDef(CLAIMS, "MdfClaim", List.of(p("ClaimId", STRING), p("FundId", STRING),
                    p("RequestId", STRING), p("PartnerAccount", STRING), p("InvoiceReference", STRING),
                    new Prop("ProofReferences", STRING, true), p("CurrencyCode", STRING), p("Amount", DECIMAL),
                    p("Status", STRING), p("DecisionReason", STRING), p("SubmittedBy", STRING),
                    p("ModifiedAt", STAMP), p("ChangeSeq", INT64))),
            PAYOUTS, new EntitySetDef(PAYOUTS, "Payout", List.of(p("PayoutId", STRING), p("ClaimId", STRING),
                    p("FundId", STRING), p("CurrencyCode", STRING), p("Amount", DECIMAL), p("PaidAt", STAMP),
                    p("ChangeSeq", INT64))),
            RATES, new EntitySetDef(RATES, "ExchangeRate", List.of(p("FromCurrency", STRING),
                    p("ToCurrency", STRING), p("Rate", DECIMAL), p("ModifiedAt", STAMP), p("ChangeSeq", INT64))));

    private static final List<String> SET_ORDER = List.of(FUNDS, REQUESTS, CLAIMS, PAYOUTS, RATES);

    private static Prop p(String name, EdmPrimitiveTypeKind type) {
        return new Prop(name, type, false);
    }

    static EntitySetDef set(String name) {
        return SETS.get(name);
    }

    @Override
    public CsdlEntityType getEntityType(FullQualifiedName name) {
        return byType(name).map(def -> {
            List<CsdlProperty> properties = new ArrayList<>();
            for (int i = 0; i < def.properties().size(); i++) {
                properties.add(def.properties().get(i).csdl(i == 0));
            }
            return new CsdlEntityType().setName(def.typeName()).setProperties(properties)
                    .setKey(List.of(new CsdlPropertyRef().setName(def.key())));
        }).orElse(null);
    }

    @Override
    public CsdlEntitySet getEntitySet(FullQualifiedName container, String name) {
        if (!CONTAINER.equals(container) || !SETS.containsKey(name)) {
            return null;
        }
        return new CsdlEntitySet().setName(name).setType(SETS.get(name).type());
    }

    @Override
    public CsdlEntityContainer getEntityContainer() {
        List<CsdlEntitySet> sets = SET_ORDER.stream().map(name -> getEntitySet(CONTAINER, name)).toList();
        return new CsdlEntityContainer().setName(CONTAINER.getName()).setEntitySets(new ArrayList<>(sets));
    }

    @Override
    public CsdlEntityContainerInfo getEntityContainerInfo(FullQualifiedName name) {
        if (name == null || CONTAINER.equals(name)) {
            return new CsdlEntityContainerInfo().setContainerName(CONTAINER);
        }
        return null;
    }

    @Override
    public List<CsdlSchema> getSchemas() {
        List<CsdlEntityType> types = SET_ORDER.stream().map(name -> getEntityType(SETS.get(name).type())).toList();
        return List.of(new CsdlSchema().setNamespace(NAMESPACE).setEntityTypes(new ArrayList<>(types))
                .setEntityContainer(getEntityContainer()));
    }

    private static Optional<EntitySetDef> byType(FullQualifiedName name) {
        return SETS.values().stream().filter(def -> def.type().equals(name)).findFirst();
    }
}
