package dev.accordhub.connectors.salesforce;

import dev.accordhub.model.program.EntityMapping;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Builds the incremental SOQL query of one mapped object: every mapped field plus Id, SystemModstamp and IsDeleted
 * (it runs through queryAll, so deletions arrive as changes), records modified at or after the watermark, oldest
 * first with Id as tie-breaker so paging is stable.
 */
public final class SoqlBuilder {

    private static final DateTimeFormatter SOQL_DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private SoqlBuilder() {
    }

    public static String changedSince(EntityMapping mapping, Instant since) {
        Set<String> fields = new LinkedHashSet<>();
        fields.add("Id");
        fields.add("SystemModstamp");
        fields.add("IsDeleted");
        fields.addAll(mapping.sourceFields());
        StringBuilder soql = new StringBuilder("SELECT ").append(String.join(", ", fields))
                .append(" FROM ").append(mapping.object())
                .append(" WHERE SystemModstamp >= ").append(SOQL_DATETIME.format(since));
        if (mapping.where() != null && !mapping.where().isBlank()) {
            soql.append(" AND ").append(mapping.where());
        }
        return soql.append(" ORDER BY SystemModstamp ASC, Id ASC").toString();
    }
}
