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
import java.util.function.Function;

/**
 * The attributes the golden {@value GoldenStore#DEALS} map is indexed and queried by: the owning partner and, for deal
 * registrations, the customer's domain and name key (duplicates, channel conflicts) and the review status (the SLA).
 *
 * <p>They are custom attributes rather than JSON paths because of what a JSON path costs on every write: Hazelcast
 * parses the stored JSON once per indexed path, and once more for each index that has seen only nulls (the
 * registration paths of every plain deal), seven parses per deal, 40 % of its partition threads' time in a backfill.
 * Here one streaming pass reads all four values, and the three other extractions of the same write reuse it.
 *
 * <p>{@link #declare(Config)} adds the attributes and their indexes to whatever configuration the member starts with
 * (the hub's {@code hazelcast.yaml}, a production cluster file, a test's), so every query below finds them, and stores
 * the deals as objects, which custom extractors need.
 */
public final class DealAttributes {

    /** {@code partnerKey}: the same name and value as the JSON field, so reads of either kind agree. */
    public static final String PARTNER = "partnerKey";
    /** {@code registration.customerDomain} of a deal registration, null for other deals. */
    public static final String CUSTOMER_DOMAIN = "registrationCustomerDomain";
    /** {@code registration.customerNameKey} of a deal registration, null for other deals. */
    public static final String CUSTOMER_NAME_KEY = "registrationCustomerNameKey";
    /** {@code registration.status} of a deal registration (SUBMITTED, APPROVED, REJECTED), null for other deals. */
    public static final String STATUS = "registrationStatus";

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
        add(deals, declared, CUSTOMER_DOMAIN, CustomerDomain.class);
        add(deals, declared, CUSTOMER_NAME_KEY, CustomerNameKey.class);
        add(deals, declared, STATUS, Status.class);
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

    private abstract static class Attribute implements ValueExtractor<Object, Object> {
        private final Function<Values, String> pick;

        Attribute(Function<Values, String> pick) {
            this.pick = pick;
        }

        @Override
        public void extract(Object target, Object argument, ValueCollector collector) {
            Values values = of(target);
            String value = values == null ? null : pick.apply(values);
            if (value != null) {
                collector.addObject(value);
            }
        }
    }

    /** Extractor of {@link #PARTNER} (Hazelcast makes one per attribute, by class name). */
    public static final class Partner extends Attribute {
        public Partner() {
            super(Values::partnerKey);
        }
    }

    /** Extractor of {@link #CUSTOMER_DOMAIN}. */
    public static final class CustomerDomain extends Attribute {
        public CustomerDomain() {
            super(Values::customerDomain);
        }
    }

    /** Extractor of {@link #CUSTOMER_NAME_KEY}. */
    public static final class CustomerNameKey extends Attribute {
        public CustomerNameKey() {
            super(Values::customerNameKey);
        }
    }

    /** Extractor of {@link #STATUS}. */
    public static final class Status extends Attribute {
        public Status() {
            super(Values::status);
        }
    }
}
