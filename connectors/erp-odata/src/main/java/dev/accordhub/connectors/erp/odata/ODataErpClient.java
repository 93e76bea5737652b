package dev.accordhub.connectors.erp.odata;

import dev.accordhub.model.incentive.ErpChange;
import dev.accordhub.model.incentive.ErpChanges;
import dev.accordhub.model.incentive.ErpClient;
import dev.accordhub.model.incentive.ErpCursor;
import dev.accordhub.model.incentive.MdfClaim;
import dev.accordhub.model.incentive.MdfRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.olingo4.Olingo4Component;
import org.apache.camel.component.olingo4.Olingo4Configuration;
import org.apache.olingo.client.api.domain.ClientEntity;
import org.apache.olingo.client.api.domain.ClientEntitySet;

/**
 * One program's ERP over OData v4, through camel-olingo4: the change feed reads each entity set with
 * {@code $filter=ChangeSeq gt <cursor>&$orderby=ChangeSeq&$top=<limit>}, the two commands create entities. Each call
 * carries the bearer token in {@code CamelOlingo4.endpointHttpHeaders}; a 401 fetches a new token and tries once
 * more. Failures come out as {@link ODataErpErrorClassifier} sorts them.
 */
public final class ODataErpClient implements ErpClient {

    private static final System.Logger LOG = System.getLogger(ODataErpClient.class.getName());
    private static final String HEADER = "CamelOlingo4.";
    private static final ErpChange.Kind[] FEED_ORDER = {ErpChange.Kind.FX_RATE, ErpChange.Kind.FUND,
        ErpChange.Kind.REQUEST, ErpChange.Kind.CLAIM, ErpChange.Kind.PAYOUT};

    private final ODataErpConfig config;
    private final ODataErpMapper mapper;
    private final ODataErpTokenProvider tokens;
    private final ProducerTemplate template;
    private final String readUri;
    private final String createUri;

    public ODataErpClient(ODataErpConfig config, CamelContext camel) {
        this.config = config;
        this.mapper = new ODataErpMapper(config.program());
        this.tokens = new ODataErpTokenProvider(config, Clock.systemUTC());
        this.template = camel.createProducerTemplate();
        // A component of its own per ERP, configured with the service: camel-olingo4 shares one client per
        // component configuration, and a Spring Boot starter's component-level configuration otherwise wins over the
        // endpoint's serviceUri ("serviceUri is not set"). The entity set goes in a header, so read and create are
        // the only two endpoints, and the service's $metadata is read once.
        Olingo4Configuration service = new Olingo4Configuration();
        service.setServiceUri(config.serviceRoot());
        service.setHttpAsyncClientBuilder(ODataErpThrottleAdapter.httpClientBuilder());
        Olingo4Component component = new Olingo4Component(camel);
        component.setConfiguration(service);
        String scheme = "accord-erp-odata-" + config.program();
        camel.addComponent(scheme, component);
        this.readUri = scheme + "://read";
        this.createUri = scheme + "://create";
    }

    public ODataErpConfig config() {
        return config;
    }

    @Override
    public ErpChanges changesAfter(ErpCursor cursor, int limit) {
        int top = limit <= 0 ? config.pageSize() : Math.min(limit, config.pageSize());
        List<ErpChange> changes = new ArrayList<>();
        List<ErpChanges.Rejected> rejected = new ArrayList<>();
        ErpCursor moved = cursor;
        boolean more = false;
        for (ErpChange.Kind kind : FEED_ORDER) {
            String set = ODataErpMapper.ENTITY_SETS.get(kind);
            Map<String, String> query = Map.of("$filter", "ChangeSeq gt " + cursor.position(kind),
                    "$orderby", "ChangeSeq", "$top", Integer.toString(top));
            ClientEntitySet page = call("read " + set, readUri, message -> {
                message.setHeader(HEADER + "resourcePath", set);
                message.setHeader(HEADER + "queryParams", query);
            }, ClientEntitySet.class);
            for (ClientEntity entity : page.getEntities()) {
                long seq = Long.parseLong(ODataErpMapper.text(entity, "ChangeSeq"));
                moved = moved.with(kind, seq);
                try {
                    changes.add(mapper.toChange(kind, entity));
                } catch (RuntimeException e) {
                    // One malformed document must not stall the feed: it goes to the hub's dead letters with its
                    // reason, and the cursor moves past it.
                    rejected.add(new ErpChanges.Rejected(config.program(), kind, seq, documentId(kind, entity),
                            set + " document at ChangeSeq " + seq + ": " + e.getMessage(), entity.toString()));
                }
            }
            more |= page.getEntities().size() == top;
        }
        return new ErpChanges(changes, rejected, moved, more);
    }

    @Override
    public void submit(MdfRequest request) {
        create("MdfRequests", "create request " + request.id(), mapper.toEntity(request));
    }

    @Override
    public void submit(MdfClaim claim) {
        create("MdfClaims", "create claim " + claim.id(), mapper.toEntity(claim));
    }

    private void create(String set, String operation, ClientEntity entity) {
        try {
            call(operation, createUri, message -> {
                message.setHeader(HEADER + "resourcePath", set);
                message.setBody(entity);
            }, Object.class);
        } catch (AlreadyThere e) {
            // 409: the ERP has a document with this key already, from an earlier delivery of the same command.
        }
    }

    /** Sends with the current token; on 401 once more with a new one; then classifies what failed. */
    private <T> T call(String operation, String uri, Consumer<Message> request, Class<T> bodyType) {
        for (int attempt = 1; ; attempt++) {
            Map<String, String> auth = Map.of("Authorization", "Bearer " + tokens.token());
            Exception failed;
            try {
                Exchange result = template.send(uri, exchange -> {
                    request.accept(exchange.getMessage());
                    exchange.getMessage().setHeader(HEADER + "endpointHttpHeaders", auth);
                });
                failed = result.getException();
                if (failed == null) {
                    return result.getMessage().getBody(bodyType);
                }
            } catch (RuntimeException e) {
                failed = e;
            }
            if (attempt == 1 && ODataErpErrorClassifier.isUnauthorized(failed)) {
                tokens.invalidate();
                continue;
            }
            if (uri.equals(createUri) && ODataErpErrorClassifier.isConflict(failed)) {
                throw new AlreadyThere();
            }
            throw ODataErpErrorClassifier.classify(failed, operation);
        }
    }

    /** Internal signal of a 409 on create. */
    private static final class AlreadyThere extends RuntimeException {
        AlreadyThere() {
            super(null, null, false, false);
        }
    }

    private static String documentId(ErpChange.Kind kind, ClientEntity entity) {
        String key = switch (kind) {
            case FUND -> "FundId";
            case REQUEST -> "RequestId";
            case CLAIM -> "ClaimId";
            case PAYOUT -> "PayoutId";
            case FX_RATE -> "FromCurrency";
        };
        try {
            return ODataErpMapper.text(entity, key);
        } catch (RuntimeException e) {
            return "unknown";
        }
    }
}
