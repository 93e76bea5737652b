package dev.accordhub.bench.quality;

import dev.accordhub.routes.consolidate.match.CompanyCandidate;
import dev.accordhub.routes.consolidate.match.DomainNormaliser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rules of the consolidator on main before fuzzy matching: a record joins the first record that shares its tax
 * id, DUNS or web domain (in that order), unless their tax ids or DUNS numbers differ. Records stream in the same
 * order as for the matcher. Name + country only opens a stewardship task there, so it merges nothing.
 */
final class ExactKeyBaseline {

    private ExactKeyBaseline() {
    }

    /** @param skipSharedHosts true to ignore free-mail domains (gmail.com), which main's rule does not */
    static UnionFind clusters(CompanyCandidate[] records, boolean skipSharedHosts) {
        UnionFind clusters = new UnionFind(records.length);
        Map<String, Integer> firstWithKey = new HashMap<>();
        for (int i = 0; i < records.length; i++) {
            CompanyCandidate record = records[i];
            List<String> keys = new java.util.ArrayList<>(3);
            if (record.taxId() != null) {
                keys.add("tax:" + record.taxId());
            }
            if (record.duns() != null) {
                keys.add("duns:" + record.duns());
            }
            if (record.domain() != null && !(skipSharedHosts && DomainNormaliser.isShared(record.domain()))) {
                keys.add("domain:" + record.domain());
            }
            for (String key : keys) {
                Integer first = firstWithKey.get(key);
                if (first != null && !conflict(record, records[first])) {
                    clusters.union(i, first);
                    break;
                }
            }
            for (String key : keys) {
                firstWithKey.putIfAbsent(key, i);
            }
        }
        return clusters;
    }

    private static boolean conflict(CompanyCandidate a, CompanyCandidate b) {
        return a.taxId() != null && b.taxId() != null && !Objects.equals(a.taxId(), b.taxId())
                || a.duns() != null && b.duns() != null && !Objects.equals(a.duns(), b.duns());
    }
}
