package dev.accordhub.bench.quality;

import dev.accordhub.routes.consolidate.match.CompanyCandidate;
import dev.accordhub.routes.consolidate.match.MergePlanner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Golden records as the benchmark keeps them: a cluster label per record position and each cluster's members.
 * Splittable, like a golden store that can move a source out of a golden record: a plan may evict a member.
 */
final class BenchClusters implements MergePlanner.Clusters {

    private final CompanyCandidate[] records;
    private final Map<String, Integer> position;
    private final int[] label;
    private final Map<Integer, List<Integer>> members = new HashMap<>();
    private int nextLabel;

    BenchClusters(CompanyCandidate[] records, Map<String, Integer> position) {
        this.records = records;
        this.position = position;
        this.label = new int[records.length];
        for (int i = 0; i < records.length; i++) {
            label[i] = i;
        }
        this.nextLabel = records.length;
    }

    @Override
    public String clusterOf(String sourceKey) {
        return Integer.toString(label[position.get(sourceKey)]);
    }

    @Override
    public List<CompanyCandidate> members(String clusterId) {
        List<CompanyCandidate> list = new ArrayList<>();
        for (int member : positions(Integer.parseInt(clusterId))) {
            list.add(records[member]);
        }
        return list;
    }

    @Override
    public boolean splittable() {
        return true;
    }

    /** Puts the record at {@code record} into each of the clusters, which become one. */
    void merge(int record, List<String> clusterIds) {
        for (String clusterId : clusterIds) {
            int into = Integer.parseInt(clusterId);
            int from = label[record];
            if (from == into) {
                continue;
            }
            List<Integer> joined = new ArrayList<>(positions(into));
            for (int moved : positions(from)) {
                label[moved] = into;
                joined.add(moved);
            }
            members.remove(from);
            members.put(into, joined);
        }
    }

    /** Moves the record with this source key out of its cluster into one of its own; returns its position. */
    int evict(String sourceKey) {
        int record = position.get(sourceKey);
        int from = label[record];
        List<Integer> rest = new ArrayList<>(positions(from));
        rest.remove(Integer.valueOf(record));
        members.put(from, rest);
        label[record] = nextLabel++;
        return record;
    }

    /** The clusters as they stand, for the pairwise count. */
    UnionFind unionFind() {
        UnionFind clusters = new UnionFind(records.length);
        Map<Integer, Integer> firstOf = new HashMap<>();
        for (int i = 0; i < records.length; i++) {
            Integer first = firstOf.putIfAbsent(label[i], i);
            if (first != null) {
                clusters.union(first, i);
            }
        }
        return clusters;
    }

    private List<Integer> positions(int cluster) {
        List<Integer> list = members.get(cluster);
        return list != null ? list : cluster < records.length && label[cluster] == cluster ? List.of(cluster)
                : List.of();
    }
}
