package dev.accordhub.bench.quality;

import java.util.HashMap;
import java.util.Map;

/**
 * Pairwise precision and recall of a clustering against the truth: every pair of records put in one cluster is
 * a predicted merge; it is right when both records are of the same true company. A wrong merge of two clusters of
 * three costs nine pairs, so precision also shows how far an error spreads.
 *
 * @param predictedPairs record pairs in the same predicted cluster
 * @param truePairs      record pairs of the same company
 * @param correctPairs   pairs in both
 */
record PairwiseQuality(long predictedPairs, long truePairs, long correctPairs) {

    static PairwiseQuality of(UnionFind clusters, int[] entityOf) {
        Map<Integer, Integer> clusterSizes = new HashMap<>();
        Map<Integer, Integer> entitySizes = new HashMap<>();
        Map<Long, Integer> overlapSizes = new HashMap<>();
        for (int i = 0; i < clusters.count(); i++) {
            int cluster = clusters.find(i);
            clusterSizes.merge(cluster, 1, Integer::sum);
            entitySizes.merge(entityOf[i], 1, Integer::sum);
            overlapSizes.merge(((long) cluster << 32) | entityOf[i], 1, Integer::sum);
        }
        return new PairwiseQuality(pairs(clusterSizes), pairs(entitySizes), pairs(overlapSizes));
    }

    double precision() {
        return predictedPairs == 0 ? 1.0 : (double) correctPairs / predictedPairs;
    }

    double recall() {
        return truePairs == 0 ? 1.0 : (double) correctPairs / truePairs;
    }

    private static long pairs(Map<?, Integer> sizes) {
        long pairs = 0;
        for (int size : sizes.values()) {
            pairs += (long) size * (size - 1) / 2;
        }
        return pairs;
    }
}
