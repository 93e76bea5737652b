package dev.accordhub.connectors.salesforce;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads Salesforce's {@code Sforce-Limit-Info: api-usage=25/15000} answer header: daily API calls used of the limit. */
final class SalesforceLimitInfo {

    static final String HEADER = "Sforce-Limit-Info";
    private static final Pattern API_USAGE = Pattern.compile("(?<![\\w-])api-usage=(\\d+)/(\\d+)");

    record Usage(long used, long limit) {
    }

    private SalesforceLimitInfo() {
    }

    static Optional<Usage> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = API_USAGE.matcher(header);
        return m.find() ? Optional.of(new Usage(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))))
                : Optional.empty();
    }
}
