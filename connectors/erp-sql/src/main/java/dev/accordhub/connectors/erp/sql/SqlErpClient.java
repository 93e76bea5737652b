package dev.accordhub.connectors.erp.sql;

import dev.accordhub.model.incentive.ErpChange;
import dev.accordhub.model.incentive.ErpChanges;
import dev.accordhub.model.incentive.ErpClient;
import dev.accordhub.model.incentive.ErpCursor;
import dev.accordhub.model.incentive.ErpRejectedException;
import dev.accordhub.model.incentive.MdfClaim;
import dev.accordhub.model.incentive.MdfRequest;
import java.io.Closeable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * One program's interface-table ERP through camel-sql: the change feed reads the *_OUT tables by CHANGE_SEQ, the two
 * commands insert into MDF_REQUEST_IN / MDF_CLAIM_IN. The statements are resources under {@code erp-sql/} in portable
 * SQL; the data source is bound in the Camel registry as {@link SqlErpConfig#dataSourceName()}. The CamelContext is
 * the caller's and must be started before the first call.
 */
public final class SqlErpClient implements ErpClient, Closeable {

    /** One table of the feed: its statement and how its rows become changes. */
    private record Feed(ErpChange.Kind kind, Endpoint endpoint, Function<Map<String, Object>, ErpChange> toChange) {
    }

    private final SqlErpConfig config;
    private final CamelContext camel;
    private final DataSource dataSource;
    private final boolean ownsDataSource;
    private final ProducerTemplate template;
    private final SqlErpMapper mapper;
    private final SqlErpErrorClassifier classifier = new SqlErpErrorClassifier();
    private final List<Feed> feeds;
    private final List<Endpoint> endpoints = new ArrayList<>();
    private final Endpoint insertRequest;
    private final Endpoint insertClaim;
    private final Endpoint check;

    /** Builds its own connection pool from the config, closed by {@link #close()}. */
    public SqlErpClient(CamelContext camel, SqlErpConfig config) {
        this(camel, config, SqlErpDataSources.create(config), true);
    }

    /** Uses a data source the caller owns (and closes), e.g. one Spring Boot configured. */
    public SqlErpClient(CamelContext camel, SqlErpConfig config, DataSource dataSource) {
        this(camel, config, dataSource, false);
    }

    private SqlErpClient(CamelContext camel, SqlErpConfig config, DataSource dataSource, boolean ownsDataSource) {
        this.config = config;
        this.camel = camel;
        this.dataSource = dataSource;
        this.ownsDataSource = ownsDataSource;
        this.mapper = new SqlErpMapper(config.program());
        camel.getRegistry().bind(config.dataSourceName(), DataSource.class, dataSource);
        this.template = camel.createProducerTemplate();
        String program = config.program();
        // Ordered so that a fund and the rates arrive before the documents drawn on them.
        this.feeds = List.of(
                new Feed(ErpChange.Kind.FX_RATE, endpoint("rates-after.sql"),
                        row -> ErpChange.of(program, SqlErpMapper.changeSeq(row), mapper.rate(row))),
                new Feed(ErpChange.Kind.FUND, endpoint("funds-after.sql"),
                        row -> ErpChange.of(program, SqlErpMapper.changeSeq(row), mapper.fund(row))),
                new Feed(ErpChange.Kind.REQUEST, endpoint("requests-after.sql"),
                        row -> ErpChange.of(program, SqlErpMapper.changeSeq(row), mapper.request(row))),
                new Feed(ErpChange.Kind.CLAIM, endpoint("claims-after.sql"),
                        row -> ErpChange.of(program, SqlErpMapper.changeSeq(row), mapper.claim(row))),
                new Feed(ErpChange.Kind.PAYOUT, endpoint("payouts-after.sql"),
                        row -> ErpChange.of(program, SqlErpMapper.changeSeq(row), mapper.payout(row))));
        this.insertRequest = endpoint("insert-request.sql");
        this.insertClaim = endpoint("insert-claim.sql");
        this.check = endpoint("check.sql");
    }

    public SqlErpConfig config() {
        return config;
    }

    /**
     * Per table, the rows after the cursor's position, at most {@code min(limit, pageSize)} each; {@code more} when
     * any table filled its page. A row that cannot be mapped (an unknown status code) is returned among the rejected,
     * with its reason, and the cursor moves past it: it must not stall the feed.
     */
    @Override
    public ErpChanges changesAfter(ErpCursor cursor, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, got " + limit);
        }
        int page = Math.min(limit, config.pageSize());
        List<ErpChange> changes = new ArrayList<>();
        List<ErpChanges.Rejected> rejected = new ArrayList<>();
        ErpCursor next = cursor;
        boolean more = false;
        for (Feed feed : feeds) {
            List<Map<String, Object>> rows = select(feed.endpoint(), Map.of("after", cursor.position(feed.kind()),
                    "limit", page), "reading the " + feed.kind() + " changes");
            for (Map<String, Object> row : rows) {
                long seq = SqlErpMapper.changeSeq(row);
                try {
                    changes.add(feed.toChange().apply(row));
                } catch (RuntimeException e) {
                    // One malformed row must not stall the feed: it goes to the hub's dead letters with its reason,
                    // and the cursor moves past it.
                    rejected.add(new ErpChanges.Rejected(config.program(), feed.kind(), seq, documentId(feed.kind(), row),
                            e.getMessage(), row.toString()));
                }
                next = next.with(feed.kind(), seq);
            }
            more |= rows.size() == page;
        }
        return new ErpChanges(changes, rejected, next, more);
    }

    @Override
    public void submit(MdfRequest request) {
        requireProgram(request.program(), "request " + request.id());
        insert(insertRequest, mapper.inboundRow(request), "inserting request " + request.id());
    }

    @Override
    public void submit(MdfClaim claim) {
        requireProgram(claim.program(), "claim " + claim.id());
        insert(insertClaim, mapper.inboundRow(claim), "inserting claim " + claim.id());
    }

    /** Reads the fund table once: throws as {@link #changesAfter} would when the ERP is unreachable or misconfigured. */
    public void checkConnection() {
        select(check, Map.of(), "checking the connection");
    }

    /**
     * Stops using the ERP: its endpoints leave the context (they hold the data source) and the data source leaves the
     * registry, so a new client of the same program starts afresh. Closes the pool if this client built it.
     */
    @Override
    public void close() {
        template.stop();
        for (Endpoint endpoint : endpoints) {
            try {
                camel.removeEndpoint(endpoint);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot remove " + endpoint, e);
            }
        }
        camel.getRegistry().unbind(config.dataSourceName());
        if (ownsDataSource && dataSource instanceof Closeable closeable) {
            try {
                closeable.close();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> select(Endpoint endpoint, Map<String, Object> parameters, String what) {
        Exchange result = template.send(endpoint, exchange -> exchange.getMessage().setBody(parameters));
        if (result.getException() != null) {
            throw classifier.classify(result.getException(), what);
        }
        return result.getMessage().getBody(List.class);
    }

    private void insert(Endpoint endpoint, Map<String, Object> parameters, String what) {
        Exchange result = template.send(endpoint, exchange -> exchange.getMessage().setBody(parameters));
        Exception failure = result.getException();
        // The ERP has the document already (a redelivery, or a retry after a lost answer): done, as the SPI says.
        if (failure != null && !classifier.isDuplicateKey(failure)) {
            throw classifier.classify(failure, what);
        }
    }

    private void requireProgram(String program, String what) {
        if (!config.program().equals(program)) {
            throw new ErpRejectedException("The " + what + " is of program " + program + ", this ERP is "
                    + config.program() + "'s");
        }
    }

    /**
     * A camel-sql endpoint on a statement resource, resolved once, here, so that a bad reference fails at start. The
     * module has no endpoint DSL; the data source reference is the only variable part of the URI.
     */
    private Endpoint endpoint(String statement) {
        Endpoint endpoint = camel.getEndpoint("sql:classpath:erp-sql/" + statement + "?dataSource=#"
                + config.dataSourceName());
        endpoints.add(endpoint);
        return endpoint;
    }

    /** The row's document id, by the table's key column. */
    private static String documentId(ErpChange.Kind kind, Map<String, Object> row) {
        String column = switch (kind) {
            case FUND -> "FUND_ID";
            case REQUEST -> "REQUEST_ID";
            case CLAIM -> "CLAIM_ID";
            case PAYOUT -> "PAYOUT_ID";
            case FX_RATE -> "FROM_CURRENCY";
        };
        Object id = row.get(column);
        return id == null ? "unknown" : String.valueOf(id);
    }
}
