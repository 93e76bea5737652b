package dev.accordhub.sandbox.erp.odata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.olingo.commons.api.data.ContextURL;
import org.apache.olingo.commons.api.data.Entity;
import org.apache.olingo.commons.api.data.EntityCollection;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.edm.EdmEntityType;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.processor.EntityCollectionProcessor;
import org.apache.olingo.server.api.processor.EntityProcessor;
import org.apache.olingo.server.api.serializer.EntityCollectionSerializerOptions;
import org.apache.olingo.server.api.serializer.EntitySerializerOptions;
import org.apache.olingo.server.api.serializer.ODataSerializer;
import org.apache.olingo.server.api.uri.UriInfo;
import org.apache.olingo.server.api.uri.UriParameter;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourceEntitySet;
import org.apache.olingo.server.api.uri.UriResourcePrimitiveProperty;
import org.apache.olingo.server.api.uri.queryoption.OrderByItem;
import org.apache.olingo.server.api.uri.queryoption.SelectOption;
import org.apache.olingo.server.api.uri.queryoption.expression.Member;

/**
 * Reads of the five entity sets ({@code $filter}, {@code $orderby}, {@code $top}, {@code $skip}, {@code $select},
 * {@code $count}), one entity by key, and creates on {@code MdfRequests} and {@code MdfClaims}. What it does not
 * support it answers 501 rather than ignore.
 */
final class ODataErpProcessor implements EntityCollectionProcessor, EntityProcessor {

    private final ODataErpStore store;
    private final ODataErpEntityCache cache;
    private OData odata;
    private ServiceMetadata metadata;

    ODataErpProcessor(ODataErpStore store, ODataErpEntityCache cache) {
        this.store = store;
        this.cache = cache;
    }

    @Override
    public void init(OData odata, ServiceMetadata serviceMetadata) {
        this.odata = odata;
        this.metadata = serviceMetadata;
    }

    @Override
    public void readEntityCollection(ODataRequest request, ODataResponse response, UriInfo uriInfo,
            ContentType format) throws ODataApplicationException, ODataLibraryException {
        EdmEntitySet set = entitySet(uriInfo);
        refuseUnsupportedOptions(uriInfo);
        List<Entity> entities = new ArrayList<>();
        for (Entity entity : entities(set.getName())) {
            if (uriInfo.getFilterOption() == null
                    || ODataErpFilter.matches(uriInfo.getFilterOption().getExpression(), entity)) {
                entities.add(entity);
            }
        }
        if (uriInfo.getOrderByOption() != null) {
            entities.sort(ordering(uriInfo.getOrderByOption().getOrders()));
        }
        EntityCollection collection = new EntityCollection();
        if (uriInfo.getCountOption() != null && uriInfo.getCountOption().getValue()) {
            collection.setCount(entities.size());
        }
        int skip = uriInfo.getSkipOption() == null ? 0 : uriInfo.getSkipOption().getValue();
        int top = uriInfo.getTopOption() == null ? Integer.MAX_VALUE : uriInfo.getTopOption().getValue();
        entities.stream().skip(skip).limit(top).forEach(collection.getEntities()::add);

        SelectOption select = uriInfo.getSelectOption();
        EdmEntityType type = set.getEntityType();
        ContextURL context = ContextURL.with().entitySet(set)
                .selectList(odata.createUriHelper().buildContextURLSelectList(type, null, select)).build();
        EntityCollectionSerializerOptions options = EntityCollectionSerializerOptions.with()
                .id(request.getRawBaseUri() + "/" + set.getName()).contextURL(context).select(select)
                .count(uriInfo.getCountOption()).build();
        ODataSerializer serializer = odata.createSerializer(format);
        response.setContent(serializer.entityCollection(metadata, type, collection, options).getContent());
        response.setStatusCode(HttpStatusCode.OK.getStatusCode());
        response.setHeader(HttpHeader.CONTENT_TYPE, format.toContentTypeString());
    }

    @Override
    public void readEntity(ODataRequest request, ODataResponse response, UriInfo uriInfo, ContentType format)
            throws ODataApplicationException, ODataLibraryException {
        EdmEntitySet set = entitySet(uriInfo);
        UriResourceEntitySet resource = (UriResourceEntitySet) uriInfo.getUriResourceParts().get(0);
        String key = keyOf(resource.getKeyPredicates());
        String keyName = ODataErpSchema.set(set.getName()).key();
        Entity entity = entities(set.getName()).stream()
                .filter(e -> key.equals(ODataErpEntities.value(e, keyName)))
                .findFirst()
                .orElseThrow(() -> new ODataApplicationException("No " + set.getEntityType().getName() + " with "
                        + keyName + " '" + key + "'", HttpStatusCode.NOT_FOUND.getStatusCode(), Locale.ROOT,
                        "NotFound"));
        writeEntity(response, set, entity, format, uriInfo.getSelectOption(), HttpStatusCode.OK);
    }

    @Override
    public void createEntity(ODataRequest request, ODataResponse response, UriInfo uriInfo, ContentType requestFormat,
            ContentType responseFormat) throws ODataApplicationException, ODataLibraryException {
        EdmEntitySet set = entitySet(uriInfo);
        Entity posted = odata.createDeserializer(requestFormat).entity(request.getBody(), set.getEntityType())
                .getEntity();
        Entity created;
        try {
            created = switch (set.getName()) {
                case ODataErpSchema.REQUESTS ->
                        ODataErpEntities.of(store.create(ODataErpEntities.requestDraft(posted)));
                case ODataErpSchema.CLAIMS -> ODataErpEntities.of(store.create(ODataErpEntities.claimDraft(posted)));
                default -> throw readOnly(set);
            };
        } catch (ODataErpException e) {
            throw new ODataApplicationException(e.getMessage(), e.status(), Locale.ROOT, e.code());
        }
        response.setHeader(HttpHeader.LOCATION, request.getRawBaseUri() + "/" + created.getId());
        writeEntity(response, set, created, responseFormat, null, HttpStatusCode.CREATED);
    }

    @Override
    public void updateEntity(ODataRequest request, ODataResponse response, UriInfo uriInfo, ContentType requestFormat,
            ContentType responseFormat) throws ODataApplicationException {
        throw readOnly(entitySet(uriInfo));
    }

    @Override
    public void deleteEntity(ODataRequest request, ODataResponse response, UriInfo uriInfo)
            throws ODataApplicationException {
        throw readOnly(entitySet(uriInfo));
    }

    private void writeEntity(ODataResponse response, EdmEntitySet set, Entity entity, ContentType format,
            SelectOption select, HttpStatusCode status) throws ODataLibraryException {
        EdmEntityType type = set.getEntityType();
        ContextURL context = ContextURL.with().entitySet(set)
                .selectList(odata.createUriHelper().buildContextURLSelectList(type, null, select))
                .suffix(ContextURL.Suffix.ENTITY).build();
        EntitySerializerOptions options = EntitySerializerOptions.with().contextURL(context).select(select).build();
        response.setContent(odata.createSerializer(format).entity(metadata, type, entity, options).getContent());
        response.setStatusCode(status.getStatusCode());
        response.setHeader(HttpHeader.CONTENT_TYPE, format.toContentTypeString());
    }

    private List<Entity> entities(String set) {
        return switch (set) {
            case ODataErpSchema.FUNDS -> store.funds().stream().map(r -> cache.of(r, ODataErpEntities::of)).toList();
            case ODataErpSchema.REQUESTS ->
                    store.requests().stream().map(r -> cache.of(r, ODataErpEntities::of)).toList();
            case ODataErpSchema.CLAIMS -> store.claims().stream().map(r -> cache.of(r, ODataErpEntities::of)).toList();
            case ODataErpSchema.PAYOUTS ->
                    store.payouts().stream().map(r -> cache.of(r, ODataErpEntities::of)).toList();
            case ODataErpSchema.RATES -> store.rates().stream().map(r -> cache.of(r, ODataErpEntities::of)).toList();
            default -> List.of();
        };
    }

    private static EdmEntitySet entitySet(UriInfo uriInfo) throws ODataApplicationException {
        List<UriResource> parts = uriInfo.getUriResourceParts();
        if (parts.size() != 1 || !(parts.get(0) instanceof UriResourceEntitySet resource)) {
            throw new ODataApplicationException("Only entity sets and entities by key are served, not "
                    + parts, HttpStatusCode.NOT_IMPLEMENTED.getStatusCode(), Locale.ROOT, "NotImplemented");
        }
        return resource.getEntitySet();
    }

    private static void refuseUnsupportedOptions(UriInfo uriInfo) throws ODataApplicationException {
        String unsupported = uriInfo.getExpandOption() != null ? "$expand"
                : uriInfo.getSearchOption() != null ? "$search"
                : uriInfo.getApplyOption() != null ? "$apply"
                : uriInfo.getSkipTokenOption() != null ? "$skiptoken"
                : uriInfo.getDeltaTokenOption() != null ? "$deltatoken" : null;
        if (unsupported != null) {
            throw new ODataApplicationException(unsupported + " is not supported by this service",
                    HttpStatusCode.NOT_IMPLEMENTED.getStatusCode(), Locale.ROOT, "NotImplemented");
        }
    }

    private static Comparator<Entity> ordering(List<OrderByItem> items) throws ODataApplicationException {
        Comparator<Entity> ordering = (a, b) -> 0;
        for (OrderByItem item : items) {
            if (!(item.getExpression() instanceof Member member)
                    || member.getResourcePath().getUriResourceParts().size() != 1
                    || !(member.getResourcePath().getUriResourceParts().get(0)
                            instanceof UriResourcePrimitiveProperty property)) {
                throw new ODataApplicationException("$orderby takes properties of the entity only",
                        HttpStatusCode.NOT_IMPLEMENTED.getStatusCode(), Locale.ROOT, "NotImplemented");
            }
            String name = property.getProperty().getName();
            Comparator<Entity> byProperty = Comparator.comparing(e -> comparable(ODataErpEntities.value(e, name)),
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            ordering = ordering.thenComparing(item.isDescending() ? byProperty.reversed() : byProperty);
        }
        return ordering;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparable<Object> comparable(Object value) {
        return value instanceof Comparable c ? c : value == null ? null : (Comparable) value.toString();
    }

    private static String keyOf(List<UriParameter> predicates) {
        String text = predicates.get(0).getText();
        if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
            text = text.substring(1, text.length() - 1).replace("''", "'");
        }
        return text;
    }

    private static ODataApplicationException readOnly(EdmEntitySet set) {
        String what = set.getName().equals(ODataErpSchema.REQUESTS) || set.getName().equals(ODataErpSchema.CLAIMS)
                ? set.getName() + " are created over this service and changed only in the ERP"
                : set.getName() + " are maintained in the ERP and read-only over this service";
        return new ODataApplicationException(what, HttpStatusCode.METHOD_NOT_ALLOWED.getStatusCode(), Locale.ROOT,
                "MethodNotAllowed");
    }
}
