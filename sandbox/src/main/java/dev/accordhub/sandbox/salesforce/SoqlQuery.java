package dev.accordhub.sandbox.salesforce;

import java.util.List;

/**
 * A parsed SOQL statement, names as the client wrote them: binding to the schema happens when it runs.
 *
 * @param where  null when the statement has no WHERE clause
 * @param limit  null when unlimited
 */
record SoqlQuery(List<String> fields, String object, SoqlCondition where, List<Order> orderBy, Integer limit,
                 int offset) {

    SoqlQuery {
        fields = List.copyOf(fields);
        orderBy = List.copyOf(orderBy);
    }

    /** {@code nullsFirst} defaults as in SOQL: first when ascending, last when descending. */
    record Order(String field, boolean descending, boolean nullsFirst) {
    }
}
