package dev.accordhub.routes.consolidate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.hazelcast.config.AttributeConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.IndexConfig;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.IndexType;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.query.extractor.ValueCollector;
import com.hazelcast.query.extractor.ValueExtractor;
import java.io.IOException;
import java.util.List;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;

/**
 * The attributes the golden {@value GoldenStore#DEALS} map is indexed and queried by: the owning partner and, for deal
 * registrations, the customer's domain and name key (duplicates, channel conflicts) and the review status (the SLA).
 *
 * <p>They are custom attributes rather than JSON paths because of what a JSON path costs on every write: Hazelcast
 * parses the stored JSON once per indexed path, and once more for each index that has seen only nulls (the
 * registration paths of every plain deal), seven parses per deal, 40 % of its partition threads' time in a backfill.
 * Here one streaming pass reads all the values, and the other extraction of the same write reuses it.
 *
 * <p>A registration's three values are one attribute with several values ({@link #REGISTRATION}, each prefixed with
 * what it is), queried through {@link #customerDomain}, {@link #customerNameKey} and {@link #status}: so a plain
 * deal, which has none of them, costs one index entry for them instead of three, and a backfill of plain deals keeps
 * two indexes up to date per write instead of four. Combine them with OR, never with AND: Hazelcast's query
 * optimiser takes two values of one attribute in an AND for a contradiction and answers nothing; filter the
 * results instead.
 *
 * <p>{@link #declare(Config)} adds the attributes and their indexes to whatever configuration the member starts with
 * (the hub's {@code hazelcast.yaml}, a production cluster file, a test's), so every query below finds them, and stores
 * the deals as objects, which custom extractors need.
 */
public final class DealAttributes {

    /** {@code partnerKey}: the same name and value as the JSON field, so reads of either kind agree. */
    public static final String PARTNER = "partnerKey";
    /**
     * A deal registration's {@code domain:<customer domain>}, {@code name:<customer name key>} and
     * {@code status:<SUBMITTED|APPROVED|REJECTED>}, those it has; nothing for other deals.
     */
    public static final String REGISTRATION = "registrationKeys";

    /** Registrations of the customer with this domain. */
    public static <K, V> Predicate<K, V> customerDomain(String domain) {
        return Predicates.equal(REGISTRATION, "domain:" + domain);
    }

    /** Registrations of the customer with this name key ({@code ChannelConflictDetector#nameKey}). */
    public static <K, V> Predicate<K, V> customerNameKey(String nameKey) {
        return Predicates.equal(REGISTRATION, "name:" + nameKey);
    }

    /** Registrations in this review status. */
    public static <K, V> Predicate<K, V> status(String status) {
        return Predicates.equal(REGISTRATION, "status:" + status);
    }

    private static final JsonFactory JSON = new JsonFactory();
    private static final ThreadLocal<Values> LAST = new ThreadLocal<>();

    private DealAttributes() {
    }

    /** Adds the attributes and a hash index on each to the deals map's configuration, unless it has them already. */
    public static void declare(Config config) {
        MapConfig deals = config.getMapConfig(GoldenStore.DEALS); // the configured one, else one added from defaults
        // Hazelcast hands a custom extractor the stored object, and in BINARY format a JSON value is stored as bytes
        // it only reads as a generic record, which JSON is not. As objects, the values cost the same heap.
        deals.setInMemoryFormat(InMemoryFormat.OBJECT);
        List<String> declared = deals.getAttributeConfigs().stream().map(AttributeConfig::getName).toList();
        add(deals, declared, PARTNER, Partner.class);
        add(deals, declared, REGISTRATION, Registration.class);
    }

    private static void add(MapConfig deals, List<String> declared, String name, Class<?> extractor) {
        if (!declared.contains(name)) {
            deals.addAttributeConfig(new AttributeConfig(name, extractor.getName()));
        }
        boolean indexed = deals.getIndexConfigs().stream().anyMatch(i -> i.getAttributes().equals(List.of(name)));
        if (!indexed) {
            deals.addIndexConfig(new IndexConfig(IndexType.HASH, name));
        }
    }

    /** The four values of one stored deal; {@code json} is the text they were read from. */
    record Values(String json, String partnerKey, String customerDomain, String customerNameKey, String status) {
    }

    /** The values of a stored deal's JSON; the last one read on this thread is kept for the other attributes. */
    static Values of(Object target) {
        String json = target instanceof HazelcastJsonValue value ? value.getValue()
                : target instanceof String text ? text : null;
        if (json == null) {
            return null;
        }
        Values last = LAST.get();
        if (last != null && (last.json() == json || last.json().equals(json))) {
            return last;
        }
        Values read = read(json);
        LAST.set(read);
        return read;
    }

    private static Values read(String json) {
        String partnerKey = null;
        String domain = null;
        String nameKey = null;
        String status = null;
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return new Values(json, null, null, null, null);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("partnerKey")) {
                    partnerKey = text(parser, value);
                } else if (field.equals("registration") && value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String inner = parser.currentName();
                        JsonToken innerValue = parser.nextToken();
                        switch (inner) {
                            case "customerDomain" -> domain = text(parser, innerValue);
                            case "customerNameKey" -> nameKey = text(parser, innerValue);
                            case "status" -> status = text(parser, innerValue);
                            default -> parser.skipChildren();
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            // Not a deal the hub wrote; it is simply not found by these attributes.
            return new Values(json, null, null, null, null);
        }
        return new Values(json, partnerKey, domain, nameKey, status);
    }

    private static String text(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        parser.skipChildren();
        return null;
    }

    /** Extractor of {@link #PARTNER} (Hazelcast makes one per attribute, by class name). */
    public static final class Partner implements ValueExtractor<Object, Object> {
        @Override
        public void extract(Object target, Object argument, ValueCollector collector) {
            Values values = of(target);
            if (values != null && values.partnerKey() != null) {
                collector.addObject(values.partnerKey());
            }
        }
    }

    /** Extractor of {@link #REGISTRATION}: each value the registration has, none for other deals. */
    public static final class Registration implements ValueExtractor<Object, Object> {
        @Override
        public void extract(Object target, Object argument, ValueCollector collector) {
            Values values = of(target);
            if (values == null) {
                return;
            }
            if (values.customerDomain() != null) {
                collector.addObject("domain:" + values.customerDomain());
            }
            if (values.customerNameKey() != null) {
                collector.addObject("name:" + values.customerNameKey());
            }
            if (values.status() != null) {
                collector.addObject("status:" + values.status());
            }
        }
    }
}
