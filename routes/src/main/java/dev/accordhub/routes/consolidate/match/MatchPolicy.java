package dev.accordhub.routes.consolidate.match;

/**
 * Where the scores turn into decisions, and which evidence counts. The defaults were tuned on the quality
 * benchmark ({@code bench/quality}): see its README for what they give.
 *
 * @param mergeThreshold          a fuzzy score at or above this merges
 * @param reviewThreshold         a fuzzy score at or above this (and below the merge threshold) goes to a steward
 * @param maxBlockSize            a blocking key shared by more records than this is too common to say anything
 *                                ("us|global") and is not used to find candidates; this keeps the cost of a match
 *                                bounded however many records there are
 * @param useTaxId                equal tax ids merge, different ones veto
 * @param useDuns                 equal DUNS numbers merge, different ones veto
 * @param useVerifiedDomain       equal domains merge when both programs verified them
 * @param fuzzyMergeWithinProgram whether a fuzzy match between two records of the same program may merge. Off by
 *                                default: a program that keeps two records with alike names usually does so on
 *                                purpose (two branches, two legal entities), so such a pair goes to a steward.
 *                                Exact keys merge within a program either way: that is a real duplicate.
 */
public record MatchPolicy(
        double mergeThreshold,
        double reviewThreshold,
        int maxBlockSize,
        boolean useTaxId,
        boolean useDuns,
        boolean useVerifiedDomain,
        boolean fuzzyMergeWithinProgram) {

    public static final double DEFAULT_MERGE_THRESHOLD = 0.91;
    public static final double DEFAULT_REVIEW_THRESHOLD = 0.80;
    public static final int DEFAULT_MAX_BLOCK_SIZE = 200;

    public MatchPolicy {
        if (!(reviewThreshold > 0 && reviewThreshold <= mergeThreshold && mergeThreshold <= 1)) {
            throw new IllegalArgumentException("Match thresholds must satisfy 0 < reviewThreshold (" + reviewThreshold
                    + ") <= mergeThreshold (" + mergeThreshold + ") <= 1");
        }
        if (maxBlockSize < 1) {
            throw new IllegalArgumentException("maxBlockSize must be at least 1, was " + maxBlockSize);
        }
    }

    public static MatchPolicy defaults() {
        return new MatchPolicy(DEFAULT_MERGE_THRESHOLD, DEFAULT_REVIEW_THRESHOLD, DEFAULT_MAX_BLOCK_SIZE, true, true,
                true, false);
    }

    public MatchPolicy withThresholds(double merge, double review) {
        return new MatchPolicy(merge, review, maxBlockSize, useTaxId, useDuns, useVerifiedDomain,
                fuzzyMergeWithinProgram);
    }

    public MatchPolicy withMaxBlockSize(int size) {
        return new MatchPolicy(mergeThreshold, reviewThreshold, size, useTaxId, useDuns, useVerifiedDomain,
                fuzzyMergeWithinProgram);
    }

    public MatchPolicy withFuzzyMergeWithinProgram(boolean allowed) {
        return new MatchPolicy(mergeThreshold, reviewThreshold, maxBlockSize, useTaxId, useDuns, useVerifiedDomain,
                allowed);
    }

    /** The decision a fuzzy score alone leads to. */
    MatchDecision decisionFor(double score) {
        if (score >= mergeThreshold) {
            return MatchDecision.MERGE;
        }
        return score >= reviewThreshold ? MatchDecision.REVIEW : MatchDecision.SEPARATE;
    }
}
