package dev.accordhub.bench.quality;

import dev.accordhub.routes.consolidate.match.CompanyCandidate;
import dev.accordhub.routes.consolidate.match.MergePlanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Golden records as the benchmark keeps them: a union-find over record positions, with each cluster's members. */
final class BenchClusters implements MergePlanner.Clusters {

    private final CompanyCandidate[] records;
    private final Map<String, Integer> position;
    private final UnionFind clusters;
    private final List<List<CompanyCandidate>> members;

    BenchClusters(CompanyCandidate[] records, Map<String, Integer> position) {
        this.records = records;
        this.position = position;
        this.clusters = new UnionFind(records.length);
        this.members = new ArrayList<>(records.length);
        for (int i = 0; i < records.length; i++) {
            members.add(null);
        }
    }

    @Override
    public String clusterOf(String sourceKey) {
        return Integer.toString(clusters.find(position.get(sourceKey)));
    }

    @Override
    public List<CompanyCandidate> members(String clusterId) {
        int root = Integer.parseInt(clusterId);
        List<CompanyCandidate> list = members.get(root);
        return list == null ? List.of(records[root]) : list;
    }

    /** Puts the record at {@code position} into each of the clusters, which become one. */
    void merge(int record, List<String> clusterIds) {
        for (String clusterId : clusterIds) {
            int root = Integer.parseInt(clusterId);
            List<CompanyCandidate> joined = new ArrayList<>(members(Integer.toString(clusters.find(record))));
            joined.addAll(members(clusterId));
            clusters.union(record, root);
            members.set(clusters.find(record), joined);
        }
    }

    UnionFind unionFind() {
        return clusters;
    }
}
